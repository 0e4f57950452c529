import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewModel } from '../../src/core/view/buildView';
import { readPlainText } from '../../src/core/sources/plainText';
import type { ViewModel } from '../../src/core/view/viewModel';
import { DEFAULT_FILTER, type ViewFilter } from '../../src/shared/protocol';
import { layoutColumns, originalOf, sourceLetters } from '../../src/webview/columns';
import { cellLabels } from '../../src/webview/cellLabels';
import { countModel, findingShown, visibleRows } from '../../src/webview/filter';
import { cellMentions, indexModel } from '../../src/webview/modelIndex';
import { differenceStops, stepStop } from '../../src/webview/navigation';
import { SEEDS_DIR } from '../helpers';

let cached: ViewModel | undefined;
const model = (): ViewModel =>
  (cached ??= buildViewModel(readdirSync(SEEDS_DIR).map((f) => ({ id: f, path: join(SEEDS_DIR, f), read: readPlainText(readFileSync(join(SEEDS_DIR, f), 'utf8')) }))));
const filter = (patch: { onlyDifferences?: boolean; kinds?: Partial<ViewFilter['kinds']> } = {}): ViewFilter => ({
  onlyDifferences: patch.onlyDifferences ?? false,
  kinds: { ...DEFAULT_FILTER.kinds, ...(patch.kinds ?? {}) },
});

test('the copy is folded into its original’s column, and shown beside it on request', () => {
  const m = model();
  const copy = m.sources.findIndex((s) => s.copyOf);
  const original = m.sources.findIndex((s) => s.id === m.sources[copy].copyOf);
  const folded = layoutColumns(m, false);
  assert.equal(folded.length, m.sources.length - 1);
  assert.deepEqual(folded.find((c) => c.source === original)!.copies, [copy]);
  assert.ok(!folded.some((c) => c.source === copy));
  const shown = layoutColumns(m, true);
  const at = shown.findIndex((c) => c.source === original);
  assert.deepEqual(shown[at + 1], { source: copy, copies: [], copyOf: original });
});

test('a copy chain or cycle resolves without looping', () => {
  const m = structuredClone(model());
  m.sources[0].copyOf = m.sources[1].id;
  m.sources[1].copyOf = m.sources[0].id;
  assert.ok([0, 1].includes(originalOf(m, 0)));
  assert.ok(layoutColumns(m, false).length >= 1);
  m.sources[3].copyOf = 'no-such-source.txt';
  assert.equal(originalOf(m, 3), 3);
});

test('letters: A…Z then AA', () => {
  const l = sourceLetters(28);
  assert.equal(l[0], 'A');
  assert.equal(l[25], 'Z');
  assert.equal(l[26], 'AA');
  assert.equal(l[27], 'AB');
});

test('every finding mention is placed in the cell that holds it', () => {
  const m = model();
  const idx = indexModel(m);
  let placed = 0;
  for (const ref of idx.mentions.values()) {
    assert.ok(ref.row >= 0, `${ref.key} has a row`);
    const cell = m.rows[ref.row].cells[ref.source]!;
    assert.ok(cell.start <= ref.start && ref.end <= cell.end, `${ref.key} inside its cell`);
    assert.equal(m.sources[ref.source].text.slice(ref.start, ref.end), ref.text);
    assert.ok(cellMentions(idx, ref.row, ref.source).includes(ref));
    placed++;
  }
  assert.equal(placed, m.findings.reduce((n, f) => n + f.mentions.length, 0));
});

test('the filter hides kinds, and agreements under "only differences"', () => {
  const m = model();
  const agree = m.findings.find((f) => f.verdict === 'agree')!;
  const differ = m.findings.find((f) => f.verdict === 'differ')!;
  assert.ok(findingShown(agree, filter()));
  assert.ok(!findingShown(agree, filter({ onlyDifferences: true })));
  assert.ok(findingShown(differ, filter({ onlyDifferences: true })));
  assert.ok(!findingShown(differ, filter({ kinds: { [differ.kind]: false } })));
});

test('"only differences" keeps exactly the rows where a shown column holds a differing mention', () => {
  const m = model();
  const idx = indexModel(m);
  const cols = layoutColumns(m, false);
  const all = visibleRows(m, idx, filter(), cols);
  const only = visibleRows(m, idx, filter({ onlyDifferences: true }), cols);
  assert.ok(only.length > 0 && only.length < all.length);
  for (const row of all) {
    const hasDiff = cols.some((c) => cellMentions(idx, row, c.source).some((x) => x.finding.verdict === 'differ'));
    assert.equal(only.includes(row), hasDiff, `row ${m.rows[row].id}`);
  }
  // Turning every kind off under "only differences" leaves nothing to show.
  assert.deepEqual(visibleRows(m, idx, filter({ onlyDifferences: true, kinds: { figure: false, name: false, quote: false } }), cols), []);
});

test('rows held only by a folded copy disappear with it and come back with "Show copies"', () => {
  const m = model();
  const idx = indexModel(m);
  const copy = m.sources.findIndex((s) => s.copyOf);
  const copyOnly = m.rows.map((r, i) => [r, i] as const).filter(([r]) => r.cells[copy] && r.cells.every((c, s) => s === copy || !c)).map(([, i]) => i);
  const folded = visibleRows(m, idx, filter(), layoutColumns(m, false));
  const shown = visibleRows(m, idx, filter(), layoutColumns(m, true));
  for (const row of copyOnly) {
    assert.ok(!folded.includes(row));
    assert.ok(shown.includes(row));
  }
  assert.equal(shown.length, m.rows.length);
});

