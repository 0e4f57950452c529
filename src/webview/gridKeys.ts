/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

/**
 * Moving between cells with the keyboard, as in any ARIA grid: arrows, Home / End within a
 * row, Ctrl+Home / Ctrl+End to the first / last row. Rows may not be drawn yet, so the
 * caller's `draw` fills a row before its cells are looked up.
 */
export function neighbourCell(cell: HTMLElement, key: string, toEdge: boolean, rows: ReadonlyArray<number>, draw: (row: number) => HTMLElement | null): HTMLElement | null {
  const rowEl = cell.parentElement;
  if (!rowEl) return null;
  const cells = [...rowEl.querySelectorAll<HTMLElement>(':scope > .cell')];
  const col = cells.indexOf(cell);
  const pos = rows.indexOf(Number(rowEl.dataset.row));
  const cellIn = (p: number) => (p < 0 || p >= rows.length ? null : (draw(rows[p])?.querySelectorAll<HTMLElement>(':scope > .cell')[col] ?? null));
  switch (key) {
    case 'ArrowLeft':
      return cells[col - 1] ?? null;
    case 'ArrowRight':
      return cells[col + 1] ?? null;
    case 'ArrowUp':
      return cellIn(pos - 1);
    case 'ArrowDown':
      return cellIn(pos + 1);
    case 'Home':
      return toEdge ? cellIn(0) : cells[0];
    case 'End':
      return toEdge ? cellIn(rows.length - 1) : cells[cells.length - 1];
    default:
      return null;
  }
}
