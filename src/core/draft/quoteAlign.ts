import { diffArrays } from 'diff';
import { fold, stripAccents } from '../text/fold';
import { STOP_WORDS } from '../text/words';

/**
 * Lining up a draft's quotation with a source's, word by word, to find the part of the
 * source quotation the draft quotes. Words are compared as `quoteMatch.ts` compares them
 * (case, quote marks, dashes, accents and punctuation between words do not count), but
 * locally: a draft usually quotes a few words of a longer quotation, so the score is taken
 * over the best-matching window of the source, not over the whole quotation.
 */

export interface QuoteWord {
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/** The words of a quotation with their offsets (`offset` is added to each). */
export function quoteWordsAt(text: string, offset = 0): QuoteWord[] {
  const out: QuoteWord[] = [];
  // fold() keeps the length, so offsets in the folded text are offsets in `text`.
  for (const m of fold(text).matchAll(WORD)) {
    const start = offset + (m.index ?? 0);
    out.push({ key: stripAccents(m[0]), start, end: start + m[0].length });
  }
  return out;
}

export type AlignRelation = 'verbatim' | 'contained' | 'reworded' | 'different';

export interface QuoteAlignment {
  relation: AlignRelation;
  /** Dice similarity of the draft's words and the window's (1 for verbatim and contained). */
  score: number;
  /** Words the two share, in order. */
  common: number;
  /** The window of the source quotation, as word indexes [from, to). */
  from: number;
  to: number;
}

/** Against a whole source quotation, the threshold `matchQuotes` uses for "reworded". */
const REWORDED_MIN_SCORE = 0.5;
/**
 * Against a part of a longer quotation more is needed: two quotations that share a phrase
 * ("trade talks … the border") are not one quotation misquoted, unless they share
 * a run of words and most of the draft's words.
 */
const WINDOW_MIN_SCORE = 0.6;
const WINDOW_MIN_RUN = 3;

/**
 * With `relatedOnly`, a source quotation that cannot be the draft's reworded (too few words
 * in common, counted without order, for the score and the two shared words it needs, or no
 * real word in common) is reported `different` with score 0 without lining it up.
 */
export function alignQuote(draft: QuoteWord[], source: QuoteWord[], relatedOnly = false): QuoteAlignment {
  const n = draft.length;
  const m = source.length;
  const none: QuoteAlignment = { relation: 'different', score: 0, common: 0, from: 0, to: 0 };
  if (n === 0 || m === 0) return none;
  for (let i = 0; i + n <= m; i++) {
    if (draft.every((w, k) => source[i + k].key === w.key)) {
      return { relation: n === m ? 'verbatim' : 'contained', score: 1, common: n, from: i, to: i + n };
    }
  }
  if (relatedOnly && !mayBeReworded(draft, source)) return none;
  const pairs = matchedPairs(draft, source);
  let best: QuoteAlignment = none;
  for (let a = 0; a < pairs.length; a++) {
    for (let b = a; b < pairs.length; b++) {
      const [da, sa] = pairs[a];
      const [db, sb] = pairs[b];
      // Words the draft changed at either end of the window are part of it ("a bitter
      // blow" / "a bitter pill"): the window grows by as many words as the draft has there.
      const lead = Math.min(da, sa);
      const trail = Math.min(n - 1 - db, m - 1 - sb);
      const from = sa - lead;
      const to = sb + trail + 1;
      const common = b - a + 1;
      const score = (2 * common) / (n + (to - from));
      if (score > best.score || (score === best.score && common > best.common)) best = { relation: 'different', score, common, from, to };
    }
  }
  const whole = best.from === 0 && best.to === m;
  if (whole ? best.score >= REWORDED_MIN_SCORE : best.score >= WINDOW_MIN_SCORE && longestRun(pairs) >= WINDOW_MIN_RUN) {
    if (enoughInCommon(draft, source, best)) best.relation = 'reworded';
  }
  return best;
}

/**
 * Whether the two can be "reworded": the words a window shares with the draft (at most the
 * words both have, counted with repeats: `shared`) give a score of at most 2·shared / (n +
 * shared), which must reach the lowest threshold (0.5, so shared ≥ n / 3); two words must be
 * shared, one of them a real word (see `enoughInCommon`).
 */
function mayBeReworded(draft: QuoteWord[], source: QuoteWord[]): boolean {
  const count = new Map<string, number>();
  for (const w of source) count.set(w.key, (count.get(w.key) ?? 0) + 1);
  let shared = 0;
  let content = false;
  for (const w of draft) {
    const c = count.get(w.key);
    if (!c) continue;
    shared++;
    count.set(w.key, c - 1);
    if (!STOP_WORDS.has(w.key) && w.key.length > 1) content = true;
  }
  return content && shared >= 2 && (2 * shared) / (draft.length + shared) >= Math.min(REWORDED_MIN_SCORE, WINDOW_MIN_SCORE);
}

/** Longest run of consecutive words the two share. */
function longestRun(pairs: Array<[number, number]>): number {
  let best = pairs.length ? 1 : 0;
  let run = 1;
  for (let i = 1; i < pairs.length; i++) {
    run = pairs[i][0] === pairs[i - 1][0] + 1 && pairs[i][1] === pairs[i - 1][1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** Pairs [draft index, source index] of the words a longest common subsequence shares. */
function matchedPairs(draft: QuoteWord[], source: QuoteWord[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(draft.map((w) => w.key), source.map((w) => w.key))) {
    const count = part.value.length;
    if (part.added) j += count;
    else if (part.removed) i += count;
    else for (let k = 0; k < count; k++) pairs.push([i++, j++]);
  }
  return pairs;
}

/**
 * Two quotations are the same one reworded only when they share real words: two content
 * words, or one when the draft quotes the whole of a short source quotation. Otherwise a
 * short draft quotation would "match" any long quotation that has "a total" in it.
 */
function enoughInCommon(draft: QuoteWord[], source: QuoteWord[], a: QuoteAlignment): boolean {
  const window = new Set(source.slice(a.from, a.to).map((w) => w.key));
  const content = new Set(draft.filter((w) => window.has(w.key) && !STOP_WORDS.has(w.key) && w.key.length > 1).map((w) => w.key));
  if (a.common < 2) return false;
  return content.size >= 2 || (content.size >= 1 && a.from === 0 && a.to === source.length);
}