test('difference stops follow reading order: row, then column, then position', () => {
  const m = model();
  const idx = indexModel(m);
  const cols = layoutColumns(m, false);
  const rows = visibleRows(m, idx, filter(), cols);
  const stops = differenceStops(idx, rows, cols, filter());
  assert.ok(stops.length > 0);
  assert.ok(stops.every((s) => s.finding.verdict === 'differ'));
  const colPos = new Map(cols.map((c, i) => [c.source, i]));
  const key = (s: (typeof stops)[number]) => [rows.indexOf(s.row), colPos.get(s.source)!, s.start];
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [key(stops[i - 1]), key(stops[i])];
    assert.ok(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2]))), `stop ${i} after stop ${i - 1}`);
  }
  // Mentions in the folded copy are not stops; shown, they are.
  const copy = m.sources.findIndex((s) => s.copyOf);
  assert.ok(!stops.some((s) => s.source === copy));
  const withCopies = differenceStops(idx, visibleRows(m, idx, filter(), layoutColumns(m, true)), layoutColumns(m, true), filter());
  assert.ok(withCopies.some((s) => s.source === copy));
  // Kinds turned off are skipped.
  const noNames = differenceStops(idx, rows, cols, filter({ kinds: { name: false } }));
  assert.ok(noNames.length < stops.length && noNames.every((s) => s.finding.kind !== 'name'));
});

test('next / previous step through the stops and wrap around', () => {
  const m = model();
  const idx = indexModel(m);
  const cols = layoutColumns(m, false);
  const rows = visibleRows(m, idx, filter(), cols);
  const stops = differenceStops(idx, rows, cols, filter());
  assert.equal(stepStop(stops, null, 'next', rows), stops[0]);
  assert.equal(stepStop(stops, stops[0].key, 'next', rows), stops[1]);
  assert.equal(stepStop(stops, stops[1].key, 'previous', rows), stops[0]);
  assert.equal(stepStop(stops, stops[0].key, 'previous', rows), stops[stops.length - 1]);
  assert.equal(stepStop(stops, stops[stops.length - 1].key, 'next', rows), stops[0]);
  assert.equal(stepStop([], null, 'next', rows), null);
});

test('without a current stop, next starts from the first row on screen', () => {
  const m = model();
  const idx = indexModel(m);
  const cols = layoutColumns(m, false);
  const rows = visibleRows(m, idx, filter(), cols);
  const stops = differenceStops(idx, rows, cols, filter());
  const mid = stops[Math.floor(stops.length / 2)];
  const from = rows.indexOf(mid.row);
  const next = stepStop(stops, null, 'next', rows, from)!;
  assert.ok(rows.indexOf(next.row) >= from);
  assert.equal(next, stops.find((s) => rows.indexOf(s.row) >= from));
  const prev = stepStop(stops, null, 'previous', rows, from)!;
  assert.ok(rows.indexOf(prev.row) < from);
  // A current stop that the filter now hides is treated as none.
  assert.equal(stepStop(stops, 'gone#0', 'next', rows, 0), stops[0]);
});

test('cell labels: furniture, word diff only in shared rows, mentions of shown findings', () => {
  const m = model();
  const idx = indexModel(m);
  const bpRow = m.rows.findIndex((r) => r.cells.some((c) => c?.boilerplate));
  const bpSource = m.rows[bpRow].cells.findIndex((c) => c?.boilerplate);
  const bpCell = m.rows[bpRow].cells[bpSource]!;
  const bpLabels = cellLabels(m.sources[bpSource], bpCell, false, [], filter());
  assert.deepEqual(bpLabels.map((l) => [l.start, l.end, l.label.type]), [[bpCell.start, bpCell.end, 'boilerplate']]);

  const diffRow = m.rows.findIndex((r) => r.passage && r.cells.some((c) => c && c.diff.length));
  const s = m.rows[diffRow].cells.findIndex((c) => c && c.diff.length);
  const cell = m.rows[diffRow].cells[s]!;
  const shared = cellLabels(m.sources[s], cell, true, cellMentions(idx, diffRow, s), filter());
  assert.equal(shared.filter((l) => l.label.type === 'diff').length, cell.diff.length);
  assert.equal(cellLabels(m.sources[s], cell, false, [], filter()).filter((l) => l.label.type === 'diff').length, 0);

  const ref = [...idx.mentions.values()].find((r) => r.finding.verdict === 'agree')!;
  const c2 = m.rows[ref.row].cells[ref.source]!;
  const on = cellLabels(m.sources[ref.source], c2, true, cellMentions(idx, ref.row, ref.source), filter());
  const off = cellLabels(m.sources[ref.source], c2, true, cellMentions(idx, ref.row, ref.source), filter({ onlyDifferences: true }));
  const has = (ls: typeof on) => ls.some((l) => l.label.type === 'mention' && l.label.ref === ref);
  assert.ok(has(on) && !has(off));
});

test('counts: sources, independent sources, differences and agreements', () => {
  const m = model();
  const c = countModel(m);
  assert.equal(c.sources, 5);
  assert.equal(c.independent, 4);
  assert.equal(c.differences + c.agreements, m.findings.length);
  assert.equal(c.byKind.figure + c.byKind.name + c.byKind.quote, m.findings.length);
});

test('a header names up to three copies and counts the rest, so a much-reprinted story keeps the rows in view', async () => {
  const { copyBadges } = await import('../../src/webview/headers');
  const col = (copies: number[]) => ({ source: 0, copies, copyOf: null });
  assert.deepEqual(copyBadges(col([])), { named: [], more: [] });
  assert.deepEqual(copyBadges(col([4, 7, 9])), { named: [4, 7, 9], more: [] }, 'three are named');
  const many = Array.from({ length: 28 }, (_, i) => i + 1);
  assert.deepEqual(copyBadges(col(many)), { named: [1, 2], more: many.slice(2) }, 'two named, then "+26 more copies"');
});
