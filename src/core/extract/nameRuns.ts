import type { NameToken } from './nameTokens';
import { keepOpening, splitUnknown, type CaseEvidence } from './nameOpeners';
import { NAME_SUFFIX, segment, type Candidate } from './nameSegments';
import {
  CALENDAR, COMMON_ACRONYMS, COMPOUND_TAILS, OF_CONNECTORS, ORG_CUES, PARTICLES, PLACE_CUES, TITLE_HEADS, TITLE_MODIFIERS,
} from './nameWords';

export type { CaseEvidence } from './nameOpeners';
export type { Candidate } from './nameSegments';

/**
 * Finds runs of capitalised tokens in one sentence — with particles ("bin", "von der"),
 * initials, "of" inside bodies ("Bank of England") and hyphenated parts — and hands each
 * run to `segment`, which cuts it into names.
 */

const PLURAL_NOUNS = new Set(['people', 'women', 'children', 'men', 'workers']);
const NAME_MONTHS = new Set(['may', 'june', 'april', 'august']);
const LEADING_PARTICLES = new Set(['van', 'von', 'de', 'bin', 'ibn', 'al', 'el', 'der', 'da', 'di', 'du', 'del']);

export function findCandidates(toks: NameToken[], cases: CaseEvidence, headline: boolean): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!startsRun(toks, i)) {
      i++;
      continue;
    }
    const { to, cut } = runEnd(toks, i);
    let from = i;
    if (toks[from].opening && !keepOpening(toks, from, to, cases)) from++;
    // "Secretary of State Antony Blinken": the words after "of" still belong to the title.
    if (OF_CONNECTORS.has(toks[from - 1]?.key ?? '') && TITLE_HEADS.has(toks[from - 2]?.key ?? '')) {
      while (from + 1 < to && TITLE_MODIFIERS.has(toks[from].key)) from++;
    }
    if (headline) {
      // Title-case headlines capitalise everything: keep only words the body confirms.
      for (const part of splitUnknown(toks, from, to, cases)) out.push(...segment(toks, part[0], part[1], cut));
    } else if (from < to) {
      out.push(...segment(toks, from, to, cut));
    }
    i = Math.max(to, i + 1);
  }
  return out.filter((c) => !notAName(toks, c));
}

/**
 * "Resolution 1718", "Article 5": a capitalised noun before a number names no entity; a
 * lone capital ("I", "A") is a pronoun or an article; "Plan B" ends in a bare letter,
 * where a name would have its surname.
 */
function notAName(toks: NameToken[], c: Candidate): boolean {
  const last = toks[c.to - 1];
  if (c.to - c.from > 1) return /^\p{Lu}$/u.test(last.text) && c.end === last.end;
  return !toks[c.from].acronym && (toks[c.to]?.type === 'num' || c.end - c.start === 1);
}

export function isNameWord(t: NameToken | undefined): boolean {
  if (!t || t.type !== 'word' || !t.cap || CALENDAR.has(t.key)) return false;
  // "COVID-19", "F-16": codes, not names (acronyms such as "G7" pass).
  return t.acronym || !/\d/.test(t.text);
}

function startsRun(toks: NameToken[], i: number): boolean {
  const t = toks[i];
  if (isNameWord(t) && !(t.acronym && COMMON_ACRONYMS.has(t.key))) return true;
  // "de Gaulle", "von der Leyen"
  if (t.type === 'word' && LEADING_PARTICLES.has(t.key)) {
    let j = i + 1;
    while (toks[j]?.type === 'word' && PARTICLES.has(toks[j].key)) j++;
    return isNameWord(toks[j]) && !toks[j].acronym;
  }
  return false;
}

/** End (exclusive) of the run from `i`; `cut` is set when the last token has a hyphenated adjective tail. */
function runEnd(toks: NameToken[], i: number): { to: number; cut: number | null } {
  let j = i;
  while (j < toks.length) {
    const t = toks[j];
    if (j > i && !continuesRun(toks, j, i)) break;
    if (t.type !== 'word') break;
    const tail = compoundTail(t);
    if (tail !== null) return { to: j + 1, cut: tail };
    j++;
    if (toks[j]?.type === 'poss') {
      // "Democratic People's Republic of Korea": a plural noun's possessive inside a name.
      if (!(PLURAL_NOUNS.has(t.key) && isNameWord(toks[j + 1]))) break;
      j++;
    }
  }
  return { to: Math.max(j, i + 1), cut: null };
}

function continuesRun(toks: NameToken[], j: number, runStart: number): boolean {
  const t = toks[j];
  if (t.type !== 'word') return false;
  if (t.acronym && COMMON_ACRONYMS.has(t.key)) return false;
  // "Theresa May": a month name inside a run is a name unless a number follows.
  if (NAME_MONTHS.has(t.key) && t.cap) return toks[j + 1]?.type !== 'num';
  if (isNameWord(t)) return true;
  if (NAME_SUFFIX.has(t.key) && t.cap) return true;
  if (PARTICLES.has(t.key)) {
    let k = j + 1;
    while (toks[k]?.type === 'word' && PARTICLES.has(toks[k].key)) k++;
    return isNameWord(toks[k]) && !toks[k].acronym && j > runStart;
  }
  // "Ministry of Foreign Affairs", "Voice of America", "Council of the European Union"
  if (OF_CONNECTORS.has(t.key) && (ORG_CUES.has(toks[j - 1].key) || PLACE_CUES.has(toks[j - 1].key) || toks[j - 1].key === 'voice')) {
    const k = toks[j + 1]?.key === 'the' ? j + 2 : j + 1;
    return isNameWord(toks[k]);
  }
  if (t.key === 'the' && OF_CONNECTORS.has(toks[j - 1].key)) return true;
  return false;
}

/** "Korean-made", "UN-imposed", "Russia-backed": the offset where the adjective tail starts. */
function compoundTail(t: NameToken): number | null {
  const m = /^(.*\p{L})[-\u2010\u2011](\p{Ll}[\p{Ll}-]*)$/u.exec(t.text);
  if (!m) return null;
  const tail = m[2];
  if (COMPOUND_TAILS.has(tail) || /(?:ed|ing)$/.test(tail)) return t.start + m[1].length;
  return null;
}
