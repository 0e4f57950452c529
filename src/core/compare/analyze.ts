import type { Doc } from '../types';
import { buildSegments } from '../align/segments';
import { alignPassages } from '../align/passages';
import { findDuplicates } from '../align/duplicates';
import { extractFigures } from '../extract/figures';
import { extractNames } from '../extract/names';
import { clusterEntities } from '../extract/entities';
import { extractQuotes } from '../extract/quotes';
import { Origins } from './origins';
import type { Analysis } from './context';

/** Runs every stage of the engine over prepared documents. */
export function analyze(docs: Doc[]): Analysis {
  const segments = buildSegments(docs);
  const { passages, links } = alignPassages(segments);
  const duplicates = findDuplicates(docs, segments, links);
  const origins = new Origins(docs.length, duplicates);
  const names = docs.map((d) => extractNames(d));
  const entities = clusterEntities(names);
  const figures = docs.map((d) => extractFigures(d));
  const quotes = docs.map((d, i) => extractQuotes(d, names[i]));
  const passageOf = docs.map(() => new Map<number, number>());
  passages.forEach((p, pi) => {
    for (const [doc, sentences] of p.members) for (const s of sentences) passageOf[doc].set(s, pi);
  });
  return { docs, segments, passages, duplicates, origins, names, entities, figures, quotes, passageOf };
}
