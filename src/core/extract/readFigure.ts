import type { Hedge } from '../types';
import type { Draft, FigureRead } from './figureDraft';
import { decodeDate, encodeDate, inferYear, parseDate, resolveWeekday, WEEKDAYS } from './dates';
import { hedgeInterval, matchPrefixHedge, type HedgeMatch } from './hedges';
import { clauseContext, lemma, readNounPhrase } from './nounPhrase';
import { parseNumber, parseOrdinal, type NumberMatch } from './numberWords';
import { isCapitalised, type Token } from './figureTokens';
import { readQuantity } from './readQuantity';
import { currencyBefore, isKnownGluedSuffix } from './units';

export interface ReadContext {
  /** Publication date of the source, which gives year-less dates their year and weekdays their day. */
  published: Date | null;
}

/**
 * Reads one figure starting at token `i`: optional hedge, then a date, a ratio, money, an
 * ordinal or a number with its unit, range end, trailing hedge and counted noun phrase.
 * Returns null when nothing starts here, or a result whose `draft` is null when the tokens
 * are a number that is no figure (a name like "Resolution 1718", a score like "3-1").
 *
 * Span rule: hedge words + currency + number words + unit (or compound "-member") + the
 * counted head noun ("over 3 million artillery shells", "thousands of containers"). The
 * span stops at the head: `of`-complements go into the context only. Years and dates span
 * the date words alone ("2009", "March 28", "September 2023"), without "in"/"since".
 */
export function readFigure(tokens: Token[], i: number, ctx: ReadContext): FigureRead | null {
  const t = tokens[i];
  if (!t || t.type === 'skip' || t.type === 'punct' && !currencyBefore(tokens, i)) return null;
  let hedge: HedgeMatch | null = null;
  let between = false;
  let j = i;
  if (t.lower === 'between' && startsQuantity(tokens, i + 1)) {
    between = true;
    j = i + 1;
  } else {
    hedge = matchPrefixHedge(tokens, i);
    if (hedge) {
      j = i + hedge.length;
      if (tokens[j]?.text === '.' && tokens[j].glued) j++; // "approx. 50"
      if (!startsQuantity(tokens, j)) return null;
    }
  }
  if (!between && !hedge) {
    const date = readDate(tokens, j, ctx);
    if (date) return date;
  }
  const ratio = readRatio(tokens, j, i, hedge);
  if (ratio) return ratio;
  const cur = currencyBefore(tokens, j);
  const k = cur ? j + cur.length : j;
  const ord = !cur && !hedge ? parseOrdinal(tokens, k) : null;
  if (ord && (tokens[k].type === 'num' || !parseNumber(tokens, k))) return readOrdinal(tokens, k, ord);
  const nm = parseNumber(tokens, k, !!cur);
  if (!nm) return null;
  if (tokens[k].type === 'num' && isNameNumber(tokens, k, nm)) return { draft: null, next: skipGlued(tokens, k) };
  return readQuantity(tokens, { i, j, k, hedge, between, currency: cur?.currency ?? null, nm });
}

function startsQuantity(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (!t || t.type === 'skip') return false;
  return !!currencyBefore(tokens, j) || parseNumber(tokens, j, true) !== null;
}

/** Digits glued to letters ("G7", "MH17", "5G", "COVID-19", "F-16") belong to a name. */
function isNameNumber(tokens: Token[], k: number, nm: NumberMatch): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  if (t.glued && prev?.type === 'word') return true;
  if (t.glued && prev?.text === '-' && tokens[k - 2]?.type === 'word' && prev.glued && !/^(mid|pre|post|early|late|end|start)$/.test(tokens[k - 2].lower)) return true;
  if (t.glued && (prev?.text === '#' || prev?.text === '№')) return true;
  const next = tokens[nm.end];
  if (next?.glued && next.type === 'word' && !nm.scaled && !isKnownGluedSuffix(next.lower)) return true;
  // "5G", "3D", "4X": a capital letter names a thing; "5g" is grams, "$3M" and "5K" are scales, "40C" a temperature.
  if (next?.glued && next.type === 'word' && /^\p{Lu}$/u.test(next.text) && !/^[MKBTCF]$/.test(next.text)) return true;
  if (next?.glued && next.type === 'num') return true; // "1.2.3" already masked; "3.5.1"
  return false;
}

