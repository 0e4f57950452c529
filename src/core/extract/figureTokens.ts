import { fold } from '../text/fold';

/**
 * A small tokeniser for the figure extractor. Figures depend on adjacency ("$2.5bn",
 * "15-member", "COVID-19", "3pm"), so every token records whether white space precedes it.
 */
export interface Token {
  /** Text as written. */
  text: string;
  /** Folded: lower case, straight quotes and hyphens. */
  lower: string;
  /** Offsets in the document's normalised text. */
  start: number;
  end: number;
  type: 'word' | 'num' | 'punct' | 'skip';
  /** True when no white space separates this token from the previous one. */
  glued: boolean;
}

// Order matters: URLs and e-mail addresses first (their digits are no figures), then dotted
// abbreviations ("U.S.", "p.m."), numbers with thousands separators, words with apostrophes.
// An address's local part is at most 64 characters (RFC 5321): unbounded, it was tried over
// the whole of every run of word characters, quadratic in a 100,000-character line.
const TOKEN = new RegExp(
  [
    '(?<skip>(?:https?://|www\\.)\\S+|[\\w.+-]{1,64}@[\\w-]+\\.[\\w.]+)',
    '(?<abbr>(?:\\p{L}\\.){2,})',
    '(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)',
    "(?<word>[\\p{L}\\p{M}]+(?:['\u2019][\\p{L}]+)*)",
    '(?<punct>\\S)',
  ].join('|'),
  'gu',
);

/** Tokens of `text.slice(from, to)`, with offsets into `text`. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const slice = text.slice(from, to);
  const out: Token[] = [];
  let prevEnd = -1;
  for (const m of slice.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    const type: Token['type'] = g.skip ? 'skip' : g.num ? 'num' : g.abbr || g.word ? 'word' : 'punct';
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    out.push({ text: m[0], lower: fold(m[0]), start, end, type, glued: start === prevEnd });
    prevEnd = end;
  }
  return out;
}

/** Marks tokens that overlap any of `ranges` as 'skip'. */
export function maskTokens(tokens: Token[], ranges: Array<{ start: number; end: number }>): void {
  for (const t of tokens) {
    if (ranges.some((r) => t.start < r.end && r.start < t.end)) t.type = 'skip';
  }
}

/** Parses a digit token ("1,000", "3.5") to a number. */
export function digitValue(t: Token): number {
  return Number(t.text.replace(/,/g, ''));
}

export function isCapitalised(t: Token | undefined): boolean {
  return !!t && t.type === 'word' && /^\p{Lu}/u.test(t.text);
}
