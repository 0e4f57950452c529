import type { Range } from '../types';
import { mapRange } from '../text/offsetMap';
import type { DraftText } from '../draft/draftText';
import type { CitationMark } from '../draft/draftMarkup';

/**
 * Sentences of a draft in the draft's own offsets, and the citations that belong to each:
 * every marker from the sentence's start up to where the next sentence starts (a footnote
 * reference sits after the full stop, a pandoc citation before it).
 */
export interface DraftSentence extends Range {
  /** Index into the draft Doc's sentences. */
  index: number;
  /** Where the sentence's citations may still be, up to the next sentence. */
  reach: number;
  citations: CitationMark[];
}

export function draftSentences(draft: DraftText): DraftSentence[] {
  // A draft is read once per version and asked for its sentences by every citation planned.
  let out = SENTENCES.get(draft);
  if (!out) SENTENCES.set(draft, (out = findSentences(draft)));
  return out;
}

const SENTENCES = new WeakMap<DraftText, DraftSentence[]>();

function findSentences(draft: DraftText): DraftSentence[] {
  const { doc, markup } = draft;
  const ranges = doc.sentences.map((s) => mapRange(doc.normToRaw, s.start, s.end, doc.raw));
  return doc.sentences.map((s, i) => {
    const r = ranges[i];
    const reach = i + 1 < ranges.length ? Math.max(r.end, ranges[i + 1].start) : doc.raw.length;
    const citations = markup.citations.filter((c) => c.start >= r.start && c.start < reach && !blockBreakBetween(doc.raw, r.end, c.start));
    return { index: s.index, start: r.start, end: r.end, reach, citations };
  });
}

/** A blank line between a sentence and a marker: the marker belongs to another paragraph. */
function blockBreakBetween(raw: string, from: number, to: number): boolean {
  return from < to && /\n[ \t]*\n/.test(raw.slice(from, to));
}

/**
 * The sentence a citation is for: the one holding the cursor; after a sentence's end (on its
 * full stop or footnote marker) still that one; for a selection, the sentence its end is in.
 */
export function sentenceAt(sentences: DraftSentence[], at: number | Range): DraftSentence | null {
  const offset = typeof at === 'number' ? at : Math.max(at.start, at.end - 1);
  let found: DraftSentence | null = null;
  for (const s of sentences) {
    if (s.start > offset) break;
    found = s;
  }
  return found ?? sentences[0] ?? null;
}
