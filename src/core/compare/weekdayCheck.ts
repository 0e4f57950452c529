import { decodeDate, formatDay, weekdayFits, weekdayOf } from '../extract/dates';
import type { FigureNode } from './figureNodes';

/**
 * A weekday checked against the dates it was grouped with: "on Thursday" in one report and
 * "March 28" in another, with "March 2024" in a third, is March 28, 2024, which was a Thursday.
 */
export interface WeekdayCheck {
  /** The weekday, lower case. */
  weekday: string;
  /** The day it was checked against, yyyymmdd with its year. */
  day: number;
  fits: boolean;
}

/**
 * The weekday of a group of date figures checked against the group's days, misfits first;
 * null when the group has no weekday, several, or no day whose weekday can be known. A day
 * written without its year ("March 28") takes the one year the group's other dates allow.
 */
export function checkWeekday(group: FigureNode[]): WeekdayCheck | null {
  const weekdays = new Set(group.map((n) => n.weekday).filter((w): w is string => !!w));
  if (weekdays.size !== 1) return null;
  const [weekday] = weekdays;
  const dated = group.filter((n) => !n.weekday && Number.isFinite(n.fig.lo) && Number.isFinite(n.fig.hi));
  let fitting: WeekdayCheck | null = null;
  for (const n of dated) {
    const span = withYear(n.fig.lo, n.fig.hi, dated);
    if (!span) continue;
    const fits = weekdayFits(weekday, span.lo, span.hi);
    if (fits === false) return { weekday, day: span.lo, fits };
    if (fits && !fitting && span.lo === span.hi) fitting = { weekday, day: span.lo, fits };
  }
  return fitting;
}

/** What a misfit says, after the figures: "March 28, 2024 was a Thursday, not a Wednesday". */
export function weekdayMisfitText(check: WeekdayCheck): string {
  const actual = weekdayOf(check.day);
  return actual
    ? `${formatDay(check.day)} was a ${cap(actual)}, not a ${cap(check.weekday)}`
    : `${formatDay(check.day)} was not a ${cap(check.weekday)}`;
}

/** What a fit says, after the agreement: "March 28, 2024 was a Thursday". */
export function weekdayFitText(check: WeekdayCheck): string {
  return `${formatDay(check.day)} was a ${cap(check.weekday)}`;
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The interval with its year: as written, or the one year the other dates allow for a year-less one. */
function withYear(lo: number, hi: number, dated: FigureNode[]): { lo: number; hi: number } | null {
  if (lo >= 10000) return { lo, hi };
  let year: number | null = null;
  for (const n of dated) {
    if (n.fig.lo < 10000) continue;
    const first = decodeDate(n.fig.lo).year!;
    const last = decodeDate(n.fig.hi).year!;
    if (last - first > 3) continue;
    for (let y = first; y <= last; y++) {
      if (y * 10000 + lo < n.fig.lo || y * 10000 + hi > n.fig.hi) continue;
      if (year !== null && year !== y) return null;
      year = y;
    }
  }
  return year === null ? null : { lo: year * 10000 + lo, hi: year * 10000 + hi };
}
