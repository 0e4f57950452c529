import type { Doc } from '../types';
import type { ResultSpan } from '../result';
import { mapRange } from '../text/offsetMap';
import { headOf } from '../text/cut';

/** A span of a Doc's normalised text, reported in the decoded file's offsets with its exact text. */
export function resultSpan(doc: Doc, start: number, end: number): ResultSpan {
  const r = mapRange(doc.normToRaw, start, end, doc.raw);
  // A last character decoded from a reference ("caf&eacute;") ends after the reference.
  if (end > start && doc.raw[r.end - 1] === '&' && doc.norm[end - 1] !== '&') {
    const semi = doc.raw.indexOf(';', r.end);
    if (semi > 0 && semi - r.end < 32) r.end = semi + 1;
  }
  return { source: doc.id, start: r.start, end: r.end, text: doc.raw.slice(r.start, r.end) };
}

/** The span of a run of sentences. */
export function sentencesSpan(doc: Doc, sentences: number[]): ResultSpan {
  const first = doc.sentences[sentences[0]];
  const last = doc.sentences[sentences[sentences.length - 1]];
  return resultSpan(doc, first.start, last.end);
}

/** Shortens text for a one-line summary. */
export function clip(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : headOf(t, max - 1).replace(/\s+\S*$/, '') + '…';
}
