import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewModel } from '../../src/core/view/buildView';
import { readPlainText } from '../../src/core/sources/plainText';
import type { ViewModel } from '../../src/core/view/viewModel';
import { decodeModel, decodeModelWire, encodeModel, ModelParts, splitParts } from '../../src/shared/modelWire';
import { withoutRows, withRowsFrom } from '../../src/extension/store/hostModel';
import { DEFAULT_FILTER } from '../../src/shared/protocol';
import { columnsByRow, layoutColumns, originalOf, type Column } from '../../src/webview/columns';
import { visibleRows } from '../../src/webview/filter';
import { cellMentions, indexModel } from '../../src/webview/modelIndex';
import { differenceStops } from '../../src/webview/navigation';
import { manySourcesModel } from '../webview/models';
import { SEEDS_DIR } from '../helpers';

/** The panel's model on the wire (sparse rows, cells as numbers) and the webview's per-row columns. */

let cached: ViewModel | undefined;
const seeds = (): ViewModel =>
  (cached ??= buildViewModel(readdirSync(SEEDS_DIR).map((f) => ({ id: f, path: join(SEEDS_DIR, f), read: readPlainText(readFileSync(join(SEEDS_DIR, f), 'utf8')) }))));

/** A model as JSON would give it back (what the wire promised before: the model, through JSON). */
const viaJson = (m: ViewModel): ViewModel => JSON.parse(JSON.stringify(m)) as ViewModel;

/** Many sources, every cell flag and diff shape, most slots empty: the case the sparse form is for. */
function wideModel(): ViewModel {
  const m = manySourcesModel(seeds(), 40);
  const n = m.sources.length;
  m.rows.forEach((r, i) => {
    // The seeds' own five sources keep their cells; of the clones, one per row.
    r.cells = r.cells.map((c, s) => (s < 5 || s === 5 + (i % (n - 5)) ? c : null));
    const c = r.cells.find((x) => x);
    if (c && i % 3 === 0) c.boilerplate = true;
    if (c && i % 5 === 0) c.caption = true;
    if (c && i % 2 === 0) c.diff = [{ start: c.start, end: c.start + 1 }, { start: c.end - 1, end: c.end }];
  });
  // A row whose last source has the only cell, and one with no cell at all.
  const last = m.rows[0].cells.find((x) => x)!;
  m.rows.push({ id: 'row-last', passage: null, similarity: 0, independentSources: 1, cells: Array.from({ length: n }, (_, i) => (i === n - 1 ? { ...last, diff: [] } : null)) });
  m.rows.push({ id: 'row-none', passage: null, similarity: 0, independentSources: 0, cells: Array.from({ length: n }, () => null) });
  return m;
}

test('the wire gives back the model exactly, dense rows of objects included', () => {
  for (const m of [seeds(), wideModel()]) {
    const back = decodeModel(encodeModel(m));
    assert.deepEqual(back, viaJson(m));
    assert.ok(back.rows.every((r) => r.cells.length === m.sources.length), 'a slot per source');
  }
});

test('empty slots are not written: the bytes grow with the cells, not with rows × sources', () => {
  const m = wideModel();
  const dense = new TextEncoder().encode(JSON.stringify(m)).byteLength;
  const wire = encodeModel(m).byteLength;
  const slots = m.rows.length * m.sources.length;
  const cells = m.rows.reduce((k, r) => k + r.cells.filter((c) => c).length, 0);
  assert.ok(slots > 5 * cells, `the test model is sparse (${cells} cells in ${slots} slots)`);
  // Without any row, both forms are the same size; what the rows add is compared.
  const base = new TextEncoder().encode(JSON.stringify({ ...m, rows: [] })).byteLength;
  assert.ok(wire - base < (dense - base) / 3, `rows: ${wire - base} bytes on the wire, ${dense - base} dense`);
});

test('the host reads rows from the wire bytes only when asked, and gets the same rows', () => {
  const m = wideModel();
  const json = encodeModel(m);
  const host = withRowsFrom(withoutRows(m), json);
  assert.deepEqual(host.rows, viaJson(m).rows);
  // Nothing is decoded until rows are read: bytes that are no model fail only then.
  const lazy = withRowsFrom(withoutRows(m), new TextEncoder().encode('not json'));
  assert.equal(lazy.findings, m.findings);
  assert.throws(() => lazy.rows);
});

