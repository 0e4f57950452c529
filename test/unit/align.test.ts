import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSegments } from '../../src/core/align/segments';
import { alignPassages } from '../../src/core/align/passages';
import { findDuplicates } from '../../src/core/align/duplicates';
import { docFromText, seedDoc } from '../helpers';
import type { Doc } from '../../src/core/types';

const seeds = () => ['000', '001', '002', '003', '004'].map(seedDoc);

function passageTexts(docs: Doc[]) {
  const segs = buildSegments(docs);
  const { passages } = alignPassages(segs);
  return passages.map((p) =>
    [...p.members.entries()].map(([d, ss]) => ({ doc: docs[d].id, text: ss.map((i) => docs[d].norm.slice(docs[d].sentences[i].start, docs[d].sentences[i].end)).join(' ') })),
  );
}

function linked(passages: ReturnType<typeof passageTexts>, a: [string, string], b: [string, string]): boolean {
  return passages.some((p) => p.some((m) => m.doc.startsWith(a[0]) && m.text.includes(a[1])) && p.some((m) => m.doc.startsWith(b[0]) && m.text.includes(b[1])));
}

test('the same report in reworded sentences is aligned across outlets', () => {
  const ps = passageTexts(seeds());
  assert.ok(linked(ps, ['000', 'Kuleba called Russia'], ['001', 'took to social media']));
  assert.ok(linked(ps, ['001', 'irresponsible decision'], ['003', 'decision “irresponsible']));
  assert.ok(linked(ps, ['001', 'China abstained'], ['003', '13 in favor']));
  assert.ok(linked(ps, ['001', 'Since 2019, Russia and China'], ['004', 'since 2019']));
});

test('no passage holds two distant sentences of one source', () => {
  const docs = seeds();
  const { passages } = alignPassages(buildSegments(docs));
  for (const p of passages) for (const ss of p.members.values()) assert.ok(ss[ss.length - 1] - ss[0] <= 3);
});

test('reordered and reworded paragraphs align; unrelated ones do not', () => {
  const a = docFromText([
    'The central bank raised its main interest rate to 4.5 percent on Wednesday, the highest level in 15 years.',
    'Governor Maria Lopez said inflation remained stubbornly high.',
    'Shares in the country’s largest lenders rose after the announcement.',
  ].join('\n'), 'a.txt');
  const b = docFromText([
    'Bank stocks climbed following the decision.',
    'The bank lifted its key rate to 4.5% on Wednesday, its highest in fifteen years.',
    'A local football club won the regional cup final on penalties.',
  ].join('\n'), 'b.txt');
  const ps = passageTexts([a, b]);
  assert.ok(linked(ps, ['a', 'raised its main interest rate'], ['b', 'lifted its key rate']));
  assert.ok(!linked(ps, ['a', 'Governor'], ['b', 'football']));
  assert.ok(!ps.some((p) => p.some((m) => m.text.includes('football'))));
});

test('a copy of an article is found as a duplicate of the fuller original', () => {
  const docs = seeds();
  const segs = buildSegments(docs);
  const { links } = alignPassages(segs);
  const dups = findDuplicates(docs, segs, links);
  assert.equal(dups.length, 1);
  assert.equal(docs[dups[0].copy].id.slice(0, 3), '002');
  assert.equal(docs[dups[0].original].id.slice(0, 3), '000');
  assert.ok(dups[0].coverage > 0.95);
});

test('a trimmed copy with a changed figure is still a copy; overlapping reports are not', () => {
  const body = [
    'Floods swept through the northern province on Monday, forcing thousands of residents from their homes.',
    'Officials said at least 40 people had died and dozens were missing.',
    'Rescue teams used boats to reach villages cut off by the water.',
    'The government declared a state of emergency in three districts.',
    'Forecasters warned that more rain was expected later in the week.',
  ];
  const original = docFromText(body.join('\n'), 'original.txt');
  const copy = docFromText([body[0], body[1].replace('40', '41'), body[2], body[3]].join('\n'), 'copy.txt');
  const other = docFromText([body[0], 'Aid agencies appealed for blankets and clean water.', 'Schools in the region will stay closed until Friday.', 'The army has been deployed to help with evacuations.'].join('\n'), 'other.txt');
  const docs = [original, copy, other];
  const segs = buildSegments(docs);
  const { links } = alignPassages(segs);
  const dups = findDuplicates(docs, segs, links);
  assert.deepEqual(dups.map((d) => [docs[d.copy].id, docs[d.original].id]), [['copy.txt', 'original.txt']]);
});

test('alignment does not depend on the order of the sources', () => {
  const docs = seeds();
  const key = (ds: Doc[]) => passageTexts(ds).map((p) => p.map((m) => `${m.doc}:${m.text}`).sort().join('|')).sort();
  assert.deepEqual(key(docs), key([...docs].reverse()));
});
