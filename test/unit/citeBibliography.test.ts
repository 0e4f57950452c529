import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bibliographyEdit, parseBibliography } from '../../src/core/cite/bibliographyEdit';
import { cslDate, cslItem, cslNames, findCslItem, formatReference, validateCslItem } from '../../src/core/cite/cslJson';
import { citationKey } from '../../src/core/cite/citationKey';
import { applyEdits } from '../../src/core/cite/textEdit';
import { rankPassages } from '../../src/core/draft/rankPassages';
import { seeds } from './draftHelpers';

const SOURCE = { id: 'daily.md', title: 'Night of digging in Maros', outlet: 'The Maros Daily', url: 'https://marosdaily.example/n', date: '9 April 2031' };

test('citation keys: outlet and year, else site or title words, made unique', () => {
  assert.equal(citationKey(SOURCE, new Set()), 'maros-daily-2031');
  assert.equal(citationKey({ id: 'x', url: 'https://www.clarion.example/a', date: '2031-04-08' }, new Set()), 'clarion-example-2031');
  assert.equal(citationKey({ id: 'x', title: 'The Terror in Valdera tonight' }, new Set()), 'terror-valdera-tonight');
  assert.equal(citationKey({ id: '003_8abdaca7980a2ebd.txt' }, new Set()), '003-8abdaca7980a2ebd');
  assert.equal(citationKey(SOURCE, new Set(['maros-daily-2031', 'maros-daily-2031-2'])), 'maros-daily-2031-3');
});

test('CSL dates and names', () => {
  assert.deepEqual(cslDate('2031-04-08T10:00:00Z'), { 'date-parts': [[2031, 4, 8]] });
  assert.deepEqual(cslDate('2031-04'), { 'date-parts': [[2031, 4]] });
  assert.deepEqual(cslDate('9 April 2031'), { 'date-parts': [[2031, 4, 9]] });
  assert.deepEqual(cslDate('last spring'), { raw: 'last spring' });
  assert.deepEqual(cslNames('By Jane Doe and John Roe'), [{ given: 'Jane', family: 'Doe' }, { given: 'John', family: 'Roe' }]);
  assert.deepEqual(cslNames('Reuters'), [{ literal: 'Reuters' }]);
});

test('CSL validation catches what citeproc would reject', () => {
  assert.deepEqual(validateCslItem(cslItem('maros-daily-2031', SOURCE)), []);
  assert.ok(validateCslItem({ id: 'has space', type: 'article' }).length > 0);
  assert.ok(validateCslItem({ id: 'x', type: 'newspaper' }).length > 0);
  assert.ok(validateCslItem({ id: 'x', type: 'article', issued: { 'date-parts': [[2031, 13]] } }).length > 0);
  assert.ok(validateCslItem({ id: 'x', type: 'article', URL: 'marosdaily.example' }).length > 0);
  assert.ok(validateCslItem({ id: 'x', type: 'article', author: [{ given: 'Only' }] }).length > 0);
  assert.ok(validateCslItem([]).length > 0);
});

test('a bibliography entry is found by address or title', () => {
  const bib = [{ id: 'a', type: 'article', URL: 'http://www.marosdaily.example/n/' }, { id: 'b', type: 'article', title: 'Other' }];
  assert.equal(findCslItem(bib, SOURCE)?.id, 'a');
  assert.equal(findCslItem(bib, { id: 'z', title: 'other' })?.id, 'b');
  assert.equal(findCslItem(bib, { id: 'z', title: 'nothing' }), null);
  assert.equal(formatReference(SOURCE), 'The Maros Daily, “Night of digging in Maros”, 9 April 2031');
});

test('adding to a bibliography file changes nothing else in it', () => {
  const item = cslItem('maros-daily-2031', SOURCE);
  const existing = '[\n  {\n    "id": "a",\n    "type": "article"\n  }\n]\n';
  const edit = bibliographyEdit(existing, item);
  assert.equal(edit.start, edit.end, 'an insertion');
  const after = applyEdits(existing, [edit]);
  assert.equal(after.slice(0, edit.start) + after.slice(edit.start + edit.newText.length), existing);
  assert.deepEqual(parseBibliography(after).map((x) => x.id), ['a', 'maros-daily-2031']);
  assert.ok(after.includes('"date-parts": [[2031, 4, 9]]'));
  for (const start of ['', '[]', '[\n]\n', '{"items": []}']) {
    const out = applyEdits(start, [bibliographyEdit(start, item)]);
    assert.deepEqual(parseBibliography(out).map((x) => x.id), ['maros-daily-2031'], JSON.stringify(start));
  }
  assert.throws(() => parseBibliography('{"not": "a list"}'));
});

test('passages are ranked for a sentence, one per source, originals before their copies', () => {
  const ranked = rankPassages('Ukrainian prosecutors say North Korean missiles hit Ukraine around 50 times.', seeds());
  assert.ok(ranked.length >= 1);
  assert.ok(ranked[0].source.startsWith('000'), ranked.map((r) => r.source).join());
  assert.match(ranked[0].text, /around 50 times/);
  assert.ok(!ranked.some((r) => r.source.startsWith('002')), 'the copy of 000 is not offered beside it');
  const raw = new Map(seeds().docs.map((d) => [d.id, d.raw]));
  for (const r of ranked) assert.equal(raw.get(r.source)!.slice(r.start, r.end), r.text);
  for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1].score >= ranked[i].score);
  assert.deepEqual(rankPassages('Completely unrelated gardening advice about tomatoes.', seeds()), []);
});
