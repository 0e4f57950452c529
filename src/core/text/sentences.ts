import type { Range } from '../types';

/**
 * Sentence segmentation over repaired text, block by block. A block (paragraph) boundary
 * always ends a sentence. Inside a block a sentence ends at `.`, `!` or `?` (with any closing
 * quotes or brackets after it) followed by white space and something that can start a
 * sentence — unless the word before the full stop is an abbreviation ("U.N.", "Oct. 13",
 * "Mr.", "Gen."), an initial ("J. Smith") or part of a number.
 */

/** Abbreviations that do not end a sentence when followed by more text. Lower case, no dots. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr',
  'sgt', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'supt', 'insp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'fig', 'figs', 'ch', 'art', 'para', 'sec', 'approx', 'est',
  'etc', 'vs', 'v', 'cf', 'al', 'ca', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn',
  'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Abbreviations after which a capitalised word most likely continues the sentence. */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt', 'adm',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'supt', 'insp', 'no', 'nos', 'vol', 'p', 'pp', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'vs', 'v', 'cf',
]);

const CLOSERS = /[”’"')\]»]/;
const OPENERS = /[“‘"'(\[«¿¡]/;

export function splitSentences(text: string, blocks: Range[]): Array<Range & { block: number }> {
  const out: Array<Range & { block: number }> = [];
  blocks.forEach((block, blockIndex) => {
    for (const r of splitBlock(text, block.start, block.end)) out.push({ ...r, block: blockIndex });
  });
  return out;
}

function splitBlock(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let start = skipSpace(text, from, to);
  let i = start;
  while (i < to) {
    const ch = text[i];
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let end = i + 1;
      while (end < to && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < to && CLOSERS.test(text[end])) end++;
      const next = skipSpace(text, end, to);
      if (next >= to) break;
      const hasSpace = next > end;
      if (hasSpace && canStartSentence(text, next) && !isAbbreviationStop(text, start, i, next)) {
        out.push(trimRange(text, start, end));
        start = next;
        i = next;
        continue;
      }
      // A full stop glued to the next sentence ("email.Russia uses") ends a sentence when a
      // capitalised word follows a lower-case word of several letters.
      if (!hasSpace && ch === '.' && isGluedBoundary(text, i, end, to)) {
        out.push(trimRange(text, start, end));
        start = end;
        i = end;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  const last = trimRange(text, start, to);
  if (last.end > last.start) out.push(last);
  return out.filter((r) => r.end > r.start);
}

function canStartSentence(text: string, at: number): boolean {
  const ch = text[at];
  if (OPENERS.test(ch)) return true;
  if (/[\p{Lu}\p{N}]/u.test(ch)) return true;
  return /[\p{Lo}]/u.test(ch);
}

function isAbbreviationStop(text: string, sentStart: number, dot: number, next: number): boolean {
  if (text[dot] !== '.') return false;
  let w = dot;
  while (w > sentStart && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (!word) return false;
  const lower = word.toLowerCase();
  const nextWord = text.slice(next, next + 30).match(/^[\p{L}\p{N}'’-]+/u)?.[0] ?? '';
  // Single initials: "J. R. Doe", "George W. Bush".
  if (/^\p{Lu}$/u.test(word) && /^\p{Lu}/u.test(nextWord)) return true;
  // Dotted acronyms (U.N., U.S., D.C.): a sentence may end with them; they end it only when
  // the next word is not part of the phrase. Next word capitalised and a common sentence
  // starter → end; otherwise keep going.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    return !SENTENCE_STARTERS.has(nextWord.toLowerCase());
  }
  if (ABBREVIATIONS.has(lower)) {
    if (TITLE_ABBREVIATIONS.has(lower)) return true;
    return /^\p{N}/u.test(nextWord) || /^\p{Ll}/u.test(nextWord);
  }
  return false;
}

/** Words that usually open a new sentence after a dotted acronym ("… the U.S. The …"). */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'there',
  'but', 'and', 'so', 'yet', 'in', 'on', 'at', 'as', 'after', 'before', 'when', 'while', 'since',
  'however', 'meanwhile', 'its', 'his', 'her', 'their', 'our', 'if', 'for', 'some', 'many', 'most',
]);

function isGluedBoundary(text: string, dot: number, end: number, to: number): boolean {
  if (end >= to || !/\p{Lu}/u.test(text[end])) return false;
  let w = dot;
  while (w > 0 && /\p{L}/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (word.length < 3 || !/^\p{Ll}+$/u.test(word)) return false;
  return /^\p{Lu}\p{Ll}/u.test(text.slice(end, end + 2));
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function trimRange(text: string, start: number, end: number): Range {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
