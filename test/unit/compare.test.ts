import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSources } from '../../src/core/compare/compareSources';
import { readPlainText } from '../../src/core/sources/plainText';
import type { CompareResult } from '../../src/core/result';

/** Three reports of an invented event by invented outlets, written unlike the seeds. */
const WIRE = [
  'A magnitude 6.4 earthquake struck the coastal province of Valdera early on Tuesday, killing at least 38 people, officials said.',
  'Interior Minister Katarzyna Wiśniewska said rescue teams were still searching collapsed buildings in the port city of Maros.',
  '“We are racing against time to reach people trapped under the rubble,” Wiśniewska told reporters.',
  'The regional hospital said it had treated more than 200 injured residents by Tuesday evening.',
  'The quake was the strongest to hit the region since 1987, according to the national seismological institute.',
].join('\n');

const DAILY = [
  'Rescuers dug through the night in Maros after a powerful earthquake hit Valdera province on Tuesday.',
  'The death toll stood at 41, the civil protection agency said, while around 150 people were injured.',
  'Interior Minister Katarzyna Wisniewska said: “We are racing against the clock to reach those trapped under the rubble.”',
  'Seismologists said it was the strongest tremor in the region since 1978.',
  'Mayor Tomas Brandt called the damage “worse than anything we have seen”.',
].join('\n');

const TABLOID = [
  'Terror in Valdera: a 6.4 magnitude quake flattened homes in Maros on Tuesday.',
  '“Worse than anything we have seen,” said regional governor Elena Brandt as she toured the ruins.',
  'At least 38 people died, officials said, and more than 200 were hurt.',
  'Katarzyna Wiśniewska, the interior minister, said crews were searching collapsed buildings.',
].join('\n');

function run(): CompareResult {
  return compareSources([
    { id: 'wire.txt', path: 'wire.txt', read: readPlainText(WIRE) },
    { id: 'daily.txt', path: 'daily.txt', read: readPlainText(DAILY) },
    { id: 'tabloid.txt', path: 'tabloid.txt', read: readPlainText(TABLOID) },
  ]);
}

const findingsWith = (r: CompareResult, kind: string, ...texts: string[]) =>
  r.findings.filter((f) => f.kind === kind && texts.every((t) => f.mentions.some((m) => m.text.includes(t))));

test('a name written with and without diacritics is one person, spelled differently', () => {
  const r = run();
  const f = findingsWith(r, 'name', 'Wiśniewska', 'Wisniewska');
  assert.equal(f.length, 1);
  assert.equal(f[0].verdict, 'differ');
});

test('a figure that cannot agree with another about the same thing is a conflict', () => {
  const r = run();
  const year = findingsWith(r, 'figure', '1987', '1978');
  assert.equal(year.length, 1, JSON.stringify(r.findings.filter((f) => f.kind === 'figure').map((f) => f.summary), null, 1));
  assert.equal(year[0].verdict, 'differ');
  assert.equal(year[0].detail, 'conflict');
  const injured = findingsWith(r, 'figure', 'more than 200', 'around 150');
  assert.equal(injured.length, 1);
  assert.equal(injured[0].verdict, 'differ');
});

test('the same figure in two outlets agrees', () => {
  const r = run();
  const deaths = r.findings.filter((f) => f.kind === 'figure' && f.mentions.filter((m) => m.text.includes('38')).length === 2);
  assert.ok(deaths.length >= 1);
});

test('a quote worded differently is reworded; the same words from different speakers are flagged', () => {
  const r = run();
  const racing = findingsWith(r, 'quote', 'racing against time', 'racing against the clock');
  assert.equal(racing.length, 1);
  assert.equal(racing[0].verdict, 'differ');
  assert.equal(racing[0].detail, 'reworded');
  const worse = findingsWith(r, 'quote', 'worse than anything', 'Worse than anything');
  assert.equal(worse.length, 1);
  assert.equal(worse[0].detail, 'different-speaker');
});

test('two people who share a surname are never merged', () => {
  const r = run();
  assert.equal(findingsWith(r, 'name', 'Tomas Brandt', 'Elena Brandt').length, 0);
});

test('every span is an exact slice and the order of sources does not matter', () => {
  const r = run();
  const texts: Record<string, string> = { 'wire.txt': WIRE, 'daily.txt': DAILY, 'tabloid.txt': TABLOID };
  for (const f of r.findings) for (const m of f.mentions) assert.equal(texts[m.source].slice(m.start, m.end), m.text);
  const reversed = compareSources([
    { id: 'tabloid.txt', path: 'tabloid.txt', read: readPlainText(TABLOID) },
    { id: 'daily.txt', path: 'daily.txt', read: readPlainText(DAILY) },
    { id: 'wire.txt', path: 'wire.txt', read: readPlainText(WIRE) },
  ]);
  assert.deepEqual(reversed, r);
});

test('dates of different things do not conflict: the day of a statement, the start of a period', () => {
  const a = 'The ministry announced on May 4 that the factory had produced more than 500 engines.';
  const b = 'The factory has produced over 800 engines since January 2021, the minister said.';
  const r = compareSources([
    { id: 'a.txt', path: 'a.txt', read: readPlainText(a) },
    { id: 'b.txt', path: 'b.txt', read: readPlainText(b) },
  ]);
  assert.equal(r.findings.filter((f) => f.kind === 'figure' && f.detail === 'conflict').length, 0, JSON.stringify(r.findings.map((f) => f.summary)));
  assert.equal(findingsWith(r, 'figure', 'more than 500 engines', 'over 800 engines').length, 1);
});
