import type { NameMention, Quote } from '../types';
import type { PassageMatch } from './sourceIndex';
import type { DraftText } from './draftText';
import type { SourceIndex } from './sourceIndex';
import type { CitationStyle } from '../cite/citationStyle';

/** Options of a draft check. */
export interface CheckOptions {
  /** The style the "cite this" fixes insert (default footnote). */
  citationStyle?: CitationStyle;
  /** Report quotations the sources confirm, as information (default true). */
  confirmations?: boolean;
  /** Similarity from which a sentence counts as closely following a source passage (default 0.5). */
  citeThreshold?: number;
}

/** What every check of one draft reads. */
export interface DraftContext {
  draft: DraftText;
  index: SourceIndex;
  names: NameMention[];
  quotes: Quote[];
  /** Per draft sentence, the best-matching passage of each source, best first. */
  matches: PassageMatch[][];
  options: Required<CheckOptions>;
}

/** How a source is named in a message: its outlet when known, else its id. */
export function sourceLabel(index: SourceIndex, doc: number): string {
  const d = index.docs[doc];
  return d.meta.outlet ?? d.id;
}

/** "a.txt, b.txt and c.txt": each source named once, in source order. */
export function sourceList(index: SourceIndex, docs: Iterable<number>): string {
  const labels = [...new Set([...docs].sort((a, b) => a - b).map((d) => sourceLabel(index, d)))];
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** "1 independent source" / "3 independent sources": a copy and its original count once. */
export function independentCount(index: SourceIndex, docs: Iterable<number>): string {
  const n = index.analysis.origins.count(docs);
  return `${n} independent source${n === 1 ? '' : 's'}`;
}

/**
 * Whether a source sentence is one the draft sentence matched, or in the passage of one: what
 * the draft says there is checked against what the sources say in the same place.
 */
export function inMatchedPassage(ctx: DraftContext, draftSentence: number, doc: number, sentence: number): boolean {
  const passageOf = ctx.index.analysis.passageOf;
  const target = passageOf[doc].get(sentence);
  return (ctx.matches[draftSentence] ?? []).some((m) => {
    if (m.segment.doc !== doc) return m.segment.sentences.some((s) => target !== undefined && passageOf[m.segment.doc].get(s) === target);
    return m.segment.sentences.includes(sentence);
  });
}