function skipGlued(tokens: Token[], k: number): number {
  let n = k + 1;
  while (tokens[n]?.glued && tokens[n].type !== 'punct') n++;
  return n;
}

function readDate(tokens: Token[], j: number, ctx: ReadContext): FigureRead | null {
  const dm = parseDate(tokens, j);
  if (dm) {
    let { lo, hi } = dm;
    if (!dm.hasYear && ctx.published) {
      const { month, day } = decodeDate(lo);
      lo = hi = encodeDate(inferYear(month, day, ctx.published), month, day);
    }
    return { draft: dateDraft(tokens, j, dm.end - 1, lo, hi, 'exact'), next: dm.end };
  }
  const t = tokens[j];
  const name = t?.type === 'word' ? t.lower.replace(/'s$/, '') : '';
  const prev = tokens[j - 1];
  const named = isCapitalised(prev) && !/^(on|since|last|by|until|this|next|from|before|after|late|early)$/.test(prev.lower) && j > 0;
  if (isCapitalised(t) && WEEKDAYS.includes(name) && !named) { // not "Good Friday"
    // A weekday is a date whose day is only known against the publication date.
    if (ctx.published) {
      const v = resolveWeekday(name, ctx.published, tokens[j - 1]?.lower === 'next');
      return { draft: dateDraft(tokens, j, j, v, v, 'exact'), next: j + 1 };
    }
    return { draft: { ...dateDraft(tokens, j, j, -Infinity, Infinity, 'vague'), loOpen: true, hiOpen: true }, next: j + 1 };
  }
  return null;
}

function dateDraft(tokens: Token[], first: number, last: number, lo: number, hi: number, hedge: Hedge): Draft {
  return {
    first, last, kind: 'date', lo, hi, loOpen: false, hiOpen: false, hedge, noun: null,
    context: clauseContext(tokens, first, last + 1),
  };
}

/** "one in 10,000 readers", "1 in 5", "one out of three": a ratio, kind 'measure'. */
function readRatio(tokens: Token[], j: number, i: number, hedge: HedgeMatch | null): FigureRead | null {
  const a = parseNumber(tokens, j);
  if (!a || a.vague || a.lo > 10) return null;
  let p = a.end;
  if (tokens[p]?.lower === 'in') p++;
  else if (tokens[p]?.lower === 'out' && tokens[p + 1]?.lower === 'of') p += 2;
  else return null;
  const b = parseNumber(tokens, p);
  if (!b || b.vague || b.lo <= a.lo || (tokens[p].type === 'num' && /^(19|20)\d\d$/.test(tokens[p].text))) return null;
  const value = a.lo / b.lo;
  const np = readNounPhrase(tokens, b.end, true);
  const iv = hedge ? hedgeInterval(hedge.hedge, value, hedge.phrase) : hedgeInterval('exact', value);
  return {
    draft: {
      first: i, last: np.head >= 0 ? np.head : b.end - 1, kind: 'measure', ...iv, hedge: hedge?.hedge ?? 'exact',
      noun: np.noun, context: np.context,
    },
    next: np.head >= 0 ? np.head + 1 : b.end,
  };
}

function readOrdinal(tokens: Token[], k: number, ord: { end: number; value: number }): FigureRead {
  let p = ord.end;
  const context: string[] = [];
  // "third-largest economy"
  while (tokens[p]?.text === '-' && tokens[p].glued && tokens[p + 1]?.glued && tokens[p + 1].type === 'word') {
    context.push(lemma(tokens[p + 1].text));
    p += 2;
  }
  const np = readNounPhrase(tokens, p, false);
  if (np.head < 0) return { draft: null, next: ord.end };
  return {
    draft: {
      first: k, last: np.head, kind: 'ordinal', lo: ord.value, hi: ord.value, loOpen: false, hiOpen: false,
      hedge: 'exact', noun: np.noun, context: [...context, ...np.context],
    },
    next: np.head + 1,
  };
}

