import type { Hedge } from '../types';
import type { Token } from './figureTokens';

/**
 * Hedges written before a number, longest first within each group. A phrase only counts as
 * a hedge when a number follows it ("over 3 million" is a hedge, "over the years" is not);
 * the caller checks that.
 */
const PREFIXES: Array<[string, Hedge]> = [
  ['no fewer than', 'at-least'], ['no less than', 'at-least'], ['not less than', 'at-least'],
  ['not fewer than', 'at-least'], ['a minimum of', 'at-least'], ['at least', 'at-least'],
  ['more than', 'more-than'], ['well over', 'more-than'], ['well above', 'more-than'], ['just over', 'more-than'],
  ['just above', 'more-than'], ['upwards of', 'more-than'], ['upward of', 'more-than'], ['in excess of', 'more-than'],
  ['greater than', 'more-than'], ['north of', 'more-than'], ['over', 'more-than'], ['above', 'more-than'],
  ['exceeding', 'more-than'],
  ['no more than', 'at-most'], ['not more than', 'at-most'], ['a maximum of', 'at-most'], ['at most', 'at-most'],
  ['up to', 'at-most'], ['as many as', 'at-most'], ['as much as', 'at-most'], ['as high as', 'at-most'],
  ['less than', 'less-than'], ['fewer than', 'less-than'], ['well under', 'less-than'], ['well below', 'less-than'],
  ['just under', 'less-than'], ['just below', 'less-than'], ['under', 'less-than'], ['below', 'less-than'],
  ['an estimated', 'approximately'], ['approximately', 'approximately'], ['roughly', 'approximately'],
  ['around', 'approximately'], ['about', 'approximately'], ['some', 'approximately'], ['circa', 'approximately'],
  ['approx', 'approximately'], ['close to', 'approximately'], ['nearly', 'approximately'], ['almost', 'approximately'],
  ['estimated', 'approximately'], ['approaching', 'approximately'], ['an approximate', 'approximately'],
  ['more or less', 'approximately'], ['in the region of', 'approximately'],
].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length) as Array<[string, Hedge]>;

/** Hedges that say "a little under": their interval is [0.9x, x] instead of ±10 %. */
const UNDERSHOOT = new Set(['nearly', 'almost', 'close to', 'approaching']);

export interface HedgeMatch {
  hedge: Hedge;
  /** The hedge words, lower case. */
  phrase: string;
  /** Number of tokens. */
  length: number;
}

/** The hedges by their first word, in the order of PREFIXES (longest first). */
const BY_FIRST = new Map<string, Array<{ words: string[]; phrase: string; hedge: Hedge }>>();
for (const [phrase, hedge] of PREFIXES) {
  const words = phrase.split(' ');
  const list = BY_FIRST.get(words[0]) ?? [];
  list.push({ words, phrase, hedge });
  BY_FIRST.set(words[0], list);
}

/** A hedge phrase starting at token `i` (without checking what follows). */
export function matchPrefixHedge(tokens: Token[], i: number): HedgeMatch | null {
  const t = tokens[i];
  if (t?.type !== 'word') return null;
  for (const { words, phrase, hedge } of BY_FIRST.get(t.lower) ?? []) {
    if (words.every((p, k) => tokens[i + k]?.type === 'word' && tokens[i + k].lower === p)) {
      return { hedge, phrase, length: words.length };
    }
  }
  return null;
}

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

/** Relative tolerance of "around"/"about" figures. */
export const APPROX_TOLERANCE = 0.1;

/**
 * The interval a hedge allows around an exact value `x`:
 * approximately [0.9x, 1.1x] ("nearly", "almost": [0.9x, x]); at-least [x, ∞);
 * more-than (x, ∞); at-most [0, x]; less-than [0, x).
 */
export function hedgeInterval(hedge: Hedge, x: number, phrase = ''): Interval {
  switch (hedge) {
    case 'approximately':
      return UNDERSHOOT.has(phrase)
        ? { lo: tidy(x * (1 - APPROX_TOLERANCE)), hi: x, loOpen: false, hiOpen: false }
        : { lo: tidy(x * (1 - APPROX_TOLERANCE)), hi: tidy(x * (1 + APPROX_TOLERANCE)), loOpen: false, hiOpen: false };
    case 'at-least':
      return { lo: x, hi: Infinity, loOpen: false, hiOpen: true };
    case 'more-than':
      return { lo: x, hi: Infinity, loOpen: true, hiOpen: true };
    case 'at-most':
      return { lo: 0, hi: x, loOpen: false, hiOpen: false };
    case 'less-than':
      return { lo: 0, hi: x, loOpen: false, hiOpen: true };
    default:
      return { lo: x, hi: x, loOpen: false, hiOpen: false };
  }
}

/** 50 * 1.1 is 55.00000000000001 in floating point; twelve significant digits are plenty. */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * Hedges written after the number: "50 or so", "50-odd", "50-plus", "50+", "50 or more",
 * "50 or fewer". Returns the hedge and the number of tokens it takes.
 */
export function matchSuffixHedge(tokens: Token[], i: number): HedgeMatch | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!a) return null;
  if (a.text === '+' && a.glued) return { hedge: 'more-than', phrase: '+', length: 1 };
  if (a.text === '-' && a.glued && b?.glued && (b.lower === 'odd' || b.lower === 'plus' || b.lower === 'something')) {
    return { hedge: b.lower === 'odd' || b.lower === 'something' ? 'approximately' : 'more-than', phrase: b.lower, length: 2 };
  }
  if (a.lower === 'or' && b?.type === 'word') {
    if (b.lower === 'so') return { hedge: 'approximately', phrase: 'or so', length: 2 };
    if (b.lower === 'more') return { hedge: 'at-least', phrase: 'or more', length: 2 };
    if (b.lower === 'fewer' || b.lower === 'less') return { hedge: 'at-most', phrase: 'or fewer', length: 2 };
  }
  return null;
}
