import type { ViewModel } from '../core/view/viewModel';
import type { ResultFinding } from '../core/result';

/**
 * Lookups the panel needs again and again, built once per model: which cell each finding
 * mention falls in, and the mentions of each cell in text order.
 */

export interface MentionRef {
  /** Stable id of one mention: `<finding id>#<mention index>`. */
  key: string;
  finding: ResultFinding;
  /** Index into `finding.mentions`. */
  index: number;
  /** Index into `model.sources`. */
  source: number;
  start: number;
  end: number;
  text: string;
  label?: string;
  /** Index into `model.rows` of the cell holding the mention's start; -1 when none does. */
  row: number;
}

export interface ModelIndex {
  sourceIndex: Map<string, number>;
  findings: Map<string, ResultFinding>;
  mentions: Map<string, MentionRef>;
  byFinding: Map<string, MentionRef[]>;
  /** Keyed by `cellKey(row, source, sources)`; sorted by start. */
  byCell: Map<number, MentionRef[]>;
  /** Number of sources in the model (for `cellKey`). */
  sources: number;
  /** Per row (index into `model.rows`), the sources that have a cell in it, ascending. */
  rowSources: number[][];
}

/** A number, not a string: tens of thousands of mentions are looked up by cell when a model arrives. */
export const cellKey = (row: number, source: number, sources: number): number => row * sources + source;
export const mentionKey = (findingId: string, index: number): string => `${findingId}#${index}`;

const NONE: MentionRef[] = [];

export function indexModel(model: ViewModel): ModelIndex {
  const sourceIndex = new Map(model.sources.map((s, i) => [s.id, i]));
  // Per source, its cells in text order: cells of one source never overlap, so a binary
  // search by start finds the cell of a mention.
  const cellsOf: Array<Array<{ row: number; start: number; end: number }>> = model.sources.map(() => []);
  const rowSources = model.rows.map((r, row) => {
    const sources: number[] = [];
    const cells = r.cells;
    for (let s = 0, n = cells.length; s < n; s++) {
      const c = cells[s];
      if (!c) continue;
      sources.push(s);
      cellsOf[s]?.push({ row, start: c.start, end: c.end });
    }
    return sources;
  });
  for (const list of cellsOf) list.sort((a, b) => a.start - b.start);

  const n = model.sources.length;
  const idx: ModelIndex = { sourceIndex, findings: new Map(), mentions: new Map(), byFinding: new Map(), byCell: new Map(), sources: n, rowSources };
  for (const finding of model.findings) {
    idx.findings.set(finding.id, finding);
    const refs: MentionRef[] = [];
    finding.mentions.forEach((m, index) => {
      const source = sourceIndex.get(m.source);
      if (source === undefined) return; // a mention of a source the model does not carry: nothing to draw
      const row = cellAt(cellsOf[source], m.start)?.row ?? -1;
      const ref: MentionRef = { key: mentionKey(finding.id, index), finding, index, source, start: m.start, end: m.end, text: m.text, row };
      if (m.label) ref.label = m.label;
      refs.push(ref);
      idx.mentions.set(ref.key, ref);
      if (row < 0) return;
      const k = cellKey(row, source, n);
      const list = idx.byCell.get(k);
      if (list) list.push(ref);
      else idx.byCell.set(k, [ref]);
    });
    idx.byFinding.set(finding.id, refs);
  }
  for (const list of idx.byCell.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return idx;
}

export function cellMentions(idx: ModelIndex, row: number, source: number): MentionRef[] {
  return idx.byCell.get(cellKey(row, source, idx.sources)) ?? NONE;
}

function cellAt(cells: Array<{ row: number; start: number; end: number }>, offset: number) {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid];
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}
