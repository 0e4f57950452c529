/**
 * Turning a cell's text plus overlapping labelled ranges (boilerplate, word diff, finding
 * mentions) into something the DOM can draw. Pure: no DOM, tested in test/unit/webviewSegments.
 *
 * Ranges overlap freely (a changed word inside a quoted name inside boilerplate), but DOM
 * elements must nest. So first the text is cut at every range boundary into flat segments,
 * each knowing every label that covers it; then `nest` rebuilds a tree in which the labels
 * that need an element of their own (mentions: focusable, hoverable) become wrappers and the
 * rest become classes on the text leaves.
 */

export interface Labelled<T> {
  start: number;
  end: number;
  label: T;
}

export interface Segment<T> {
  start: number;
  end: number;
  /** Every label covering this segment, outermost first (earlier start, then longer, then input order). */
  labels: T[];
}

/**
 * Cuts [from, to) at every boundary of `ranges` (clipped to [from, to)). Segments cover the
 * whole interval without gaps, so unlabelled text comes out as segments with no labels.
 */
export function segment<T>(from: number, to: number, ranges: ReadonlyArray<Labelled<T>>): Segment<T>[] {
  const clipped = ranges
    .map((r, order) => ({ start: Math.max(from, r.start), end: Math.min(to, r.end), label: r.label, order }))
    .filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const cuts = new Set<number>([from, to]);
  for (const r of clipped) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<T>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (start >= end) continue;
    // Cells hold at most a few dozen ranges, so a scan per segment is cheaper than a sweep structure.
    out.push({ start, end, labels: clipped.filter((r) => r.start <= start && r.end >= end).map((r) => r.label) });
  }
  return out;
}

export type Tree<T> =
  | { kind: 'text'; start: number; end: number; classes: T[] }
  | {
      kind: 'wrap';
      label: T;
      /** True when this wrapper continues one cut short by a partially overlapping range. */
      continued: boolean;
      children: Tree<T>[];
    };

/**
 * Nests flat segments: labels for which `isWrapper` holds become wrapper nodes, kept open
 * across consecutive segments that share them; other labels become the leaf's classes.
 * When two wrappers overlap without nesting, the inner one is closed and reopened as a
 * `continued` piece, which keeps the tree well-formed.
 */
export function nest<T>(segments: ReadonlyArray<Segment<T>>, isWrapper: (label: T) => boolean): Tree<T>[] {
  const root: Tree<T>[] = [];
  const stack: Array<{ label: T; children: Tree<T>[] }> = [];
  const opened = new Set<T>();
  for (const seg of segments) {
    const wrappers = seg.labels.filter(isWrapper);
    let keep = 0;
    while (keep < stack.length && keep < wrappers.length && stack[keep].label === wrappers[keep]) keep++;
    stack.length = keep;
    for (const label of wrappers.slice(keep)) {
      const node: Tree<T> = { kind: 'wrap', label, continued: opened.has(label), children: [] };
      opened.add(label);
      (stack.length ? stack[stack.length - 1].children : root).push(node);
      stack.push(node);
    }
    const leaf: Tree<T> = { kind: 'text', start: seg.start, end: seg.end, classes: seg.labels.filter((l) => !isWrapper(l)) };
    (stack.length ? stack[stack.length - 1].children : root).push(leaf);
  }
  return root;
}
