import type { ViewCell, ViewSource } from '../core/view/viewModel';
import type { ViewFilter } from '../shared/protocol';
import { findingShown } from './filter';
import type { MentionRef } from './modelIndex';
import type { Labelled } from './segments';

/** What a stretch of cell text can be marked as. Only mentions become elements of their own. */
export type CellLabel = { type: 'boilerplate' } | { type: 'diff' } | { type: 'mention'; ref: MentionRef };

// Shared label objects: `nest` compares labels by identity, and these never wrap anything.
const BOILERPLATE: CellLabel = { type: 'boilerplate' };
const DIFF: CellLabel = { type: 'diff' };

/**
 * The labelled ranges of one cell: furniture (the whole cell, or the source's boilerplate
 * ranges inside it), the words the word diff marked (only where several sources are lined
 * up), and the mentions of the findings the filter shows.
 */
export function cellLabels(source: ViewSource, cell: ViewCell, inPassage: boolean, mentions: ReadonlyArray<MentionRef>, filter: ViewFilter): Array<Labelled<CellLabel>> {
  const out: Array<Labelled<CellLabel>> = [];
  if (cell.boilerplate) out.push({ start: cell.start, end: cell.end, label: BOILERPLATE });
  else for (const r of source.boilerplate) if (r.start < cell.end && r.end > cell.start) out.push({ start: r.start, end: r.end, label: BOILERPLATE });
  if (inPassage) for (const r of cell.diff) out.push({ start: r.start, end: r.end, label: DIFF });
  for (const ref of mentions) if (findingShown(ref.finding, filter)) out.push({ start: ref.start, end: ref.end, label: { type: 'mention', ref } });
  return out;
}
