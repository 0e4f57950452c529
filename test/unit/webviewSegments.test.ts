import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nest, segment, type Tree } from '../../src/webview/segments';

const text = (segs: Array<{ start: number; end: number; labels: string[] }>) => segs.map((s) => `${s.start}-${s.end}:${s.labels.join('+')}`);

test('segments cover the whole range, unlabelled gaps included, cut at every boundary', () => {
  const segs = segment(0, 20, [
    { start: 2, end: 8, label: 'a' },
    { start: 5, end: 12, label: 'b' },
  ]);
  assert.deepEqual(text(segs), ['0-2:', '2-5:a', '5-8:a+b', '8-12:b', '12-20:']);
});

test('ranges are clipped to the cell and empty ones dropped', () => {
  const segs = segment(10, 20, [
    { start: 0, end: 12, label: 'left' },
    { start: 18, end: 40, label: 'right' },
    { start: 15, end: 15, label: 'empty' },
    { start: 30, end: 35, label: 'outside' },
  ]);
  assert.deepEqual(text(segs), ['10-12:left', '12-18:', '18-20:right']);
});

test('labels come outermost first: earlier start, then longer, then input order', () => {
  const segs = segment(0, 10, [
    { start: 3, end: 5, label: 'inner' },
    { start: 0, end: 10, label: 'outer' },
    { start: 3, end: 5, label: 'twin' },
  ]);
  assert.deepEqual(text(segs), ['0-3:outer', '3-5:outer+inner+twin', '5-10:outer']);
});

test('no ranges: one segment; an empty cell: no segments', () => {
  assert.deepEqual(text(segment(4, 9, [])), ['4-9:']);
  assert.deepEqual(segment(4, 4, []), []);
});

/** A compact picture of a tree: wrappers as [label ...], text as start-end{classes}. */
function show(nodes: Tree<string>[]): string {
  return nodes
    .map((n) => (n.kind === 'text' ? `${n.start}-${n.end}${n.classes.length ? `{${n.classes.join(',')}}` : ''}` : `[${n.label}${n.continued ? '…' : ''} ${show(n.children)}]`))
    .join(' ');
}
const isMention = (l: string) => l.startsWith('m');

test('a changed word inside a mention nests inside the mention element', () => {
  // "Vasily Nebenzya": mention over the name, diff over the surname.
  const segs = segment(0, 30, [
    { start: 10, end: 25, label: 'm1' },
    { start: 17, end: 25, label: 'diff' },
  ]);
  assert.equal(show(nest(segs, isMention)), '0-10 [m1 10-17 17-25{diff}] 25-30');
});

test('a diff run that starts before a mention and ends inside it becomes classes on both sides', () => {
  const segs = segment(0, 20, [
    { start: 2, end: 9, label: 'diff' },
    { start: 6, end: 14, label: 'm1' },
  ]);
  assert.equal(show(nest(segs, isMention)), '0-2 2-6{diff} [m1 6-9{diff} 9-14] 14-20');
});

test('a mention inside a mention (a name inside a quote) nests', () => {
  const segs = segment(0, 40, [
    { start: 5, end: 35, label: 'mQuote' },
    { start: 12, end: 20, label: 'mName' },
  ]);
  assert.equal(show(nest(segs, isMention)), '0-5 [mQuote 5-12 [mName 12-20] 20-35] 35-40');
});

test('partially overlapping mentions stay well-formed: the second is reopened as a continued piece', () => {
  const segs = segment(0, 20, [
    { start: 2, end: 10, label: 'mA' },
    { start: 6, end: 15, label: 'mB' },
  ]);
  const tree = nest(segs, isMention);
  assert.equal(show(tree), '0-2 [mA 2-6 [mB 6-10]] [mB… 10-15] 15-20');
  // Every character is drawn exactly once.
  const leaves: Array<[number, number]> = [];
  const walk = (ns: Tree<string>[]) => ns.forEach((n) => (n.kind === 'text' ? leaves.push([n.start, n.end]) : walk(n.children)));
  walk(tree);
  assert.deepEqual(leaves, [[0, 2], [2, 6], [6, 10], [10, 15], [15, 20]]);
});

test('the same mention object over adjacent segments stays one element', () => {
  const m = 'm1';
  const segs = segment(0, 10, [
    { start: 0, end: 10, label: m },
    { start: 3, end: 4, label: 'diff' },
    { start: 6, end: 8, label: 'bp' },
  ]);
  assert.equal(show(nest(segs, isMention)), '[m1 0-3 3-4{diff} 4-6 6-8{bp} 8-10]');
});
