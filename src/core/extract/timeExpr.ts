import type { Range, Span } from '../types';

/**
 * Time expressions in a sentence ("on Oct. 13", "since September 2023", "in 2024",
 * "last week", "on Thursday", "earlier this month", "over the past decade"), used for the
 * `time` of a figure and to skip time phrases between a claimant and its verb.
 * Month and weekday names must be capitalised: "march", "may" and "sun" are other words.
 */
const PREP = String.raw`(?:(?:[Oo]n|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Tt]hrough|[Tt]hroughout|[Aa]s of|[Aa]s early as|[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater|[Ii]n early|[Ii]n late|[Ii]n mid-?|[Mm]id-?|(?:[Bb]y|[Aa]t) the (?:end|start|beginning) of|[Ee]arlier this|[Ee]arly in|[Ll]ate in)\s+)`;
const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]|20)\d\d`;

const PATTERNS: RegExp[] = [
  // Full dates, with or without a preposition.
  new RegExp(String.raw`\b${PREP}?(?:${WEEKDAY},?\s+)?(?:${MONTH}\s+${DAY}(?:,?\s+${YEAR})?|${DAY}\s+(?:of\s+)?${MONTH}(?:\s+${YEAR})?)(?![\w-])`, 'g'),
  new RegExp(String.raw`\b${PREP}?${MONTH}\s+${YEAR}\b`, 'g'),
  // A bare month or year only with a preposition ("in March", "since 2019").
  new RegExp(String.raw`\b${PREP}(?:${MONTH}|${YEAR}s?|the\s+${YEAR}s)(?![\w-])`, 'g'),
  new RegExp(String.raw`\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate)\s+)?${WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b`, 'g'),
  /\b(?:yesterday|today|tonight|this (?:morning|afternoon|evening|week|month|year|weekend|spring|summer|autumn|fall|winter)|(?:last|next|this|past) (?:week|month|year|decade|weekend|night|summer|winter|spring|autumn|fall|century)|(?:earlier|later) (?:this|last|that|next) (?:week|month|year|day)|in recent (?:days|weeks|months|years|decades)|(?:over|in|during|for) the (?:past|last|next|previous|coming) (?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+) )?(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:days?|weeks?|months?|years?|decades?) ago)\b/gi,
];

/** Time expressions in `text.slice(from, to)`, longest first when they overlap. */
export function findTimeExpressions(text: string, from: number, to: number, extra: Range[] = []): Span[] {
  const slice = text.slice(from, to);
  const found: Span[] = [];
  for (const re of PATTERNS) {
    for (const m of slice.matchAll(re)) {
      const start = from + (m.index ?? 0);
      // "up 2 points on 2019" compares with a year; it does not date anything.
      if (/^on\s+\d{4}$/i.test(m[0])) continue;
      found.push({ start, end: start + m[0].length, text: m[0] });
    }
  }
  for (const r of extra) found.push({ ...r, text: text.slice(r.start, r.end) });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end, text: text.slice(last.start, s.end) };
      continue;
    }
    out.push(s);
  }
  return out.map((s) => trimSpan(text, s));
}

/** Drops trailing white space that a pattern may have taken. */
function trimSpan(text: string, s: Span): Span {
  let end = s.end;
  while (end > s.start && /\s/.test(text[end - 1])) end--;
  return { start: s.start, end, text: text.slice(s.start, end) };
}

/** The time expression nearest to [start, end) that does not overlap it; before wins a tie. */
export function nearestTime(times: Span[], start: number, end: number): Span | null {
  let best: Span | null = null;
  let bestGap = Infinity;
  for (const t of times) {
    if (t.start < end && start < t.end) continue;
    const gap = t.end <= start ? start - t.end : t.start - end;
    if (gap < bestGap) {
      best = t;
      bestGap = gap;
    }
  }
  return best;
}
