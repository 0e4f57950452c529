import type { Figure, FigureKind } from '../types';
import type { HedgeMatch } from './hedges';
import type { NumberMatch } from './numberWords';

/** A figure as read from tokens, before claimant and time are attached. */
export interface Draft extends Pick<Figure, 'kind' | 'lo' | 'hi' | 'loOpen' | 'hiOpen' | 'hedge' | 'noun' | 'context'> {
  /** First and last token of the span (inclusive). */
  first: number;
  last: number;
}

/** What reading at a token gave: a figure, or a stretch of tokens to step over (names, scores). */
export interface FigureRead {
  draft: Draft | null;
  /** Token index where scanning continues. */
  next: number;
}

/** Where a quantity starts: span start (hedge), quantity start (currency), first number token. */
export interface QuantityStart {
  i: number;
  j: number;
  k: number;
  hedge: HedgeMatch | null;
  between: boolean;
  currency: string | null;
  nm: NumberMatch;
}

/** The unit after a number, or none (kind 'count'). */
export interface Unit {
  kind: FigureKind;
  noun: string | null;
  factor: number;
  /** Token index after the unit. */
  end: number;
}

/** The upper end of a range and where it stops. */
export interface RangeEnd {
  lo: number;
  hi: number;
  end: number;
  unit: Unit | null;
}
