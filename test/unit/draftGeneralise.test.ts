import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, draft, find, one, quakeDocs, quietOn } from './draftHelpers';
import { applyEdits } from '../../src/core/cite/textEdit';

/**
 * A draft about the invented earthquake of compare.test.ts, checked against three invented
 * outlets with front matter: nothing in src/ knows these names or numbers.
 */
const input = draft('quake-draft.md');
const text = input.text;
const docs = quakeDocs();
const ds = checkDraft(input, docs);

test('spans are exact slices on another event too', () => {
  const raw = new Map(docs.map((d) => [d.id, d.raw]));
  for (const d of ds) {
    assert.equal(text.slice(d.start, d.end), d.text);
    for (const e of d.evidence) assert.equal(raw.get(e.source)!.slice(e.start, e.end), e.text);
  }
});

test('quotations: partial confirmed, reworded fixed, invented and misattributed warned', () => {
  assert.equal(one(ds, 'quote', 'partial', 'racing against time').severity, 'information');
  const reworded = one(ds, 'quote', 'reworded', 'the people trapped in the rubble');
  assert.ok(applyEdits(text, reworded.fixes!).includes('“We are racing against time to reach people trapped under the rubble,” she said'));
  assert.equal(one(ds, 'quote', 'not-found', 'rebuild every single home').severity, 'warning');
  const wrong = one(ds, 'quote', 'different-speaker', 'Wiśniewska');
  assert.match(wrong.message, /Brandt/);
});

test('figures: a stronger bound than any source gives conflicts; a year the sources disagree on is information', () => {
  const toll = one(ds, 'figure', 'conflict', 'at least 45');
  assert.match(toll.message, /at least 38/i);
  const year = one(ds, 'figure', 'sources-disagree', '1987');
  assert.match(year.message, /1978/);
  assert.deepEqual(quietOn(ds, text, 'More than 200 people'), []);
  assert.deepEqual(quietOn(ds, text, '6.4'), []);
});

test('names: a misspelling of a person and of a place are fixed to the sources spelling', () => {
  const person = one(ds, 'name', 'spelling', 'Wiszniewska');
  assert.ok(applyEdits(text, person.fixes!).includes('Katarzyna Wiśniewska said'));
  const place = one(ds, 'name', 'spelling', 'Valdara');
  assert.ok(applyEdits(text, place.fixes!).includes('Officials in Valdera'));
  assert.equal(find(ds, 'name', 'spelling', 'Maros').length, 0);
});

test('citations: an uncited sentence is cited with the outlet, year and address from front matter', () => {
  const d = one(ds, 'citation', 'uncited', 'Rescue teams dug all night');
  assert.equal(d.cite?.key, 'maros-daily-2031');
  const after = applyEdits(text, d.fixes!);
  assert.ok(after.includes('on Tuesday.[^maros-daily-2031]'));
  assert.ok(after.includes('[^maros-daily-2031]: The Maros Daily, “Night of digging in Maros as death toll climbs”, 2031-04-09, https://marosdaily.example/news/night-of-digging — “Rescuers dug'));
  // A sentence whose source already has a footnote definition reuses its key.
  const reuse = one(ds, 'citation', 'uncited', 'killed at least 45 people');
  assert.equal(reuse.cite?.key, 'wire');
  assert.deepEqual(reuse.fixes, [{ start: reuse.end, end: reuse.end, newText: '[^wire]' }]);
  // A sentence with a web link cites it; link targets and inline code are never checked.
  assert.equal(find(ds, 'citation', 'uncited', 'Death toll').length, 0);
  assert.equal(ds.filter((d) => d.text.includes('updated hourly')).length, 0);
});
