import type { ViewModel } from '../core/view/viewModel';
import type { ToWebview, ViewFilter } from './protocol';

/**
 * The panel's model on the wire. Posting a large model object to a webview makes the
 * extension host serialise it (VS Code walks the whole object graph: ~300 ms for 500 sources,
 * with the host blocked). Instead the engine worker turns the model into UTF-8 JSON bytes —
 * what VS Code would have sent — and the host posts those bytes, which VS Code passes on as a
 * binary buffer without looking inside; the webview parses them. Same model, same protocol
 * message (`model`) once decoded.
 */
export interface ModelWire {
  type: 'modelJson';
  json: Uint8Array;
  filter: ViewFilter;
}

/** In the worker: the model as the bytes the webview will parse. */
export function encodeModel(model: ViewModel): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(model));
}

/** In the webview: a `modelJson` message as the `model` message it stands for; undefined for anything else. */
export function decodeModelWire(msg: unknown): ToWebview | undefined {
  const m = msg as { type?: unknown; json?: unknown; filter?: unknown } | null;
  if (!m || typeof m !== 'object' || m.type !== 'modelJson' || !m.filter || typeof m.filter !== 'object') return undefined;
  // VS Code hands typed arrays over as they were sent; a bare ArrayBuffer is taken too.
  const bytes = ArrayBuffer.isView(m.json) || m.json instanceof ArrayBuffer ? m.json : undefined;
  if (!bytes) return undefined;
  try {
    const model = JSON.parse(new TextDecoder().decode(bytes)) as ViewModel;
    return { type: 'model', model, filter: m.filter as ViewFilter };
  } catch {
    return undefined;
  }
}
