import type { NameToken } from './nameTokens';
import { COMPASS, DEMONYMS, ORG_CUES, PLACE_CUES, TITLE_HEADS, TITLE_MODIFIERS } from './nameWords';

/**
 * Cuts a run of capitalised words into names: a leading nationality adjective and a
 * title are peeled off ("South Korean Ambassador Joonkook Hwang"), an acronym that
 * qualifies what follows is split from it ("UN Robert Wood" after "Ambassador to the"),
 * and a body followed by a title and a person is cut in two ("European Commission
 * President Ursula von der Leyen").
 */

/** A name candidate: tokens `from`…`to - 1` of the sentence's token list. */
export interface Candidate {
  from: number;
  to: number;
  /** Offsets in norm; `end` may stop before a hyphenated tail ("Korean" of "Korean-made"). */
  start: number;
  end: number;
}

export const NAME_SUFFIX = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Nationality adjectives that are also given names ("Christian Lindner"). */
const DEMONYM_NAMES = new Set(['christian', 'german']);

/** "Western", "Central" alone are adjectives ("Western officials"), unlike "the North". */
const COMPASS_ADJECTIVES = new Set(['northern', 'southern', 'eastern', 'western', 'central']);

/** Names in tokens `from`…`to - 1`; `cut` ends the last one before a hyphenated tail. */
export function segment(toks: NameToken[], from: number, to: number, cut: number | null): Candidate[] {
  const out: Candidate[] = [];
  let i = from;
  while (i < to) {
    const rest = hasCue(toks, i + 1, to);
    const t = toks[i];
    if (t.acronym && i + 1 < to && !rest && !NAME_SUFFIX.has(toks[i + 1].key)) {
      out.push(candidate(toks, i, i + 1, null));
      i++;
      continue;
    }
    const d = demonymLength(toks, i, to);
    if (d > 0) {
      if (i + d === to) return out;
      // "Russian President Vladimir Putin": drop the adjective before a title.
      if (titleLength(toks, i + d, to) > 0) {
        i += d;
        continue;
      }
      // "Russian Foreign Ministry", "Korean Peninsula": the adjective is part of the body;
      // "Christian Lindner": a given name. Before a bare name it is an adjective again.
      if (hasCue(toks, i + d, to) || (d === 1 && DEMONYM_NAMES.has(t.key))) break;
      i += d;
      continue;
    }
    if (i + 1 === to && COMPASS_ADJECTIVES.has(t.key)) return out;
    const tl = titleLength(toks, i, to);
    if (tl > 0) {
      i += tl;
      continue;
    }
    break;
  }
  if (i >= to) return out;
  const split = titleInside(toks, i, to);
  if (split) {
    out.push(candidate(toks, i, split.titleFrom, null));
    out.push(candidate(toks, split.nameFrom, to, cut));
  } else {
    out.push(candidate(toks, i, to, cut));
  }
  return out;
}

/**
 * "European Commission President Ursula von der Leyen", "White House Press Secretary
 * Karine Jean-Pierre": a body, a title, then a person. Only split when the words before
 * the title are a body (a cue word or an acronym), so that "Martin Luther King" stays whole.
 */
function titleInside(toks: NameToken[], from: number, to: number): { titleFrom: number; nameFrom: number } | null {
  for (let k = from + 1; k < to - 1; k++) {
    if (!isTitleWord(toks[k])) continue;
    let h = -1;
    for (let j = k; j < to && isTitleWord(toks[j]); j++) if (TITLE_HEADS.has(toks[j].key)) h = j;
    if (h < 0 || h + 1 >= to || NAME_SUFFIX.has(toks[h + 1].key)) continue;
    const body = hasCue(toks, from, k) || toks[from].acronym;
    if (body && !hasCue(toks, h + 1, to)) return { titleFrom: k, nameFrom: h + 1 };
  }
  return null;
}

function candidate(toks: NameToken[], from: number, to: number, cut: number | null): Candidate {
  return { from, to, start: toks[from].start, end: cut ?? toks[to - 1].end };
}

export function hasCue(toks: NameToken[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (ORG_CUES.has(toks[j].key) || PLACE_CUES.has(toks[j].key)) return true;
  return false;
}

/** Length of a nationality adjective at `i`: "Russian", "South Korean", "North Korean". */
export function demonymLength(toks: NameToken[], i: number, to: number): number {
  const t = toks[i];
  if (!t) return 0;
  if (isDemonym(t)) return 1;
  if (COMPASS.has(t.key) && i + 1 < to && isDemonym(toks[i + 1])) return 2;
  return 0;
}

function isDemonym(t: NameToken): boolean {
  const key = t.key.replace(/-.*$/, '');
  return t.cap && DEMONYMS.has(key);
}

/** Length of a title phrase at `i` that is followed by a name inside the run. */
function titleLength(toks: NameToken[], i: number, to: number): number {
  let j = i;
  let lastHead = -1;
  while (j < to && isTitleWord(toks[j])) {
    if (TITLE_HEADS.has(toks[j].key)) lastHead = j;
    j++;
  }
  if (lastHead < 0 || lastHead + 1 >= to) return lastHead < 0 ? 0 : lastHead + 1 - i;
  if (hasCue(toks, lastHead + 1, to)) return 0;
  return lastHead + 1 - i;
}

export function isTitleWord(t: NameToken | undefined): boolean {
  return !!t && t.type === 'word' && (TITLE_HEADS.has(t.key) || TITLE_MODIFIERS.has(t.key));
}
