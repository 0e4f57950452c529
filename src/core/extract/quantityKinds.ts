import type { Hedge } from '../types';
import type { FigureRead, QuantityStart, RangeEnd, Unit } from './figureDraft';
import { monthAt, WEEKDAYS } from './dates';
import { DETERMINERS, STOP_WORDS, YEAR_PREPOSITIONS } from './figureLexicon';
import { clauseContext, isPluralAhead } from './nounPhrase';
import type { NumberMatch } from './numberWords';
import { isCapitalised, type Token } from './figureTokens';

/** Deciding what a read number is: a year, a name ("Resolution 1718"), the pronoun "one", or a count. */
const ONE_PRONOUN_NEXT = new Set(['of', 'another', 'who', 'that', 'which', 'or', 'and', 'way', 'day', 'time', 'thing', 'point', 'side', 'hand', 'by']);
const ONE_PRONOUN_PREV = new Set(['no', 'the', 'any', 'every', 'each', 'this', 'that', 'which', 'only', 'anyone', 'someone', 'a']);

/**
 * Years: four digits 1900–2099 (1800–2099 after "in", "since" …) standing alone, not a count
 * ("2000 people" is a count unless written "in 2000 people …"). Decades ("1990s") are ranges.
 */
export function readYear(tokens: Token[], s: QuantityStart, nm: NumberMatch, unit: Unit, hedge: Hedge, range: RangeEnd | null): FigureRead | null {
  const t = tokens[s.k];
  if (t.type !== 'num' || !/^\d{4}$/.test(t.text) || s.currency || unit.kind !== 'count' || nm.scaled) return null;
  if (hedge !== 'exact' && hedge !== 'range' && hedge !== 'approximately') return null;
  const v = nm.lo;
  const prev = tokens[s.j - 1];
  const byPrep = !!prev && (YEAR_PREPOSITIONS.has(prev.lower) || prev.lower === '-');
  if (v < (byPrep ? 1800 : 1900) || v > 2099) return null;
  if (range && (range.hi < 1800 || range.hi > 2099)) return null;
  const decade = tokens[s.k + 1]?.glued && tokens[s.k + 1].lower === 's' && v % 10 === 0;
  const after = range ? range.end : decade ? s.k + 2 : nm.end;
  if (!byPrep && !decade && !DETERMINERS.has(prev?.lower ?? '') && isPluralAhead(tokens, after)) return null;
  if (hedge === 'approximately' && isPluralAhead(tokens, after)) return null;
  let lo = v;
  let hi = v;
  let h: Hedge = 'exact';
  if (range) [lo, hi, h] = [range.lo, range.hi, 'range'];
  else if (decade) [hi, h] = [v + 9, 'range'];
  else if (hedge === 'approximately') [lo, hi, h] = [v - 1, v + 1, 'approximately'];
  const first = hedge === 'approximately' ? s.i : s.k;
  return {
    draft: {
      first: range ? s.i : first, last: after - 1, kind: 'year', lo, hi, loOpen: false, hiOpen: false, hedge: h,
      noun: null, context: clauseContext(tokens, s.i, after),
    },
    next: after,
  };
}

/**
 * A bare number right after a capitalised word inside a sentence names something
 * ("Resolution 1718", "Article 5", "Boeing 737", "Flight 370") unless a counted noun follows
 * ("Ukraine 50 times"). Such numbers are not figures.
 */
export function isIdentifier(tokens: Token[], s: QuantityStart, unit: Unit, hedge: Hedge): boolean {
  if (s.hedge || s.currency || unit.kind !== 'count' || hedge !== 'exact' || tokens[s.k].type !== 'num') return false;
  const prev = tokens[s.k - 1];
  if (prev && (prev.lower === 'no' || prev.lower === 'number' || prev.lower === 'nos') ) return true;
  if (prev?.text === '.' && tokens[s.k - 2]?.lower === 'no') return true;
  // "iPhone 15", "PlayStation 5": a word with capitals inside is a product name.
  if (prev?.type === 'word' && /^\p{L}+$/u.test(prev.text) && /.\p{Lu}/u.test(prev.text) && /\p{Ll}/u.test(prev.text)) return true;
  if (!isCapitalised(prev) || STOP_WORDS.has(prev.lower) || YEAR_PREPOSITIONS.has(prev.lower)) return false;
  if (/'s$/.test(prev.lower)) return false; // "Trump's 232" counts
  if (monthAt(tokens, s.k - 1) || WEEKDAYS.includes(prev.lower)) return false;
  if (tokens.slice(0, s.k - 1).every((t) => t.type === 'punct')) return false; // sentence-initial word
  if (!isPluralAhead(tokens, s.nm.end)) return true;
  // "Boeing 737 jets" names a model; "gave Ukraine 31 tanks", "Israel 2,000 bombs" count.
  const text = tokens[s.k].text;
  return /^\d{3,}$/.test(text) && Number(text) % 10 !== 0;
}

/** "one of the", "no one", "the one who": the pronoun, not a count. */
export function isPronounOne(tokens: Token[], s: QuantityStart, end: number, hedge: Hedge): boolean {
  const t = tokens[s.k];
  if (t.type !== 'word' || t.lower !== 'one' || hedge === 'range') return false;
  if (s.hedge) return true; // "about one" without a ratio is rarely a figure ("under one roof")
  return ONE_PRONOUN_NEXT.has(tokens[end]?.lower ?? '') || ONE_PRONOUN_PREV.has(tokens[s.k - 1]?.lower ?? '');
}
