import { DEFAULT_FILTER, isFilter, type ViewFilter, type WebviewState } from '../shared/protocol';

/**
 * What the panel keeps across a window reload. The protocol's `WebviewState` (which the host's
 * serializer may read) plus the panel's own extras: whether copies are shown, the difference
 * the reader was on, and the row at the top of the screen. The row is a better bookmark than
 * `scrollTop`: rows are drawn lazily, so a pixel offset does not point at the same text twice.
 */
export interface PanelState extends WebviewState {
  showCopies: boolean;
  currentMention: string | null;
  anchor: { row: string; offset: number } | null;
}

export const INITIAL_STATE: PanelState = {
  filter: DEFAULT_FILTER,
  selectedFinding: null,
  scrollTop: 0,
  scrollLeft: 0,
  showCopies: false,
  currentMention: null,
  anchor: null,
};

/** `getState()` returns whatever an older version of the panel saved: take only what is well-formed. */
export function readState(raw: unknown): { state: PanelState; restored: boolean } {
  if (!raw || typeof raw !== 'object') return { state: { ...INITIAL_STATE }, restored: false };
  const r = raw as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const a = r.anchor as { row?: unknown; offset?: unknown } | null | undefined;
  return {
    restored: true,
    state: {
      filter: isFilter(r.filter) ? cloneFilter(r.filter) : cloneFilter(DEFAULT_FILTER),
      selectedFinding: str(r.selectedFinding),
      scrollTop: num(r.scrollTop),
      scrollLeft: num(r.scrollLeft),
      showCopies: r.showCopies === true,
      currentMention: str(r.currentMention),
      anchor: a && typeof a.row === 'string' && typeof a.offset === 'number' && Number.isFinite(a.offset) ? { row: a.row, offset: a.offset } : null,
    },
  };
}

export function cloneFilter(f: ViewFilter): ViewFilter {
  return { onlyDifferences: f.onlyDifferences, kinds: { figure: f.kinds.figure, name: f.kinds.name, quote: f.kinds.quote } };
}

export function sameFilter(a: ViewFilter, b: ViewFilter): boolean {
  return a.onlyDifferences === b.onlyDifferences && a.kinds.figure === b.kinds.figure && a.kinds.name === b.kinds.name && a.kinds.quote === b.kinds.quote;
}
