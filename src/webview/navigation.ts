import type { ViewFilter } from '../shared/protocol';
import { columnsByRow, type Column } from './columns';
import { findingShown } from './filter';
import { cellMentions, type MentionRef, type ModelIndex } from './modelIndex';

/**
 * Previous / next difference. The stops are the mentions of differing findings that are on
 * screen under the current filter, in reading order: row by row, left to right across the
 * columns, then by position in the text.
 */
export function differenceStops(
  idx: ModelIndex,
  rows: ReadonlyArray<number>,
  columns: ReadonlyArray<Column>,
  filter: ViewFilter,
  byRow: ReadonlyArray<ReadonlyArray<Column>> = columnsByRow(idx, columns),
): MentionRef[] {
  const out: MentionRef[] = [];
  for (const row of rows) {
    // Only columns with a cell in the row can hold a mention there.
    for (const col of byRow[row]) {
      for (const m of cellMentions(idx, row, col.source)) {
        if (m.finding.verdict === 'differ' && findingShown(m.finding, filter)) out.push(m);
      }
    }
  }
  return out;
}

/**
 * The stop to go to from `current` (a mention key). Without a current stop — or when it is
 * no longer shown — the reader's place is `fromRow` (the first row on screen, as a position
 * in `rows`), so "next" starts from what they are looking at rather than from the top.
 * Wraps around at both ends.
 */
export function stepStop(
  stops: ReadonlyArray<MentionRef>,
  current: string | null,
  direction: 'next' | 'previous',
  rows: ReadonlyArray<number>,
  fromRow = 0,
): MentionRef | null {
  if (!stops.length) return null;
  const n = stops.length;
  const at = current === null ? -1 : stops.findIndex((s) => s.key === current);
  if (at >= 0) return stops[(at + (direction === 'next' ? 1 : n - 1)) % n];
  const position = new Map(rows.map((r, i) => [r, i]));
  const pos = (s: MentionRef) => position.get(s.row) ?? -1;
  if (direction === 'next') return stops.find((s) => pos(s) >= fromRow) ?? stops[0];
  for (let i = n - 1; i >= 0; i--) if (pos(stops[i]) < fromRow) return stops[i];
  return stops[n - 1];
}