test('the webview takes a modelJson message (typed array or ArrayBuffer), and refuses what is not a model', () => {
  const m = seeds();
  const json = encodeModel(m);
  const filter = DEFAULT_FILTER;
  const msg = decodeModelWire({ type: 'modelJson', json, filter });
  assert.equal(msg?.type, 'model');
  assert.deepEqual(msg?.type === 'model' && msg.model, viaJson(m));
  const copy = json.slice().buffer;
  assert.deepEqual(decodeModelWire({ type: 'modelJson', json: copy, filter }), msg);
  // A view into a larger buffer: only its own bytes are read.
  const padded = new Uint8Array(json.byteLength + 8);
  padded.set(json, 4);
  assert.deepEqual(decodeModelWire({ type: 'modelJson', json: padded.subarray(4, 4 + json.byteLength), filter }), msg);
  const enc = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
  const wire = JSON.parse(new TextDecoder().decode(json)) as { rows: Array<{ at: number[]; cells: unknown[] }> };
  const bad = (patch: (w: typeof wire) => void) => {
    const w = structuredClone(wire);
    patch(w);
    return decodeModelWire({ type: 'modelJson', json: enc(w), filter });
  };
  assert.equal(bad((w) => (w.rows[0].at = [m.sources.length])), undefined, 'a source index out of range');
  assert.equal(bad((w) => (w.rows[0].at = [-1])), undefined);
  assert.equal(bad((w) => w.rows[0].cells.pop()), undefined, 'fewer cells than sources named');
  assert.equal(bad((w) => (w.rows[0].cells[0] = { start: 0 })), undefined, 'a cell that is not numbers');
  assert.equal(decodeModelWire({ type: 'modelJson', json: enc({ ...m }), filter }), undefined, 'dense rows are not the wire form');
  assert.equal(decodeModelWire({ type: 'modelJson', json: new TextEncoder().encode('{'), filter }), undefined);
  assert.equal(decodeModelWire({ type: 'modelJson', json: 'text', filter }), undefined);
  assert.equal(decodeModelWire({ type: 'model', model: m, filter }), undefined);
});

test('a model in parts: put together in order, each part its own buffer; parts of a replaced model are dropped', () => {
  const m = wideModel();
  const json = encodeModel(m);
  const size = Math.ceil(json.byteLength / 5);
  const parts = splitParts(json, size);
  assert.equal(parts.length, 5);
  assert.deepEqual(Buffer.concat(parts), Buffer.from(json));
  assert.ok(parts.every((p) => p.byteOffset === 0 && p.buffer.byteLength === p.byteLength), 'VS Code sends a view’s whole buffer: each part has its own');
  assert.deepEqual(splitParts(json, json.byteLength), [json], 'small enough: one message, as before');
  const filter = DEFAULT_FILTER;
  const msg = (id: number, part: number, n = parts.length) => ({ type: 'modelJson', json: parts[part], filter, id, part, parts: n });
  const expected = { type: 'model', model: viaJson(m), filter };

  const a = new ModelParts();
  for (let i = 0; i < 4; i++) assert.equal(a.accept(msg(1, i)), undefined, `part ${i} is not the last`);
  assert.equal(a.lastWhole, undefined, 'no model whole yet');
  assert.deepEqual(a.accept(msg(1, 4)), expected);
  assert.equal(a.lastWhole, 1, 'the host’s `modelSent 1` finds it here');
  // One part of one: the host sends every JSON model with an id, small ones too.
  const one = new ModelParts();
  assert.deepEqual(one.accept({ type: 'modelJson', json, filter, id: 7, part: 0, parts: 1 }), expected);
  assert.equal(one.lastWhole, 7);
  // A newer model starts while one is coming: the older one's remaining parts are dropped.
  const b = new ModelParts();
  b.accept(msg(1, 0));
  b.accept(msg(1, 1));
  b.accept(msg(2, 0));
  b.accept(msg(1, 2));
  for (let i = 1; i < 4; i++) assert.equal(b.accept(msg(2, i)), undefined);
  assert.equal(b.accept(msg(1, 4)), undefined, 'the last part of the replaced model completes nothing');
  assert.deepEqual(b.accept(msg(2, 4)), expected);
  // A gap (a part lost, as when the webview was torn down) completes nothing; nor do parts without a first one.
  const c = new ModelParts();
  c.accept(msg(3, 0));
  c.accept(msg(3, 2));
  for (let i = 3; i < 5; i++) assert.equal(c.accept(msg(3, i)), undefined);
  assert.equal(c.lastWhole, undefined, 'a model with a part missing is not whole: the page asks for it again');
  assert.equal(new ModelParts().accept(msg(4, 4)), undefined);
  // A whole model in one message, and things that are not parts.
  assert.deepEqual(new ModelParts().accept({ type: 'modelJson', json, filter }), expected);
  assert.equal(new ModelParts().accept({ type: 'modelJson', json: parts[0], filter, id: 1, part: 0, parts: 0 }), undefined);
  assert.equal(new ModelParts().accept({ type: 'modelJson', json: parts[0], filter, id: 'x', part: 0, parts: 5 }), undefined);
  assert.equal(new ModelParts().accept({ type: 'model', model: m, filter }), undefined);
  assert.equal(decodeModelWire(msg(1, 0)), undefined, 'a part is not a whole model');
});

