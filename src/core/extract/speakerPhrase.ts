import type { Range } from '../types';
import { previousContentBlock, type Attribution, type SpeakerContext } from './speakerContext';
import { ROLE_NOUNS, STARTERS } from './speakerLexicon';

/**
 * Turns the phrase that names a speaker ("South Korean Ambassador Joonkook Hwang", "he",
 * "the envoy", "South Korea’s foreign ministry on Friday") into the speaker:
 *
 * 1. a person named in the phrase, titles stripped, a surname resolved to the full name;
 * 2. "he"/"she": the nearest person named before it in the same or the previous paragraph;
 * 3. a role ("the envoy", "the US envoy"): the nearest person named earlier with that role
 *    word beside the name ("said the envoy, Dorothy Shea"); otherwise the phrase itself;
 * 4. any other short noun phrase (up to six words): a body or group speaking, as written,
 *    without time adverbials ("on Friday") and with "The" dropped before a proper name.
 */

const WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const TRAILING_ADVERBIAL = new RegExp(
  `(?:\\s+|,\\s*)(?:also|later|earlier|then|again|meanwhile|however|too|previously|separately|recently|now|today|` +
    `yesterday|once|further|additionally|similarly|likewise|in (?:a|an|its|his|her|their) [\\w -]{0,20}?(?:statement|tweet|post|speech|interview|briefing)|` +
    `(?:on|last|this|next) (?:${WEEKDAY}|week|month|year|morning|afternoon|evening|night)|` +
    `on (?:${MONTH}) \\d{1,2}|in (?:${MONTH})(?: \\d{4})?|in \\d{4})$`,
  'u',
);
const LEADING_FILLER = /^(?:and|but|so|then|meanwhile|however|also|while|yet)\b,?\s*/i;
const NOT_SPEAKERS = /^(?:it|its|they|we|i|you|this|that|these|those|which|who|there|here|one)$/i;
const ARTICLE_NP = /^(?:the|a|an)\s/i;

export interface PhraseOptions {
  /** Accept a lower-case noun phrase without article ("state media"). */
  bare?: boolean;
}

export function speakerFromPhrase(ctx: SpeakerContext, from: number, to: number, opts: PhraseOptions = {}): Attribution | null {
  const r = trimPhrase(ctx.masked, from, to);
  if (!r) return null;
  const person = ctx.persons.find((p) => p.start >= r.start && p.end <= r.end);
  if (person) return { speaker: person.full, span: { start: person.start, end: person.end }, kind: 'person' };
  const phrase = ctx.doc.norm.slice(r.start, r.end);
  if (/^(?:he|she)$/i.test(phrase)) return resolvePronoun(ctx, r.start);
  // A phrase running into a quotation is no speaker phrase.
  if (NOT_SPEAKERS.test(phrase) || /[_“”"‘«»„]/.test(ctx.masked.slice(r.start, r.end))) return null;
  const words = phrase.split(/\s+/);
  if (words.length > 6) return null;
  const role = /^the\s+(?:\S+\s+){0,3}(\p{Ll}+)$/iu.exec(phrase);
  if (role && ROLE_NOUNS.has(role[1])) {
    const named = resolveRole(ctx, r.start, role[1]);
    if (named) return { speaker: named, span: r, kind: 'role' };
  }
  const first = words[0];
  const capitalised = /^\p{Lu}/u.test(first) && !STARTERS.has(first.toLowerCase());
  if (!capitalised && !ARTICLE_NP.test(phrase) && !(opts.bare && words.length <= 3 && /^\p{Ll}/u.test(first))) return null;
  if (words.length === 1 && !capitalised) return null;
  // "The European Union" is the European Union; "the sanctions panel" stays as written.
  const proper = /^the\s+(\S+(?:\s+\S+)*)$/i.exec(phrase);
  if (proper && proper[1].split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w))) {
    const start = r.end - proper[1].length;
    return { speaker: proper[1], span: { start, end: r.end }, kind: 'group' };
  }
  return { speaker: phrase, span: r, kind: 'group' };
}

/** The phrase without surrounding punctuation, fillers and trailing time adverbials. */
function trimPhrase(masked: string, from: number, to: number): Range | null {
  let start = from;
  let end = to;
  for (;;) {
    while (start < end && /[\s,;:—–\-]/.test(masked[start])) start++;
    while (end > start && /[\s,;:—–\-]/.test(masked[end - 1])) end--;
    const lead = LEADING_FILLER.exec(masked.slice(start, end));
    if (lead && lead[0].length > 0) {
      start += lead[0].length;
      continue;
    }
    const trail = TRAILING_ADVERBIAL.exec(masked.slice(start, end));
    if (trail) {
      end = start + (trail.index ?? 0);
      continue;
    }
    break;
  }
  return end > start ? { start, end } : null;
}

/** "he"/"she": the nearest person named before `pos` in this paragraph or the previous one. */
export function resolvePronoun(ctx: SpeakerContext, pos: number): Attribution | null {
  const block = ctx.sentenceAt(pos).block;
  const previous = previousContentBlock(ctx, block);
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const p = ctx.persons[i];
    if (p.start >= pos) continue;
    const b = ctx.sentenceAt(p.start).block;
    if (b !== block && b !== previous) break;
    return { speaker: p.full, span: null, kind: 'pronoun' };
  }
  return null;
}

/** "the envoy": the nearest person named earlier with the same role word beside the name. */
function resolveRole(ctx: SpeakerContext, pos: number, role: string): string | null {
  const near = new RegExp(`\\b${role}\\b`, 'i');
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const p = ctx.persons[i];
    if (p.start >= pos) continue;
    const s = ctx.sentenceAt(p.start);
    const window = ctx.masked.slice(Math.max(s.start, p.start - 60), Math.min(s.end, p.end + 60));
    if (near.test(window)) return p.full;
  }
  return null;
}
