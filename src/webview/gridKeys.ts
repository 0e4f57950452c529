/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/**
 * Moving between cells with the keyboard, as in any ARIA grid: arrows, Home / End within a
 * row, Ctrl+Home / Ctrl+End to the first / last row. Moves go by column (`aria-colindex`),
 * not by the cells that happen to be drawn: rows may not be drawn yet, and a drawn row leaves
 * out empty cells far off screen sideways (columnWindow.ts), so the caller's `cellIn` draws
 * the row and the cell before returning it.
 */
export function neighbourCell(
  cell: HTMLElement,
  key: string,
  toEdge: boolean,
  rows: ReadonlyArray<number>,
  columns: number,
  cellIn: (row: number, position: number) => HTMLElement | null,
): HTMLElement | null {
  const rowEl = cell.parentElement;
  if (!rowEl) return null;
  const col = Number(cell.getAttribute('aria-colindex')) - 2;
  const pos = rows.indexOf(Number(rowEl.dataset.row));
  if (!(col >= 0) || pos < 0) return null;
  const at = (p: number, c: number) => (p < 0 || p >= rows.length || c < 0 || c >= columns ? null : cellIn(rows[p], c));
  switch (key) {
    case 'ArrowLeft':
      return at(pos, col - 1);
    case 'ArrowRight':
      return at(pos, col + 1);
    case 'ArrowUp':
      return at(pos - 1, col);
    case 'ArrowDown':
      return at(pos + 1, col);
    case 'Home':
      return toEdge ? at(0, col) : at(pos, 0);
    case 'End':
      return toEdge ? at(rows.length - 1, col) : at(pos, columns - 1);
    default:
      return null;
  }
}
