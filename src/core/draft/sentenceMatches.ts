import type { DraftText } from './draftText';
import type { PassageMatch, SourceIndex } from './sourceIndex';

/** From this similarity a draft sentence and a source sentence report the same thing (as in alignment). */
export const SAME_PASSAGE = 0.3;

/**
 * For each draft sentence, its best match in each source (at least `SAME_PASSAGE`), found
 * through the index. Figures use it to know which source sentences report what the draft
 * sentence reports, and the citation check to find the passage a sentence follows.
 * A sentence's matches depend only on its text and the sources, so they are kept per
 * source index by text: re-checking an edited draft queries only the sentences that changed.
 */
export function sentenceMatches(draft: DraftText, index: SourceIndex): PassageMatch[][] {
  const { doc } = draft;
  let memo = MEMO.get(index);
  if (!memo) MEMO.set(index, (memo = new Map()));
  const cache = memo;
  return doc.sentences.map((s) => {
    if (s.boilerplate || s.caption) return [];
    const text = doc.norm.slice(s.start, s.end);
    let found = cache.get(text);
    if (!found) {
      found = bestPerSource(index, text);
      if (cache.size >= MAX_MEMO) cache.clear();
      cache.set(text, found);
    }
    return found;
  });
}

function bestPerSource(index: SourceIndex, text: string): PassageMatch[] {
  const best = new Map<number, PassageMatch>();
  for (const m of index.matchText(text, SAME_PASSAGE)) {
    if (!best.has(m.segment.doc)) best.set(m.segment.doc, m);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.segment.doc - b.segment.doc);
}

const MEMO = new WeakMap<SourceIndex, Map<string, PassageMatch[]>>();
const MAX_MEMO = 20_000;
