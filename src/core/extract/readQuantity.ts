import type { Hedge } from '../types';
import type { Draft, FigureRead, QuantityStart, RangeEnd, Unit } from './figureDraft';
import { hedgeInterval, matchSuffixHedge } from './hedges';
import { isPluralAhead } from './nounPhrase';
import { parseNumber } from './numberWords';
import type { Token } from './figureTokens';
import { withCountNoun, unitContext } from './countNoun';
import { isIdentifier, isPronounOne, readYear } from './quantityKinds';
import { currencyAfter, currencyBefore, percentAfter, unitAfter } from './units';

/**
 * A number with its unit ("%", "$", "km"), range end ("10-20", "between 10 and 20"),
 * hedge and counted noun, once `readFigure` has found where it starts.
 */
const SCORE_WORDS = new Set(['win', 'victory', 'defeat', 'loss', 'draw', 'lead', 'margin', 'vote', 'decision', 'scoreline', 'won', 'lost', 'beat', 'drew', 'trailed', 'led', 'voted', 'defeated', 'score']);
const CHANGE_WORDS = new Set(['from', 'rose', 'fell', 'increased', 'decreased', 'grew', 'jumped', 'dropped', 'climbed', 'declined', 'slipped', 'rising', 'falling', 'up', 'down', 'by', 'cut', 'raised', 'lowered', 'soared', 'plunged', 'surged', 'slumped']);

export function unitAt(tokens: Token[], p: number, currency: string | null): Unit {
  const pc = percentAfter(tokens, p);
  if (pc) return { kind: 'percent', noun: pc.noun, factor: pc.factor, end: p + pc.length };
  if (currency) return { kind: 'money', noun: currency, factor: 1, end: p };
  const ca = currencyAfter(tokens, p);
  // "5 pounds of flour" is a weight.
  if (ca && !(ca.currency === 'pound' && tokens[p + ca.length]?.lower === 'of')) return { kind: 'money', noun: ca.currency, factor: 1, end: p + ca.length };
  const u = unitAfter(tokens, p);
  if (u) return { kind: 'measure', noun: u.noun, factor: 1, end: p + u.length };
  return { kind: 'count', noun: null, factor: 1, end: p };
}

export function readQuantity(tokens: Token[], s: QuantityStart): FigureRead | null {
  const { nm } = s;
  let unit = unitAt(tokens, nm.end, s.currency);
  let lo = nm.lo * unit.factor;
  let hi = nm.hi * unit.factor;
  let loOpen = nm.loOpen;
  let hiOpen = nm.hiOpen;
  let hedge: Hedge = nm.vague ? 'vague' : 'exact';
  let end = unit.end; // token after number + unit
  // "3m people": in British style "m" after a bare number is "million" when people follow.
  if (unit.noun === 'metre' && tokens[nm.end].lower === 'm' && isPluralAhead(tokens, unit.end)) {
    unit = { kind: 'count', noun: null, factor: 1, end: unit.end };
    lo = hi = nm.lo * 1e6;
  }

  // "a magnitude 7.8 earthquake", "aged 19": the unit stands before the number.
  if (unit.kind === 'count' && tokens[s.j - 1]?.lower === 'magnitude') unit = { ...unit, kind: 'measure', noun: 'magnitude' };
  if (unit.kind === 'count' && tokens[s.j - 1]?.lower === 'aged' && !s.hedge) unit = { ...unit, kind: 'measure', noun: 'year' };

  const range = readRangeEnd(tokens, s, unit);
  if (range === 'score') return { draft: null, next: skipScore(tokens, end) };
  if (range) {
    lo = range.lo;
    hi = range.hi;
    loOpen = hiOpen = false;
    hedge = 'range';
    end = range.end;
    if (range.unit) unit = range.unit;
  } else if (s.between) {
    return null;
  }

  if (hedge !== 'range' && s.hedge) {
    const iv = nm.vague ? vagueWithHedge(s.hedge.hedge, lo, hi, hiOpen) : hedgeInterval(s.hedge.hedge, lo, s.hedge.phrase);
    ({ lo, hi, loOpen, hiOpen } = iv);
    hedge = s.hedge.hedge;
    end += matchSuffixHedge(tokens, end)?.length ?? 0; // "some 50-odd": one hedge said twice
  } else if (hedge === 'exact') {
    const suffix = matchSuffixHedge(tokens, end);
    if (suffix) {
      ({ lo, hi, loOpen, hiOpen } = hedgeInterval(suffix.hedge, lo, suffix.phrase));
      hedge = suffix.hedge;
      end += suffix.length;
    }
  }

  const year = readYear(tokens, s, nm, unit, hedge, range ? range : null);
  if (year) return year;
  if (isIdentifier(tokens, s, unit, hedge)) return { draft: null, next: end };
  if (isPronounOne(tokens, s, end, hedge)) return { draft: null, next: end };

  const draft: Draft = {
    first: s.i, last: end - 1, kind: unit.kind, lo, hi, loOpen, hiOpen, hedge, noun: unit.noun, context: [],
  };
  if (unit.kind === 'count') return withCountNoun(tokens, draft, s, end);
  draft.context = unitContext(tokens, draft, end);
  return { draft, next: end };
}

