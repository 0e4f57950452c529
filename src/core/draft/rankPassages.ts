import type { ResultSpan } from '../result';
import { sentencesSpan } from '../compare/spans';
import type { SourceIndex } from './sourceIndex';

export interface RankedPassage extends ResultSpan {
  /** Similarity to the sentence, 0…1 (a little more for a shared count of the same thing). */
  score: number;
  /** The source's title (or outlet) for a quick pick. */
  title: string;
}

/**
 * The source passages that support a sentence, best first, for Insert Citation's quick
 * pick: at most one per source (its best), copies left out when their original is listed,
 * offsets into each source's decoded text.
 */
export function rankPassages(sentence: string, index: SourceIndex, options: { limit?: number; minScore?: number } = {}): RankedPassage[] {
  const limit = options.limit ?? 5;
  const minScore = options.minScore ?? 0.15;
  const origins = index.analysis.origins;
  const seen = new Set<number>();
  const out: RankedPassage[] = [];
  const matches = index.matchText(sentence, minScore);
  for (const first of matches) {
    const origin = origins.of(first.segment.doc);
    if (seen.has(origin)) continue;
    seen.add(origin);
    // A copy says what its original says: cite the original when it matches as well.
    const m = origins.isCopy(first.segment.doc) ? (matches.find((x) => x.segment.doc === origin && x.score >= first.score * 0.95) ?? first) : first;
    const doc = index.docs[m.segment.doc];
    out.push({ ...sentencesSpan(doc, m.segment.sentences), score: Math.round(m.score * 1000) / 1000, title: doc.meta.title ?? index.citationSource(m.segment.doc).title ?? doc.id });
    if (out.length >= limit) break;
  }
  return out;
}
