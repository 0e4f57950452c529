import type { ViewModel } from '../core/view/viewModel';

/**
 * The typed message protocol between the extension and the side-by-side webview. Both
 * sides import this file; every message is a union member keyed on `type`.
 */

export type FindingKindFilter = { figure: boolean; name: boolean; quote: boolean };

export interface ViewFilter {
  onlyDifferences: boolean;
  kinds: FindingKindFilter;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'model'; model: ViewModel; filter: ViewFilter }
  | { type: 'busy'; message: string }
  /** The host stopped working without a new model (a comparison cancelled or superseded): clears `busy`. */
  | { type: 'idle' }
  | { type: 'error'; message: string }
  | { type: 'reveal'; findingId: string }
  | { type: 'navigate'; direction: 'next' | 'previous' }
  | { type: 'filter'; filter: ViewFilter };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  /** The model the host said it sent before the page was ready (`modelSent`) never arrived whole: send it again. */
  | { type: 'resendModel' }
  | { type: 'open'; source: string; start: number; end: number }
  | { type: 'selectFinding'; findingId: string | null }
  | { type: 'filterChanged'; filter: ViewFilter }
  /** Open the source's own address (its `url`); the host asks first and opens only http(s). */
  | { type: 'openUrl'; source: string }
  /** The page's CSP refused something: never expected, so the host logs and counts it. */
  | { type: 'cspViolation'; directive: string; blocked: string; sample: string };

/** What the webview keeps with `setState`, so the panel comes back as it was after a reload. */
export interface WebviewState {
  filter: ViewFilter;
  selectedFinding: string | null;
  scrollTop: number;
  scrollLeft: number;
}

export const DEFAULT_FILTER: ViewFilter = { onlyDifferences: false, kinds: { figure: true, name: true, quote: true } };

export function isFromWebview(x: unknown): x is FromWebview {
  if (!x || typeof x !== 'object') return false;
  const m = x as { type?: unknown };
  switch (m.type) {
    case 'ready':
    case 'resendModel':
      return true;
    case 'open': {
      const o = x as { source?: unknown; start?: unknown; end?: unknown };
      return typeof o.source === 'string' && Number.isInteger(o.start) && Number.isInteger(o.end);
    }
    case 'selectFinding': {
      const f = (x as { findingId?: unknown }).findingId;
      return f === null || typeof f === 'string';
    }
    case 'filterChanged':
      return isFilter((x as { filter?: unknown }).filter);
    case 'openUrl':
      return typeof (x as { source?: unknown }).source === 'string';
    case 'cspViolation': {
      const v = x as { directive?: unknown; blocked?: unknown; sample?: unknown };
      return typeof v.directive === 'string' && typeof v.blocked === 'string' && typeof v.sample === 'string';
    }
    default:
      return false;
  }
}

export function isFilter(x: unknown): x is ViewFilter {
  if (!x || typeof x !== 'object') return false;
  const f = x as { onlyDifferences?: unknown; kinds?: { figure?: unknown; name?: unknown; quote?: unknown } };
  return typeof f.onlyDifferences === 'boolean' && !!f.kinds && ['figure', 'name', 'quote'].every((k) => typeof (f.kinds as Record<string, unknown>)[k] === 'boolean');
}