/** A vague quantity after a hedge: "more than thousands" keeps its floor, loses its ceiling. */
function vagueWithHedge(h: Hedge, lo: number, hi: number, hiOpen: boolean) {
  if (h === 'more-than' || h === 'at-least') return { lo, hi: Infinity, loOpen: h === 'more-than', hiOpen: true };
  if (h === 'less-than' || h === 'at-most') return { lo: 0, hi, loOpen: false, hiOpen };
  return { lo, hi, loOpen: false, hiOpen };
}

/** "10-20", "10 to 20", "between 10 and 20", "two or three", "$2-3bn", "2023-24". */
function readRangeEnd(tokens: Token[], s: QuantityStart, unit: Unit): RangeEnd | 'score' | null {
  const q = unit.end;
  const sep = tokens[q];
  if (!sep) return null;
  const { nm } = s;
  if (nm.vague) return null;
  const hyphen = sep.lower === '-' && !s.between;
  // "from 5% to 7%", "rose 5% to 7%", "as much as 8% to 245p": a change or a second value, not a range.
  const to = sep.lower === 'to' && !s.between && !s.hedge && !CHANGE_WORDS.has(tokens[s.i - 1]?.lower ?? '');
  const or = sep.lower === 'or' && !s.between && nm.lo < 100;
  const and = sep.lower === 'and' && s.between;
  if (!hyphen && !to && !or && !and) return null;
  let r = q + 1;
  const cur = currencyBefore(tokens, r);
  if (cur) r += cur.length;
  if (tokens[r]?.type === 'skip') return null;
  const nm2 = parseNumber(tokens, r, !!(cur || s.currency));
  if (!nm2 || nm2.vague) return null;
  if (hyphen && (tokens[s.k].type !== 'num' || tokens[r].type !== 'num')) return null;
  const unit2 = unitAt(tokens, nm2.end, s.currency);
  if (unit.kind !== 'count' && unit2.kind !== 'count' && (unit.kind !== unit2.kind || unit.noun !== unit2.noun)) return null;
  let lo = nm.lo;
  let hi = nm2.hi;
  if (hyphen && /^(19|20)\d\d$/.test(tokens[s.k].text) && /^\d\d$/.test(tokens[r].text)) {
    hi = Math.floor(lo / 100) * 100 + nm2.lo; // "2023-24"
  }
  if (nm.scale === 1 && nm2.scale > 1) lo *= nm2.scale; // "2 to 3 million"
  const factor = unit2.kind !== 'count' ? unit2.factor : unit.factor;
  lo *= factor;
  hi *= factor;
  const scoreish = SCORE_WORDS.has(tokens[s.k - 1]?.lower ?? '') || SCORE_WORDS.has(tokens[nm2.end]?.lower ?? '');
  if (hyphen && (lo >= hi || scoreish)) return 'score';
  if (lo >= hi) return null;
  const unitOut = unit2.kind !== 'count' ? unit2 : unit.kind !== 'count' ? { ...unit, end: unit2.end } : null;
  return { lo, hi, end: unitOut ? unitOut.end : nm2.end, unit: unitOut };
}

function skipScore(tokens: Token[], from: number): number {
  let n = from;
  while (tokens[n] && (tokens[n].lower === '-' || tokens[n].type === 'num')) n++;
  return n;
}
