import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewModel } from '../../src/core/view/buildView';
import { readPlainText } from '../../src/core/sources/plainText';
import { wordDiffs } from '../../src/core/view/wordDiff';
import { SEEDS_DIR } from '../helpers';

const model = () =>
  buildViewModel(readdirSync(SEEDS_DIR).map((f) => ({ id: f, path: join(SEEDS_DIR, f), read: readPlainText(readFileSync(join(SEEDS_DIR, f), 'utf8')) })));

test('every sentence of every source appears exactly once, in each source’s own order where it is not pulled into a passage', () => {
  const m = model();
  m.sources.forEach((src, i) => {
    const cells = m.rows.map((r) => r.cells[i]).filter((c): c is NonNullable<typeof c> => !!c);
    for (let a = 0; a < cells.length; a++) for (let b = a + 1; b < cells.length; b++) assert.ok(cells[a].end <= cells[b].start || cells[b].end <= cells[a].start, `${src.id}: overlapping cells`);
    const covered = cells.reduce((n, c) => n + src.text.slice(c.start, c.end).replace(/\s/g, '').length, 0);
    assert.equal(covered, src.text.replace(/\s/g, '').length, `${src.id}: all text shown`);
  });
});

test('a passage row holds every member of the passage, and the copy is marked as a copy', () => {
  const m = model();
  const kuleba = m.rows.find((r) => r.passage && r.cells.some((c, i) => c && m.sources[i].text.slice(c.start, c.end).includes('took to social media')));
  assert.ok(kuleba);
  assert.equal(kuleba!.cells.filter(Boolean).length, 3);
  assert.equal(m.sources.find((s) => s.id.startsWith('002'))!.copyOf, '000_402ccf39631b1114.txt');
});

test('the word diff marks what differs and nothing that is the same', () => {
  const a = 'Russia vetoed the renewal of the panel on Thursday.';
  const b = 'Russia blocked the renewal of the expert panel on Thursday.';
  const [da, db] = wordDiffs([{ text: a, start: 0, end: a.length, copy: false }, { text: b, start: 0, end: b.length, copy: false }]);
  assert.deepEqual(da.map((r) => a.slice(r.start, r.end)), ['vetoed']);
  assert.deepEqual(db.map((r) => b.slice(r.start, r.end)), ['blocked', 'expert']);
  const c = '“A guilty plea,” he said.';
  const d = '"a guilty plea" he said';
  const [dc, dd] = wordDiffs([{ text: c, start: 0, end: c.length, copy: false }, { text: d, start: 0, end: d.length, copy: false }]);
  assert.deepEqual([dc, dd], [[], []], 'case and quote marks are not differences');
});
