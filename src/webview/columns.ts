import type { ViewModel } from '../core/view/viewModel';

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
  const byId = new Map(model.sources.map((s, i) => [s.id, i]));
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
  const roots = model.sources.map((_, i) => originalOf(model, i));
  const out: Column[] = [];
  model.sources.forEach((_, i) => {
    if (roots[i] !== i) return;
    const copies = roots.flatMap((r, j) => (r === i && j !== i ? [j] : []));
    out.push({ source: i, copies, copyOf: null });
    // A shown copy sits right beside its original, where the comparison is easiest.
    if (showCopies) for (const c of copies) out.push({ source: c, copies: [], copyOf: i });
  });
  return out;
}

/** Share of the copy's sentences found in the original, when the engine reported it. */
export function copyCoverage(model: ViewModel, copy: number): number | null {
  const id = model.sources[copy].id;
  const d = model.duplicates.find((x) => x.source === id);
  return d ? d.coverage : null;
}

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
