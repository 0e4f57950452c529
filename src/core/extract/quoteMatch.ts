import { diffArrays } from 'diff';
import { fold, stripAccents } from '../text/fold';

/**
 * Comparing two quotations' words, for telling whether two sources quote the same thing.
 *
 * Both texts are folded first: case, curly/straight quote marks, dashes, accents, and all
 * punctuation between words, so "a guilty plea." and "a guilty plea" are verbatim the same.
 * Hyphens split words ("Kim Jong-un" = "Kim Jong Un").
 *
 * - verbatim:  the same words in the same order (score 1);
 * - contained: one quotation's words are a contiguous run of the other's ("irresponsible" in
 *   "irresponsible decision"); score = shorter / longer;
 * - reworded:  a few words changed; score is the Dice similarity of the word sequences
 *   (2 × common words in order / total words), at least 0.5 and two words in common;
 * - different: anything else, with the same score.
 */

export type QuoteRelation = 'verbatim' | 'contained' | 'reworded' | 'different';

export interface QuoteMatch {
  relation: QuoteRelation;
  score: number;
}

/** A part of a word-level diff, for display; `value` is text as written in one of the quotes. */
export interface QuoteDiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

const REWORDED_MIN_SCORE = 0.5;
const REWORDED_MIN_COMMON = 2;

/** The words of a quotation as compared: folded, without punctuation. */
export function quoteWords(text: string): string[] {
  return stripAccents(fold(text)).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

export function matchQuotes(a: string, b: string): QuoteMatch {
  return matchQuoteWords(quoteWords(a), quoteWords(b));
}

/**
 * `matchQuotes` on words already split by `quoteWords`. With `relatedOnly`, a pair whose
 * shared words (counted without order, an upper bound of the words in common in order)
 * cannot reach "reworded" is reported `different` with score 0 without diffing it.
 */
export function matchQuoteWords(wa: string[], wb: string[], relatedOnly = false): QuoteMatch {
  if (!wa.length || !wb.length) return { relation: 'different', score: 0 };
  if (wa.length === wb.length && wa.every((w, i) => w === wb[i])) return { relation: 'verbatim', score: 1 };
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (containsRun(long, short)) return { relation: 'contained', score: short.length / long.length };
  if (relatedOnly) {
    const bound = sharedWords(short, long);
    if (bound < REWORDED_MIN_COMMON || (2 * bound) / (wa.length + wb.length) < REWORDED_MIN_SCORE) return { relation: 'different', score: 0 };
  }
  const common = diffArrays(wa, wb)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.count, 0);
  const score = (2 * common) / (wa.length + wb.length);
  const reworded = score >= REWORDED_MIN_SCORE && common >= REWORDED_MIN_COMMON;
  return { relation: reworded ? 'reworded' : 'different', score };
}

/** Words the two share, each counted as often as both have it. */
function sharedWords(short: string[], long: string[]): number {
  const count = new Map<string, number>();
  for (const w of short) count.set(w, (count.get(w) ?? 0) + 1);
  let n = 0;
  for (const w of long) {
    const c = count.get(w);
    if (c) {
      n++;
      count.set(w, c - 1);
    }
  }
  return n;
}

function containsRun(long: string[], short: string[]): boolean {
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((w, j) => long[i + j] === w)) return true;
  }
  return false;
}

/**
 * Word-level differences between two quotations, for showing them side by side. Words are
 * compared folded and without surrounding punctuation, so only real changes of wording are
 * marked ("plea." = "plea", "Russia's" = "Russia’s"). Unchanged and removed parts are written
 * as in `a`, added parts as in `b`, so joining the unchanged and removed values gives `a` back.
 */
export function quoteWordDiff(a: string, b: string): QuoteDiffPart[] {
  const ta = chunks(a);
  const tb = chunks(b);
  const parts = diffArrays(ta.map(key), tb.map(key));
  const out: QuoteDiffPart[] = [];
  let ia = 0;
  let ib = 0;
  for (const p of parts) {
    if (p.added) {
      out.push({ value: tb.slice(ib, ib + p.count).join(''), added: true });
      ib += p.count;
    } else if (p.removed) {
      out.push({ value: ta.slice(ia, ia + p.count).join(''), removed: true });
      ia += p.count;
    } else {
      out.push({ value: ta.slice(ia, ia + p.count).join('') });
      ia += p.count;
      ib += p.count;
    }
  }
  return out;
}

/** Words with the white space after them; leading white space rides on the first. */
function chunks(text: string): string[] {
  const out = text.match(/\s*\S+\s*/g) ?? [];
  return out.length ? out : text ? [text] : [];
}

function key(chunk: string): string {
  const words = quoteWords(chunk);
  return words.length ? words.join(' ') : stripAccents(fold(chunk.trim()));
}
