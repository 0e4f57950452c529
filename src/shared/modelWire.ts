import type { ViewCell, ViewModel, ViewRow } from '../core/view/viewModel';
import type { ToWebview, ViewFilter } from './protocol';

/**
 * The panel's model on the wire. Posting a large model object to a webview makes the
 * extension host serialise it (VS Code walks the whole object graph: ~300 ms for 500 sources,
 * with the host blocked). Instead the engine worker turns the model into UTF-8 JSON bytes and
 * the host posts those bytes, which VS Code passes on as a binary buffer without looking
 * inside; the webview parses them. Same model, same protocol message (`model`) once decoded.
 *
 * Rows are sparse on the wire: a row's `cells` has one slot per source, and almost all are
 * empty (a passage is in a few sources, a sentence of one source in one), so written densely
 * a model of 2,000 sources was 60 MB of JSON, 48 MB of it `null`s, and the webview took
 * seconds to receive and parse it. On the wire a row names the sources that have a cell
 * (`at`) and gives those cells (`cells`), each as numbers: `[start, end, flags, ...diff]`
 * (flags: 1 boilerplate, 2 caption; diff as start, end pairs), which halves the rest of the
 * rows again. Decoding makes the dense rows of objects again.
 *
 * A large model goes in parts (`MODEL_PART_BYTES`, 512 KB, each with its own buffer), posted
 * one after the other: VS Code copies and compresses every message on the extension host's
 * thread, and a 10 MB message blocked it for ~150 ms at a time (60 MB, before rows were
 * sparse: 200–600 ms). The webview puts the parts together (`ModelParts`) and decodes the
 * model when the last one is in.
 */
export interface ModelWire {
  type: 'modelJson';
  /** The bytes of `encodeModel`, or one part of them. */
  json: Uint8Array;
  filter: ViewFilter;
  /** With parts: which model (a number the host increases), this part's index, and how many there are. */
  id?: number;
  part?: number;
  parts?: number;
}

/**
 * The host's answer to `ready` when it posted the model before the page was ready (see
 * ComparePanel.sendEarly): the id of that model. It is posted after the model's parts, and
 * messages to a page arrive in order, so a page that does not have model `id` whole by then
 * missed it, and asks again (`resendModel`).
 */
export interface ModelSent {
  type: 'modelSent';
  id: number;
}

/** The size of a part of a model on the wire. */
export const MODEL_PART_BYTES = 512 * 1024;

/** The bytes cut into parts of at most `size` bytes, each a copy with a buffer of its own (VS Code sends a view's whole buffer). */
export function splitParts(json: Uint8Array, size = MODEL_PART_BYTES): Uint8Array[] {
  if (json.byteLength <= size) return [json];
  const out: Uint8Array[] = [];
  for (let at = 0; at < json.byteLength; at += size) out.push(json.slice(at, at + size));
  return out;
}

/** A row as written: the cells of the sources listed in `at`, in that order (ascending). */
interface WireRow extends Omit<ViewRow, 'cells'> {
  at: number[];
  cells: number[][];
}

const BOILERPLATE = 1;
const CAPTION = 2;

function cellToWire(c: ViewCell): number[] {
  const out = [c.start, c.end, (c.boilerplate ? BOILERPLATE : 0) | (c.caption ? CAPTION : 0)];
  for (const d of c.diff) out.push(d.start, d.end);
  return out;
}

function cellFromWire(w: unknown): ViewCell {
  if (!Array.isArray(w) || w.length < 3 || w.length % 2 === 0) throw new Error('not a model cell');
  const diff: ViewCell['diff'] = [];
  for (let i = 3; i < w.length; i += 2) diff.push({ start: w[i] as number, end: w[i + 1] as number });
  const flags = w[2] as number;
  return { start: w[0] as number, end: w[1] as number, diff, boilerplate: (flags & BOILERPLATE) !== 0, caption: (flags & CAPTION) !== 0 };
}

interface WireModel extends Omit<ViewModel, 'rows'> {
  rows: WireRow[];
}

/** In the worker: the model as the bytes the webview (and the host, for rows) will decode. */
export function encodeModel(model: ViewModel): Uint8Array {
  const rows = model.rows.map((r): WireRow => {
    const at: number[] = [];
    const cells: number[][] = [];
    r.cells.forEach((c, i) => {
      if (c) {
        at.push(i);
        cells.push(cellToWire(c));
      }
    });
    return { id: r.id, passage: r.passage, similarity: r.similarity, independentSources: r.independentSources, at, cells };
  });
  const wire: WireModel = { ...model, rows };
  return new TextEncoder().encode(JSON.stringify(wire));
}

