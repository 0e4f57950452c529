import type { ViewModel } from '../../core/view/viewModel';
import type { Range } from '../../core/types';
import type { FindingKind } from '../../core/result';

export type DecorationKey = 'differ-figure' | 'differ-name' | 'differ-quote' | 'agree' | 'boilerplate';

export const DECORATION_KEYS: readonly DecorationKey[] = ['differ-figure', 'differ-name', 'differ-quote', 'agree', 'boilerplate'];

export interface HighlightChoice {
  kinds: Record<FindingKind, boolean>;
  agreements: boolean;
}

/**
 * What to highlight in one source, from the store's model: the mentions of findings that
 * differ (by kind), those that agree, and the boilerplate. Offsets into the decoded text.
 */
export function decorationSpans(model: ViewModel, sourceId: string, choice: HighlightChoice): Record<DecorationKey, Range[]> {
  const out: Record<DecorationKey, Range[]> = { 'differ-figure': [], 'differ-name': [], 'differ-quote': [], agree: [], boilerplate: [] };
  const source = model.sources.find((s) => s.id === sourceId);
  if (!source) return out;
  for (const f of model.findings) {
    if (!choice.kinds[f.kind]) continue;
    if (f.verdict === 'agree' && !choice.agreements) continue;
    const key: DecorationKey = f.verdict === 'differ' ? `differ-${f.kind}` : 'agree';
    for (const m of f.mentions) if (m.source === sourceId) out[key].push({ start: m.start, end: m.end });
  }
  out.boilerplate = source.boilerplate.map((b) => ({ start: b.start, end: b.end }));
  return out;
}
