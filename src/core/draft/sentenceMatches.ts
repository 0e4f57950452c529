import type { DraftText } from './draftText';
import type { PassageMatch, SourceIndex } from './sourceIndex';

/** From this similarity a draft sentence and a source sentence report the same thing (as in alignment). */
export const SAME_PASSAGE = 0.3;

/**
 * For each draft sentence, its best match in each source (at least `SAME_PASSAGE`), found
 * through the index. Figures use it to know which source sentences report what the draft
 * sentence reports, and the citation check to find the passage a sentence follows.
 */
export function sentenceMatches(draft: DraftText, index: SourceIndex): PassageMatch[][] {
  const { doc } = draft;
  return doc.sentences.map((s) => {
    if (s.boilerplate || s.caption) return [];
    const best = new Map<number, PassageMatch>();
    for (const m of index.matchText(doc.norm.slice(s.start, s.end), SAME_PASSAGE)) {
      if (!best.has(m.segment.doc)) best.set(m.segment.doc, m);
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.segment.doc - b.segment.doc);
  });
}
