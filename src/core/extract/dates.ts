import type { Token } from './figureTokens';
import { lexicon } from '../text/lexicon';

/**
 * Calendar dates. A date figure's `lo`/`hi` are day indexes written as yyyymmdd numbers
 * (20240328 for 28 March 2024), so that intervals order correctly and stay readable in JSON.
 * A month without a day spans its whole month ([20230901, 20230930]). When the year is not
 * written ("March 28") and the source's publication date is unknown, the year part is 0
 * (lo = hi = 328): compare such dates on month and day only (`decodeDate` gives year null).
 */
export function encodeDate(year: number | null, month: number, day: number): number {
  return (year ?? 0) * 10000 + month * 100 + day;
}

export function decodeDate(n: number): { year: number | null; month: number; day: number } {
  const year = Math.floor(n / 10000);
  return { year: year === 0 ? null : year, month: Math.floor((n % 10000) / 100), day: n % 100 };
}

export function daysInMonth(year: number | null, month: number): number {
  // Without a year February gets 29 days so that a leap day is never excluded.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

const MONTHS: Record<string, number> = lexicon({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
const FULL_MONTH = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * The month written at token `i` ("March", "Oct." or "Oct"), and the index after it
 * (past an abbreviation's full stop). Month names must be capitalised: "march" and "may"
 * are verbs too.
 */
export function monthAt(tokens: Token[], i: number): { month: number; end: number } | null {
  const t = tokens[i];
  if (!t || t.type !== 'word' || !/^\p{Lu}/u.test(t.text)) return null;
  const month = MONTHS[t.lower];
  if (month === undefined) return null;
  if (FULL_MONTH.test(t.lower)) return { month, end: i + 1 };
  // Abbreviations: "Oct." or "Oct" — but not "Mar" or "Jan" as names without a number after.
  const dot = tokens[i + 1]?.text === '.' && tokens[i + 1].glued;
  return { month, end: dot ? i + 2 : i + 1 };
}

export interface DateMatch {
  end: number;
  lo: number;
  hi: number;
  /** Whether the year was written. */
  hasYear: boolean;
}

function dayAt(tokens: Token[], i: number): { day: number; end: number } | null {
  const t = tokens[i];
  if (t?.type !== 'num' || !/^\d{1,2}$/.test(t.text)) return null;
  const day = Number(t.text);
  if (day < 1 || day > 31) return null;
  const suffix = tokens[i + 1];
  const end = suffix?.glued && /^(st|nd|rd|th)$/.test(suffix.lower) ? i + 2 : i + 1;
  return { day, end };
}

export function yearAt(tokens: Token[], i: number): number | null {
  const t = tokens[i];
  if (t?.type !== 'num' || !/^(1[89]|20)\d\d$/.test(t.text)) return null;
  const next = tokens[i + 1];
  if (next?.glued && next.type === 'word') return null; // "2024s", "2024bn"
  return Number(t.text);
}

/**
 * A date at token `i`: "March 28", "March 28, 2024", "Oct. 13", "28 March 2024", "28th of March",
 * "September 2023", ISO "2024-03-28". A month alone is not a figure.
 */
export function parseDate(tokens: Token[], i: number): DateMatch | null {
  const iso = parseIso(tokens, i);
  if (iso) return iso;
  const m = monthAt(tokens, i);
  if (m) {
    const d = dayAt(tokens, m.end);
    if (d && !isFollowedByScale(tokens, d.end)) {
      let end = d.end;
      let year: number | null = null;
      const comma = tokens[end]?.text === ',' ? 1 : 0;
      const y = yearAt(tokens, end + comma);
      if (y !== null) {
        year = y;
        end = end + comma + 1;
      }
      return day(year, m.month, d.day, end);
    }
    const y = yearAt(tokens, m.end);
    if (y !== null) {
      return { end: m.end + 1, lo: encodeDate(y, m.month, 1), hi: encodeDate(y, m.month, daysInMonth(y, m.month)), hasYear: true };
    }
    return null;
  }
  const d = dayAt(tokens, i);
  if (!d) return null;
  let at = d.end;
  if (tokens[at]?.lower === 'of') at++;
  const m2 = monthAt(tokens, at);
  if (!m2) return null;
  const y = yearAt(tokens, m2.end);
  return day(y, m2.month, d.day, y !== null ? m2.end + 1 : m2.end);
}

function day(year: number | null, month: number, d: number, end: number): DateMatch | null {
  if (d > daysInMonth(year, month)) return null;
  const v = encodeDate(year, month, d);
  return { end, lo: v, hi: v, hasYear: year !== null };
}

/** "March 3 million" is not a date. */
function isFollowedByScale(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.type === 'word' && /^(hundred|thousand|million|billion|trillion|bn|per|percent)$/.test(t.lower);
}

function parseIso(tokens: Token[], i: number): DateMatch | null {
  const y = tokens[i];
  if (y?.type !== 'num' || !/^(19|20)\d\d$/.test(y.text)) return null;
  const parts = tokens.slice(i + 1, i + 5);
  if (parts.length < 4 || !parts.every((t) => t.glued)) return null;
  if (parts[0].text !== '-' || parts[2].text !== '-' || !/^\d\d$/.test(parts[1].text) || !/^\d\d$/.test(parts[3].text)) return null;
  return day(Number(y.text), Number(parts[1].text), Number(parts[3].text), i + 5);
}

/** Publication date of a source, when its metadata has one. */
export function parsePublished(date: string | undefined): Date | null {
  if (!date) return null;
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A year-less date read against the publication date: the same year, or the year before when
 * the date would otherwise lie more than two months after publication ("on Dec. 30", in a
 * January article).
 */
export function inferYear(month: number, d: number, published: Date): number {
  const y = published.getUTCFullYear();
  const candidate = Date.UTC(y, month - 1, d);
  return candidate - published.getTime() > 62 * 86400000 ? y - 1 : y;
}

/** The weekday `name` nearest before (or, for "next", after) the publication date, as yyyymmdd. */
export function resolveWeekday(name: string, published: Date, forward: boolean): number {
  const target = WEEKDAYS.indexOf(name);
  const base = new Date(Date.UTC(published.getUTCFullYear(), published.getUTCMonth(), published.getUTCDate()));
  const delta = forward ? (target - base.getUTCDay() + 7) % 7 || 7 : -((base.getUTCDay() - target + 7) % 7);
  const d = new Date(base.getTime() + delta * 86400000);
  return encodeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Whether two date intervals (yyyymmdd) can name the same day. A year-less date (year part 0,
 * "March 28") meets a dated interval when that month and day fall inside it in some year
 * ("March 2024" → yes; "April 2024" → no). Infinite bounds (an unresolved weekday) meet anything.
 */
export function datesMeet(a: { lo: number; hi: number }, b: { lo: number; hi: number }): boolean {
  const yearless = (x: { lo: number; hi: number }) => Number.isFinite(x.lo) && x.hi < 10000;
  if (yearless(a) && yearless(b)) return a.lo <= b.hi && b.lo <= a.hi;
  if (yearless(b)) return datesMeet(b, a);
  if (!yearless(a)) return a.lo <= b.hi && b.lo <= a.hi;
  if (!Number.isFinite(b.lo) || !Number.isFinite(b.hi)) return true;
  const first = Math.floor(b.lo / 10000);
  const last = Math.min(Math.floor(b.hi / 10000), first + 3);
  for (let y = first; y <= last; y++) {
    if (y * 10000 + a.lo <= b.hi && y * 10000 + a.hi >= b.lo) return true;
  }
  return false;
}

/**
 * Whether the weekday `name` can be a day of the interval [lo, hi] (yyyymmdd): true or false
 * when the interval is a few days of a known year, null when that cannot be told (no year,
 * or a week or more, which holds every weekday). "Thursday" and March 28, 2024 → true.
 */
export function weekdayFits(name: string, lo: number, hi: number): boolean | null {
  const target = WEEKDAYS.indexOf(name);
  if (target < 0 || !Number.isFinite(lo) || !Number.isFinite(hi) || lo < 10000 || hi < lo) return null;
  const from = dayOf(lo);
  const to = dayOf(hi);
  if (from === null || to === null || to - from >= 6 * DAY_MS) return null;
  for (let t = from; t <= to; t += DAY_MS) if (new Date(t).getUTCDay() === target) return true;
  return false;
}

/** "March 28, 2024" for a day written yyyymmdd with its year, in English as the findings are. */
export function formatDay(n: number): string {
  const { year, month, day } = decodeDate(n);
  const name = FULL_MONTH_NAMES[month - 1] ?? String(month);
  return year === null ? `${name} ${day}` : `${name} ${day}, ${year}`;
}

/** The weekday of a day written yyyymmdd with its year, lower case; null without a year. */
export function weekdayOf(n: number): string | null {
  const t = n >= 10000 ? dayOf(n) : null;
  return t === null ? null : WEEKDAYS[new Date(t).getUTCDay()];
}

const DAY_MS = 86400000;
const FULL_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Milliseconds of a yyyymmdd day at UTC midnight, or null for a day that does not exist. */
function dayOf(n: number): number | null {
  const { year, month, day } = decodeDate(n);
  if (year === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day);
}