/** The model the bytes of `encodeModel` stand for, rows dense again. Throws on bytes that are not such a model. */
export function decodeModel(bytes: Uint8Array | ArrayBuffer): ViewModel {
  const wire = JSON.parse(new TextDecoder().decode(bytes)) as WireModel;
  if (!wire || typeof wire !== 'object' || !Array.isArray(wire.sources) || !Array.isArray(wire.rows)) throw new Error('not a model');
  const n = wire.sources.length;
  const rows = wire.rows.map((r): ViewRow => {
    if (!Array.isArray(r.at) || !Array.isArray(r.cells) || r.at.length !== r.cells.length) throw new Error('not a model row');
    const cells: Array<ViewCell | null> = new Array<ViewCell | null>(n).fill(null);
    r.at.forEach((s, k) => {
      if (!Number.isInteger(s) || s < 0 || s >= n) throw new Error('not a model row');
      cells[s] = cellFromWire(r.cells[k]);
    });
    return { id: r.id, passage: r.passage, similarity: r.similarity, independentSources: r.independentSources, cells };
  });
  return { ...wire, rows };
}

/** The bytes of a message's `json`: VS Code hands typed arrays over as they were sent; a bare ArrayBuffer is taken too. */
function bytesOf(json: unknown): Uint8Array | undefined {
  if (json instanceof ArrayBuffer) return new Uint8Array(json);
  if (ArrayBuffer.isView(json)) return new Uint8Array(json.buffer, json.byteOffset, json.byteLength);
  return undefined;
}

/** In the webview: a whole `modelJson` message (not a part) as the `model` message it stands for; undefined for anything else. */
export function decodeModelWire(msg: unknown): ToWebview | undefined {
  const m = msg as { type?: unknown; json?: unknown; filter?: unknown; parts?: unknown } | null;
  if (!m || typeof m !== 'object' || m.type !== 'modelJson' || !m.filter || typeof m.filter !== 'object' || m.parts !== undefined) return undefined;
  const bytes = bytesOf(m.json);
  if (!bytes) return undefined;
  try {
    return { type: 'model', model: decodeModel(bytes), filter: m.filter as ViewFilter };
  } catch {
    return undefined;
  }
}

/**
 * In the webview: puts a model sent in parts together. `accept` takes every `modelJson`
 * message; it returns the `model` message once a model is complete (a whole one at once), and
 * undefined for a part that is not the last, for parts of a model that a newer one replaced,
 * and for anything that is not a model.
 */
export class ModelParts {
  private id: number | undefined;
  private got: Uint8Array[] = [];
  /** The id of the last model put together whole (whether or not it decoded). */
  lastWhole: number | undefined;

  accept(msg: unknown): ToWebview | undefined {
    const m = msg as { type?: unknown; json?: unknown; filter?: unknown; id?: unknown; part?: unknown; parts?: unknown } | null;
    if (!m || typeof m !== 'object' || m.type !== 'modelJson') return undefined;
    if (m.parts === undefined) return decodeModelWire(m);
    const { id, part, parts } = m;
    const bytes = bytesOf(m.json);
    if (!Number.isInteger(id) || !Number.isInteger(part) || !Number.isInteger(parts) || !bytes || !m.filter || typeof m.filter !== 'object') return undefined;
    const [i, n] = [part as number, parts as number];
    if (n < 1 || i < 0 || i >= n) return undefined;
    // A first part starts a model; a part of any other model than the one being put together is dropped.
    if (i === 0) {
      this.id = id as number;
      this.got = [];
    }
    if (id !== this.id || i !== this.got.length) return undefined;
    this.got.push(bytes);
    if (this.got.length < n) return undefined;
    const whole = new Uint8Array(this.got.reduce((k, b) => k + b.byteLength, 0));
    let at = 0;
    for (const b of this.got) {
      whole.set(b, at);
      at += b.byteLength;
    }
    this.id = undefined;
    this.got = [];
    this.lastWhole = id as number;
    return decodeModelWire({ type: 'modelJson', json: whole, filter: m.filter });
  }
}
