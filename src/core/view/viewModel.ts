import type { Range } from '../types';
import type { ResultDuplicate, ResultFinding } from '../result';

/**
 * What the side-by-side panel shows, computed by the engine so that the webview only draws.
 * All offsets are into the source's decoded text (`ViewSource.text`), like the contract.
 */

export interface ViewSource {
  id: string;
  path: string;
  title: string;
  outlet?: string;
  date?: string;
  url?: string;
  /** Set when this source is a copy: the id of its original (the panel folds it there). */
  copyOf?: string;
  /** The decoded file text. */
  text: string;
  /** Furniture and captions: shown dimmed. */
  boilerplate: Range[];
  notes: string[];
}

/** One source's part of a row: a run of sentences, with the words that differ from the other members marked. */
export interface ViewCell {
  start: number;
  end: number;
  /** Words of this cell that the other sources in the row do not have (word diff). */
  diff: Range[];
  /** True when the whole cell is furniture or a caption: shown dimmed. */
  boilerplate: boolean;
  /** True when the whole cell is a photo caption: figures and quotes are not compared, names are. */
  caption: boolean;
}

export interface ViewRow {
  id: string;
  /** The passage id when several sources report this; null for text of one source only. */
  passage: string | null;
  similarity: number;
  independentSources: number;
  /** Indexed like `ViewModel.sources`; null where a source has nothing in this row. */
  cells: Array<ViewCell | null>;
}

export interface ViewModel {
  version: 1;
  sources: ViewSource[];
  rows: ViewRow[];
  findings: ResultFinding[];
  duplicates: ResultDuplicate[];
  problems: Array<{ path: string; reason: string; message: string }>;
}
