/**
 * Which columns of a wide grid are drawn. With hundreds of sources a row has hundreds of
 * columns, almost all of them empty in that row and far off screen sideways; creating them
 * all made style, layout and paint of the rows in view cost hundreds of milliseconds. So the
 * grid draws every cell that holds text (a row's height, Find and navigation depend on those)
 * but an empty cell or a header only when its column is in, or near, the horizontal viewport.
 * Columns are equal tracks of one CSS grid, so where each one lies is known without layout.
 */

export interface ColumnGeometry {
  /** Number of columns (sources shown), not counting the gutter. */
  count: number;
  /** Width of one column in px (the grid's tracks are equal). */
  width: number;
  /** Width of the sticky gutter in px. */
  gutter: number;
  /** The scroller's visible width in px. */
  viewport: number;
}

/** A half-open range of column positions, [from, to). */
export interface ColumnRange {
  from: number;
  to: number;
}

/**
 * The columns to draw at `scrollLeft`: those on screen plus one screen's worth (at least two
 * columns) on either side, so that sideways scrolling by the keyboard or a wheel flick finds
 * them drawn already. A grid that fits the screen gets all its columns.
 */
export function columnRange(g: ColumnGeometry, scrollLeft: number): ColumnRange {
  if (!(g.width > 0) || g.count <= 0) return { from: 0, to: Math.max(0, g.count) };
  const visible = Math.max(1, g.viewport - g.gutter);
  const margin = Math.max(2, Math.ceil(visible / g.width));
  // The gutter is sticky at the left edge, so the first visible column starts at scrollLeft.
  const first = Math.floor(Math.max(0, scrollLeft) / g.width);
  const last = Math.ceil((Math.max(0, scrollLeft) + visible) / g.width);
  return { from: Math.max(0, first - margin), to: Math.min(g.count, last + margin) };
}

export const inRange = (r: ColumnRange, position: number): boolean => position >= r.from && position < r.to;

export const sameRange = (a: ColumnRange, b: ColumnRange): boolean => a.from === b.from && a.to === b.to;
