import type { Doc } from '../types';
import { contentWords, type Word } from '../text/words';

/**
 * A comparable unit: one sentence, or two consecutive sentences of one paragraph (so that
 * a claim one outlet makes in two sentences can meet another's single sentence). Furniture,
 * captions and headings are never comparable.
 */
export interface Segment {
  /** Global index across all sources. */
  id: number;
  doc: number;
  /** Sentence indexes covered, ascending. */
  sentences: number[];
  /** Distinct matching keys: content words, plus `#key` for what a quantity counts. */
  keys: string[];
  /** A fingerprint of the wording, equal for sentences that read the same (single sentences only). */
  fingerprint: string;
}

/** A segment of one source before it is numbered among all sources' segments. */
export type DocSegment = Omit<Segment, 'id' | 'doc'>;

export function buildSegments(docs: Doc[]): Segment[] {
  return numberSegments(docs.map((doc) => docSegments(doc)));
}

/** The segments of every source, numbered across all of them in source order. */
export function numberSegments(perDoc: DocSegment[][]): Segment[] {
  const out: Segment[] = [];
  perDoc.forEach((list, d) => {
    for (const s of list) out.push({ id: out.length, doc: d, sentences: s.sentences, keys: s.keys, fingerprint: s.fingerprint });
  });
  return out;
}

/** One source's segments: each comparable sentence, then the pair it makes with the sentence before it. */
export function docSegments(doc: Doc): DocSegment[] {
  const out: DocSegment[] = [];
  let prev: { sentence: number; block: number; keys: string[] } | null = null;
  for (const s of doc.sentences) {
    if (s.boilerplate || s.caption || isHeading(doc, s.block)) {
      prev = null;
      continue;
    }
    const text = doc.norm.slice(s.start, s.end);
    const ws = contentWords(text, s.start);
    if (ws.length < 2) continue;
    const keys = keysOf(text, ws, s.start);
    out.push({ sentences: [s.index], keys, fingerprint: ws.map((w) => w.key).join(' ') });
    if (prev && prev.block === s.block && prev.sentence === s.index - 1) {
      const union = [...new Set([...prev.keys, ...keys])];
      out.push({ sentences: [prev.sentence, s.index], keys: union, fingerprint: '' });
    }
    prev = { sentence: s.index, block: s.block, keys };
  }
  return out;
}

/** The matching keys of a sentence: content words (day numbers after a month left out), counted things, negated words. */
export function segmentKeys(text: string): string[] {
  return keysOf(text, contentWords(text), 0);
}

/** `segmentKeys` from the content words already found (`offset`: where `text` starts in their offsets). */
function keysOf(text: string, ws: Word[], offset: number): string[] {
  const plain = ws.filter((w, i) => !(/^\d{1,2}$/.test(w.text) && i > 0 && MONTH_OR_DAY.test(ws[i - 1].text)));
  return [...new Set([...plain.map((w) => w.key), ...quantityKeys(text, ws, offset), ...negationKeys(text, offset)])];
}

const QUANTITY_WORD = /^(\d[\d,.]*|dozens|hundreds|thousands|millions|billions|scores|tens)$/i;
const SCALE = /^(hundred|thousand|million|billion|trillion|bn|m|k)$/i;
const MONTH_OR_DAY = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(mon|tues|wednes|thurs|fri|satur|sun)day$/i;

/**
 * What a quantity counts, as extra keys ("#contain" for "1,000 containers" and "thousands of
 * containers"): two reports giving a number of the same thing are likely the same claim even
 * when the rest of the wording differs. The counted thing runs up to the first plural noun,
 * and on through "of" to the next one ("rounds of artillery shells"); dates and years count nothing.
 */
function quantityKeys(text: string, ws: Word[], offset: number): string[] {
  const keys: string[] = [];
  // End of the run of quantity and scale words after `i`: the same for every word of one run,
  // so it is found once per run (a line of 30,000 numbers made this quadratic).
  let runEnd = 0;
  for (let i = 0; i < ws.length; i++) {
    if (!QUANTITY_WORD.test(ws[i].text)) continue;
    if (/^(1[89]|20)\d\d$/.test(ws[i].text) || (i > 0 && MONTH_OR_DAY.test(ws[i - 1].text))) continue;
    if (runEnd <= i) {
      runEnd = i + 1;
      while (runEnd < ws.length && (SCALE.test(ws[runEnd].text) || QUANTITY_WORD.test(ws[runEnd].text))) runEnd++;
    }
    const j = runEnd;
    const found: string[] = [];
    for (let k = j; k < Math.min(ws.length, j + 6); k++) {
      const gap = text.slice(ws[k - 1].end - offset, ws[k].start - offset);
      if (/^\d/.test(ws[k].key) || !/^(\s+|\s+of\s+|\s+of\s+the\s+)$/i.test(gap)) break;
      found.push('#' + ws[k].key);
      const plural = /[^s]s$/i.test(ws[k].text);
      const after = text.slice(ws[k].end - offset, ws[k].end - offset + 4);
      if (plural && !/^ of /i.test(after)) break;
    }
    if (found.length && found.length < 6) keys.push(...found);
  }
  return keys;
}

/**
 * What a sentence says is absent ("no end date", "no expiration date"): negation is a stop
 * word for matching, but "no … date" and "has a date" are opposite claims, so the negated
 * words get keys of their own.
 */
function negationKeys(text: string, offset: number): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/\b(no|never|without)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu)) {
    for (const w of contentWords(m[2], offset)) keys.push('!' + w.key);
  }
  return keys;
}

/** A short block without final punctuation is a headline or subheading: it summarises, not reports. */
export function isHeading(doc: Doc, block: number): boolean {
  const b = doc.blocks[block];
  const text = doc.norm.slice(b.start, b.end);
  if (/[.!?:;,"”’')]\s*$/.test(text)) return false;
  return (text.match(/\S+/g)?.length ?? 0) <= 16;
}
