import type { Range } from '../types';

/**
 * Digits that are not quantities: phone numbers, clock times, slashed numbers ("24/7",
 * "9/11", "3/28/2024" — ambiguous between US and UK order, so never read as a date),
 * version strings. Their tokens are masked before figures are read. Clock times are also
 * returned separately because they are time expressions.
 */
const PHONE = [
  /\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,3}/g,
  /\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b/g,
  /\b\d{3}[.-]\d{3}[.-]\d{4}\b/g,
  /\b0\d{2,4}[ -]\d{3,4}[ -]\d{3,4}\b/g,
];
const CLOCK = [
  /\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)/gi,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|ET|PT)\b)?/g,
  /\b\d{4}\s?(?:GMT|UTC)\b/g,
];
const OTHER = [/\b\d+\/\d+(?:\/\d+)?\b/g, /\b\d+\.\d+\.\d+(?:\.\d+)*\b/g];

export interface Masks {
  masked: Range[];
  clock: Range[];
}

export function findMasks(text: string, from: number, to: number): Masks {
  const slice = text.slice(from, to);
  const collect = (patterns: RegExp[]): Range[] =>
    patterns.flatMap((re) =>
      [...slice.matchAll(re)].map((m) => ({ start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length })),
    );
  const clock = collect(CLOCK);
  return { masked: [...collect(PHONE), ...clock, ...collect(OTHER)], clock };
}
