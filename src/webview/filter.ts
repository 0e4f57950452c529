import type { ViewModel } from '../core/view/viewModel';
import type { ResultFinding } from '../core/result';
import type { ViewFilter } from '../shared/protocol';
import { columnsByRow, type Column } from './columns';
import { cellMentions, type ModelIndex } from './modelIndex';

/** Whether a finding's highlights are drawn under this filter. */
export function findingShown(f: ResultFinding, filter: ViewFilter): boolean {
  return filter.kinds[f.kind] && (!filter.onlyDifferences || f.verdict === 'differ');
}

/** True when the cell of `source` in `row` holds a mention of a shown 'differ' finding. */
export function cellHasDifference(idx: ModelIndex, row: number, source: number, filter: ViewFilter): boolean {
  return cellMentions(idx, row, source).some((m) => m.finding.verdict === 'differ' && findingShown(m.finding, filter));
}

/**
 * Indexes into `model.rows` of the rows to draw, in order. A row needs a cell in at least one
 * shown column (a row held only by a folded copy disappears with it). "Only differences"
 * keeps just the rows where a shown column holds a mention of a differing finding: the
 * places a fact-checker has to look at.
 */
export function visibleRows(
  model: ViewModel,
  idx: ModelIndex,
  filter: ViewFilter,
  columns: ReadonlyArray<Column>,
  byRow: ReadonlyArray<ReadonlyArray<Column>> = columnsByRow(idx, columns),
): number[] {
  const out: number[] = [];
  model.rows.forEach((_, row) => {
    const shown = byRow[row];
    if (!shown.length) return;
    if (filter.onlyDifferences && !shown.some((c) => cellHasDifference(idx, row, c.source, filter))) return;
    out.push(row);
  });
  return out;
}

export interface Counts {
  sources: number;
  independent: number;
  differences: number;
  agreements: number;
  byKind: Record<ResultFinding['kind'], number>;
}

/** The toolbar's summary. Findings are counted whatever the filter, so the numbers do not jump. */
export function countModel(model: ViewModel): Counts {
  const byKind = { figure: 0, name: 0, quote: 0 };
  for (const f of model.findings) byKind[f.kind]++;
  return {
    sources: model.sources.length,
    independent: model.sources.filter((s) => !s.copyOf).length,
    differences: model.findings.filter((f) => f.verdict === 'differ').length,
    agreements: model.findings.filter((f) => f.verdict === 'agree').length,
    byKind,
  };
}