/** The columns of a row as the panel found them before: every column visited. */
const naiveByRow = (m: ViewModel, columns: Column[]) => m.rows.map((r) => columns.filter((c) => r.cells[c.source]));

test('each row’s columns are those holding a cell of it, in column order, copies folded or shown', () => {
  for (const m of [seeds(), wideModel()]) {
    const idx = indexModel(m);
    for (const showCopies of [false, true]) {
      const columns = layoutColumns(m, showCopies);
      assert.deepEqual(columnsByRow(idx, columns), naiveByRow(m, columns));
      // Columns in another order than the sources' (as shown copies make them) keep the column order.
      const reversed = [...columns].reverse();
      assert.deepEqual(columnsByRow(idx, reversed), naiveByRow(m, reversed));
    }
  }
});

test('rows and difference stops come out as when every column of every row was visited', () => {
  const m = wideModel();
  const idx = indexModel(m);
  for (const showCopies of [false, true]) {
    const columns = layoutColumns(m, showCopies);
    for (const onlyDifferences of [false, true]) {
      const filter = { ...DEFAULT_FILTER, onlyDifferences };
      const naive = naiveByRow(m, columns);
      const rows = m.rows.flatMap((_, row) => {
        const shown = naive[row];
        if (!shown.length) return [];
        const differs = shown.some((c) => cellMentions(idx, row, c.source).some((x) => x.finding.verdict === 'differ'));
        return onlyDifferences && !differs ? [] : [row];
      });
      assert.deepEqual(visibleRows(m, idx, filter, columns), rows);
      const stops = rows.flatMap((row) => columns.flatMap((c) => cellMentions(idx, row, c.source).filter((x) => x.finding.verdict === 'differ')));
      assert.deepEqual(differenceStops(idx, rows, columns, filter).map((s) => s.key), stops.map((s) => s.key));
    }
  }
});

test('columns: every source is its own column or folded into its original’s, as `originalOf` says', () => {
  const m = structuredClone(wideModel());
  // Chains and a cycle, as a hand-edited or odd result could have.
  m.sources[2].copyOf = m.sources[5].id;
  m.sources[5].copyOf = m.sources[7].id;
  m.sources[9].copyOf = m.sources[10].id;
  m.sources[10].copyOf = m.sources[9].id;
  const columns = layoutColumns(m, false);
  const roots = m.sources.map((_, i) => originalOf(m, i));
  assert.deepEqual(columns.map((c) => c.source), roots.flatMap((r, i) => (r === i ? [i] : [])));
  for (const c of columns) assert.deepEqual(c.copies, roots.flatMap((r, j) => (r === c.source && j !== c.source ? [j] : [])));
  assert.deepEqual(columns.find((c) => c.source === 7)?.copies, [2, 5]);
});
