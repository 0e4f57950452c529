import { digitValue, type Token } from './figureTokens';
import { lexicon } from '../text/lexicon';

/**
 * Reading a number expression at a token: digits ("1,000", "3.5"), digits with a scale
 * ("3 million", "2.5bn"), number words ("seven", "twenty-five", "a hundred", "one hundred
 * and twenty", "half a million", "two dozen") and vague quantities ("thousands",
 * "tens of thousands", "dozens", "several hundred", "a few"), as an interval.
 */
export interface NumberMatch {
  /** Token index just after the expression. */
  end: number;
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  vague: boolean;
  /** Written with digits (as opposed to words). */
  digits: boolean;
  /** A scale word was part of it ("million", "bn"). */
  scaled: boolean;
  /** The largest scale multiplier written (1 when none), for ranges like "2 to 3 million". */
  scale: number;
}

const ONES: Record<string, number> = lexicon({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = lexicon({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
export const SCALES: Record<string, number> = lexicon({
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  // Abbreviations written after digits in headlines and business news.
  bn: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, trn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});
/** One-letter scales are only read as scales after a currency ("$3m"); elsewhere "3m" is metres. */
export const MONEY_SCALES: Record<string, number> = lexicon({ k: 1e3, m: 1e6, b: 1e9, bn: 1e9, tn: 1e12 });

/**
 * Vague plurals as intervals. "thousands"/"millions"/"billions" are used loosely by reporters
 * (a reporter may write "thousands" for 24,000), so their upper bound is three orders up;
 * "hundreds" and "dozens" stop where the next word ("thousands", "hundreds") would be used.
 */
const VAGUE_PLURALS: Record<string, [number, number]> = lexicon({
  dozens: [24, 100], hundreds: [200, 1000], thousands: [2000, 1e6], millions: [2e6, 1e9],
  billions: [2e9, 1e12], trillions: [2e12, 1e15],
});
/** "several", "a few" … as a multiplier interval: several = [3, 10). */
const VAGUE_FEW: Record<string, [number, number, boolean]> = lexicon({
  several: [3, 10, true], 'a few': [2, 6, true], 'a couple of': [2, 3, false], 'a couple': [2, 3, false],
  'a handful of': [2, 6, true],
});

/** VAGUE_FEW by first word, in its order. */
const VAGUE_FEW_PHRASES = new Map<string, Array<{ phrase: string; words: string[]; lo: number; hi: number; hiOpen: boolean }>>();
for (const [phrase, [lo, hi, hiOpen]] of Object.entries(VAGUE_FEW)) {
  const words = phrase.split(' ');
  const list = VAGUE_FEW_PHRASES.get(words[0]) ?? [];
  list.push({ phrase, words, lo, hi, hiOpen });
  VAGUE_FEW_PHRASES.set(words[0], list);
}

export function wordValue(lower: string): number | undefined {
  return ONES[lower] ?? TENS[lower];
}

/** Words that start or make up a quantity: they end a noun phrase ("2022 invasion displaced millions"). */
export function isQuantityWord(lower: string): boolean {
  return isNumberWord(lower) || lower in VAGUE_PLURALS || lower === 'several' || lower === 'tens' || lower === 'scores';
}

export function isNumberWord(lower: string): boolean {
  return lower in ONES || lower in TENS || lower === 'hundred' || lower === 'thousand' ||
    lower === 'million' || lower === 'billion' || lower === 'trillion' || lower === 'dozen';
}

function exact(end: number, v: number, digits: boolean, scale: number): NumberMatch {
  return { end, lo: v, hi: v, loOpen: false, hiOpen: false, vague: false, digits, scaled: scale > 1, scale };
}

function vague(end: number, lo: number, hi: number, hiOpen: boolean): NumberMatch {
  return { end, lo, hi, loOpen: false, hiOpen, vague: true, digits: false, scaled: false, scale: 1 };
}

/** The word at `i` when it is a word token, else ''. */
function w(tokens: Token[], i: number): string {
  const t = tokens[i];
  return t && t.type === 'word' ? t.lower : '';
}

/**
 * Reads a number expression at token `i`. `money` allows one-letter scales glued to the
 * digits ("$3m", "£5bn").
 */
export function parseNumber(tokens: Token[], i: number, money = false): NumberMatch | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.type === 'num') return parseDigits(tokens, i, money);
  if (t.type === 'word') return parseVague(tokens, i) ?? parseWords(tokens, i);
  return null;
}

function parseDigits(tokens: Token[], i: number, money: boolean): NumberMatch {
  let v = digitValue(tokens[i]);
  let end = i + 1;
  const next = tokens[end];
  if (next && next.type === 'word') {
    const scale = next.glued
      ? SCALES[next.lower] ?? (money ? MONEY_SCALES[next.lower] : undefined)
      : SCALES[next.lower] ?? (money && next.lower !== 'm' ? MONEY_SCALES[next.lower] : undefined);
    if (scale !== undefined && !(next.lower === 'hundred' && v >= 100)) {
      return exact(end + 1, round(v * scale), true, scale);
    }
    if (next.lower === 'dozen' && !next.glued) return exact(end + 1, v * 12, true, 12);
  }
  return exact(end, v, true, 1);
}

/** Avoids 2.3 * 1e6 = 2299999.9999999995. */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function parseWords(tokens: Token[], i: number): NumberMatch | null {
  let j = i;
  let total = 0;
  let current = 0;
  let seen = false;
  // "a hundred", "a million", "a dozen", "half a million"
  if (w(tokens, j) === 'half' && w(tokens, j + 1) === 'a' && isBigScale(w(tokens, j + 2))) {
    return exact(j + 3, 0.5 * SCALES[w(tokens, j + 2)], false, SCALES[w(tokens, j + 2)]);
  }
  if ((w(tokens, j) === 'a' || w(tokens, j) === 'an') && (isBigScale(w(tokens, j + 1)) || w(tokens, j + 1) === 'hundred' || w(tokens, j + 1) === 'dozen')) {
    current = 1;
    seen = true;
    j++;
  }
  let lastWasTens = false;
  let scale = 1;
  for (;;) {
    const word = w(tokens, j);
    if (!word) break;
    const small = ONES[word] ?? TENS[word];
    if (small !== undefined) {
      // "twenty-five" / "twenty five": a ones word may follow a bare tens word.
      const joinsTens = lastWasTens && small > 0 && small < 10;
      if (seen && current % 100 !== 0 && !joinsTens) break;
      current += small;
      seen = true;
      lastWasTens = TENS[word] !== undefined;
      j++;
      const hy = tokens[j];
      if (lastWasTens && hy?.text === '-' && hy.glued && tokens[j + 1]?.glued && (ONES[w(tokens, j + 1)] ?? 0) > 0 && ONES[w(tokens, j + 1)] < 10) {
        j++; // the hyphen of "twenty-five"
      }
      continue;
    }
    lastWasTens = false;
    if (word === 'hundred' && seen) {
      current = (current || 1) * 100;
      scale = Math.max(scale, 100);
      j++;
      if (w(tokens, j) === 'and' && wordValue(w(tokens, j + 1)) !== undefined) j++;
      continue;
    }
    if (isBigScale(word) && seen) {
      total += (current || 1) * SCALES[word];
      scale = Math.max(scale, SCALES[word]);
      current = 0;
      j++;
      if (w(tokens, j) === 'and' && wordValue(w(tokens, j + 1)) !== undefined) j++;
      continue;
    }
    if (word === 'dozen' && seen) {
      current = (current || 1) * 12;
      scale = Math.max(scale, 12);
      j++;
      continue;
    }
    break;
  }
  if (!seen || j === i) return null;
  return exact(j, total + current, false, scale);
}

function isBigScale(word: string): boolean {
  return word === 'thousand' || word === 'million' || word === 'billion' || word === 'trillion';
}

/** "thousands", "tens of thousands", "several hundred", "a few", "dozens" … */
function parseVague(tokens: Token[], i: number): NumberMatch | null {
  const a = w(tokens, i);
  const b = w(tokens, i + 1);
  const c = w(tokens, i + 2);
  // "tens of thousands", "hundreds of millions"
  if ((a === 'tens' || a === 'hundreds') && b === 'of' && c in VAGUE_PLURALS && c !== 'dozens' && c !== 'hundreds') {
    const unit = VAGUE_PLURALS[c][0] / 2;
    const f = a === 'tens' ? 10 : 100;
    return vague(i + 3, 2 * f * unit, 10 * f * unit, true);
  }
  if (a === 'scores' && b === 'of') return vague(i + 1, 40, 100, true);
  if (a === 'tens' && b === 'of') return vague(i + 1, 20, 100, true);
  if (a in VAGUE_PLURALS) {
    // "hundreds of" is vague; "hundreds" alone as a noun still counts ("hundreds gathered").
    const [lo, hi] = VAGUE_PLURALS[a];
    return vague(i + 1, lo, hi, true);
  }
  for (const { phrase, words, lo, hi, hiOpen } of VAGUE_FEW_PHRASES.get(a) ?? []) {
    if (!words.every((p, k) => w(tokens, i + k) === p)) continue;
    const after = i + words.length;
    const scaleWord = w(tokens, after);
    const scale = scaleWord === 'dozen' ? 12 : scaleWord === 'hundred' || isBigScale(scaleWord) ? SCALES[scaleWord] : 1;
    if (phrase === 'a few' && scale === 1 && w(tokens, after) === 'of') return null; // "a few of them"
    return vague(scale === 1 ? after : after + 1, lo * scale, hi * scale, hiOpen);
  }
  return null;
}

const ORDINAL_WORDS: Record<string, number> = lexicon({
  third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50,
  sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000,
});
const ORDINAL_UNITS: Record<string, number> = lexicon({ first: 1, second: 2, ...ORDINAL_WORDS });

/**
 * An ordinal at `i`: "21st", "10th", "fifth", "twenty-first". "first" and "second" alone are
 * left out: they are mostly not figures ("first implemented", "a second time", "seconds").
 */
export function parseOrdinal(tokens: Token[], i: number): { end: number; value: number } | null {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (t?.type === 'num' && n?.glued && n.type === 'word' && /^(st|nd|rd|th)$/.test(n.lower) && /^[\d,]+$/.test(t.text)) {
    return { end: i + 2, value: Number(t.text.replace(/,/g, '')) };
  }
  if (t?.type !== 'word') return null;
  if (t.lower in ORDINAL_WORDS) return { end: i + 1, value: ORDINAL_WORDS[t.lower] };
  const tens = TENS[t.lower];
  if (tens !== undefined && tokens[i + 1]?.text === '-' && tokens[i + 2]?.glued && tokens[i + 2].lower in ORDINAL_UNITS) {
    return { end: i + 3, value: tens + ORDINAL_UNITS[tokens[i + 2].lower] };
  }
  return null;
}
