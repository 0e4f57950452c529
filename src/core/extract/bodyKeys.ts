import { stripAccents } from '../text/fold';
import { ORG_CUES, PLACE_CUES } from './nameWords';

/**
 * Matching keys of organisations and places. Two forms are one body when they share a
 * key: the folded form ("U.N." = "UN", "the Kremlin" = "Kremlin"), the acronym of a
 * spelled-out form that an acronym mention matches ("United Nations" → "un"), and the
 * body without a leading acronym qualifier ("UN Security Council" → "security council").
 */
export function bodyKey(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/\./g, '')
    .replace(/[-\u2010\u2011]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le']);

/** "United Nations" → "un"; null for one-word names. */
export function acronymOf(text: string): string | null {
  const words = text.replace(/^the\s+/i, '').split(/\s+/).filter((w) => !SMALL.has(w.toLowerCase()));
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return stripAccents(words.map((w) => w[0]).join('')).toLowerCase();
}

export function isAcronymForm(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(text) || /^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u.test(text);
}

/** "UN Security Council" → "security council": a qualifying acronym before a body with a cue word. */
export function withoutQualifier(text: string): string | null {
  const words = text.split(/\s+/);
  if (words.length < 3 || !isAcronymForm(words[0])) return null;
  const rest = words.slice(1);
  if (!rest.some((w) => ORG_CUES.has(w.toLowerCase()) || PLACE_CUES.has(w.toLowerCase()))) return null;
  return bodyKey(rest.join(' '));
}
