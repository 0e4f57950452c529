/**
 * The machine-readable contract of `corroborate compare --json` (see the design notes).
 * Every `start`/`end` here is an offset in UTF-16 code units into the source file's decoded
 * text, and `text` is exactly that slice.
 */

export interface ResultSpan {
  source: string;
  start: number;
  end: number;
  text: string;
}

export interface ResultSource {
  id: string;
  path: string;
  title: string;
  outlet?: string;
  url?: string;
  date?: string;
  author?: string;
  /** Site furniture kept in the file but never compared. */
  boilerplate: Array<{ start: number; end: number }>;
  /** When this source is a copy of another: that source's id. */
  copyOf?: string;
  /** Notes from reading (encoding fallback, repaired characters). */
  notes: string[];
  sentences: number;
}

export interface ResultDuplicate {
  source: string;
  of: string;
  /** Share of the copy's sentences found in the original. */
  coverage: number;
}

export interface ResultPassage {
  id: string;
  members: ResultSpan[];
  /** How many sources report it, counting a copy and its original once. */
  independentSources: number;
  /** Mean similarity of the members to each other, 0…1. */
  similarity: number;
}

export type FindingKind = 'name' | 'figure' | 'quote';
export type Verdict = 'agree' | 'differ';

export interface ResultFinding {
  id: string;
  kind: FindingKind;
  verdict: Verdict;
  /**
   * figures: conflict | compatible | different-claim | rounding;
   * names: same | spelling | order | hyphenation | case | partial;
   * quotes: verbatim | partial | reworded | different-speaker.
   */
  detail: string;
  summary: string;
  /** Higher is more important; findings are sorted by it. */
  importance: number;
  /** How many independent sources the mentions come from (a copy counts once). */
  independentSources: number;
  /** The passage the finding was made in, when it comes from aligned text. */
  passage?: string;
  mentions: Array<ResultSpan & { label?: string }>;
}

export interface CompareResult {
  version: 1;
  sources: ResultSource[];
  duplicates: ResultDuplicate[];
  passages: ResultPassage[];
  findings: ResultFinding[];
  /** Files that could not be read, with the reason. */
  problems: Array<{ path: string; reason: string; message: string }>;
}
