import type { Doc, Figure, NameMention, Quote } from '../types';
import { docSegments, numberSegments, type DocSegment } from '../align/segments';
import { alignPassages } from '../align/passages';
import { findDuplicates } from '../align/duplicates';
import { extractFigures } from '../extract/figures';
import { extractNames } from '../extract/names';
import { clusterEntities } from '../extract/entities';
import { extractQuotes } from '../extract/quotes';
import { Origins } from './origins';
import type { Analysis } from './context';

/**
 * What the engine knows of one source on its own, before it meets the others: its
 * sentences (the Doc), its comparable segments, and the names, figures and quotes in it.
 * Everything after this (alignment, copies, entities, findings) needs the whole set.
 */
export interface DocAnalysis {
  doc: Doc;
  segments: DocSegment[];
  names: NameMention[];
  figures: Figure[];
  quotes: Quote[];
}

/** Runs every stage of the engine over prepared documents. */
export function analyze(docs: Doc[]): Analysis {
  return analyzeSet(docs.map(analyseDoc));
}

/** The per-source stages: pure, and the same whatever other sources it is compared with. */
export function analyseDoc(doc: Doc): DocAnalysis {
  const names = extractNames(doc);
  return { doc, segments: docSegments(doc), names, figures: extractFigures(doc), quotes: extractQuotes(doc, names) };
}

/** The stages that need the whole set, over sources already analysed (in the order given). */
export function analyzeSet(parts: DocAnalysis[]): Analysis {
  const docs = parts.map((p) => p.doc);
  const segments = numberSegments(parts.map((p) => p.segments));
  const { passages, links } = alignPassages(segments);
  const duplicates = findDuplicates(docs, segments, links);
  const origins = new Origins(docs.length, duplicates);
  const passageOf = docs.map(() => new Map<number, number>());
  passages.forEach((p, pi) => {
    for (const [doc, sentences] of p.members) for (const s of sentences) passageOf[doc].set(s, pi);
  });
  const names = parts.map((p) => p.names);
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const entities = clusterEntities(names, (m) => passageOf[docIndex.get(m.source) ?? -1]?.get(m.sentence));
  const figures = parts.map((p) => p.figures);
  const quotes = parts.map((p) => p.quotes);
  return { docs, segments, passages, duplicates, origins, names, entities, figures, quotes, passageOf };
}
