import type { ViewModel } from '../core/view/viewModel';
import type { ModelIndex } from './modelIndex';

/**
 * Which sources get a column. A copy (syndicated or duplicated report) is one confirmation,
 * not two, so by default it is folded into its original's column: the original's header
 * names it, and its own column only appears when the reader asks to see copies.
 */

export interface Column {
  /** Index into `model.sources`. */
  source: number;
  /** Copies folded into this column (shown in its header), in model order. */
  copies: number[];
  /** When this column is itself a copy shown on request: its original's index. */
  copyOf: number | null;
}

/** The original at the end of a `copyOf` chain; a source that names no known original is its own. */
export function originalOf(model: ViewModel, source: number): number {
  return rootOf(model, new Map(model.sources.map((s, i) => [s.id, i])), source);
}

function rootOf(model: ViewModel, byId: ReadonlyMap<string, number>, source: number): number {
  let at = source;
  const seen = new Set<number>([at]);
  for (;;) {
    const next = model.sources[at].copyOf === undefined ? undefined : byId.get(model.sources[at].copyOf as string);
    // A cycle or a dangling id would otherwise loop or hide a source for good.
    if (next === undefined || seen.has(next)) return at;
    seen.add(next);
    at = next;
  }
}

export function layoutColumns(model: ViewModel, showCopies: boolean): Column[] {
  const byId = new Map(model.sources.map((s, i) => [s.id, i]));
  const roots = model.sources.map((_, i) => rootOf(model, byId, i));
  // Each original's copies in model order, found in one pass (2,000 sources: not 2,000²).
  const copiesOf = new Map<number, number[]>();
  roots.forEach((r, j) => {
    if (r === j) return;
    const list = copiesOf.get(r);
    if (list) list.push(j);
    else copiesOf.set(r, [j]);
  });
  const out: Column[] = [];
  model.sources.forEach((_, i) => {
    if (roots[i] !== i) return;
    const copies = copiesOf.get(i) ?? [];
    out.push({ source: i, copies, copyOf: null });
    // A shown copy sits right beside its original, where the comparison is easiest.
    if (showCopies) for (const c of copies) out.push({ source: c, copies: [], copyOf: i });
  });
  return out;
}

/**
 * For each row (index into `model.rows`), the columns that hold a cell of it, in column order:
 * what `columns.filter((c) => row.cells[c.source])` gives, found from the index's list of each
 * row's sources instead of by visiting every column of every row (2,000 sources: millions).
 */
export function columnsByRow(idx: ModelIndex, columns: ReadonlyArray<Column>): Column[][] {
  const position = new Map<number, number>();
  columns.forEach((c, i) => position.set(c.source, i));
  return idx.rowSources.map((sources) => {
    const at: number[] = [];
    for (const s of sources) {
      const p = position.get(s);
      if (p !== undefined) at.push(p);
    }
    return at.sort((a, b) => a - b).map((p) => columns[p]);
  });
}

/** Share of the copy's sentences found in the original, when the engine reported it. */
export function copyCoverage(model: ViewModel, copy: number): number | null {
  let byCopy = coverageOf.get(model);
  if (!byCopy) {
    // Looked up for every copy badge of every header: a map, not a search of 1,500 duplicates each time.
    byCopy = new Map();
    for (const d of model.duplicates) if (!byCopy.has(d.source)) byCopy.set(d.source, d.coverage);
    coverageOf.set(model, byCopy);
  }
  return byCopy.get(model.sources[copy].id) ?? null;
}

const coverageOf = new WeakMap<ViewModel, Map<string, number>>();

/** A, B, … Z, then AA, AB: a short handle for each source, stable for the model. */
export function sourceLetters(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let n = i;
    let s = '';
    do {
      s = String.fromCharCode(65 + (n % 26)) + s;
      n = Math.floor(n / 26) - 1;
    } while (n >= 0);
    out.push(s);
  }
  return out;
}
