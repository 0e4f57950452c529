import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSources } from '../../src/core/compare/compareSources';
import { readPlainText } from '../../src/core/sources/plainText';
import { parsePersonName, personMatch } from '../../src/core/extract/nameMatch';
import type { CompareResult } from '../../src/core/result';

/**
 * A syndicated copy is one origin with its original: it never counts as a second source.
 * But a copy that changed what it copied (a figure, the spelling of a name, the words of a
 * quote) is what a fact-checker looks for, so those differences are findings of their own.
 * An invented event by invented outlets.
 */
const ORIGINAL = [
  'A ferry carrying 212 passengers ran aground off the island of Serrat on Sunday night, the coast guard said.',
  'Captain Idris Malakov told the port authority that the engines failed in heavy swell shortly after 9 p.m.',
  'Fourteen passengers were taken to hospital with minor injuries, according to the regional health office.',
  '“The crew did everything right and nobody panicked,” said Lena Ortiz, a passenger from Dorval.',
  'Salvage teams from the mainland were expected to reach the vessel by Tuesday.',
  'The ferry, built in 1994, had passed its last safety inspection in March.',
  'The operator, Blue Strait Lines, said it would pay for hotels for all stranded travellers.',
  'Local fishermen helped to carry elderly passengers ashore in small boats.',
].join('\n');

const copyOf = (text: string, changes: Array<[string, string]>) => changes.reduce((t, [a, b]) => t.replace(a, b), text);

function run(copy: string, withOther = true): CompareResult {
  const inputs = [
    { id: 'wire.txt', path: 'wire.txt', read: readPlainText(ORIGINAL) },
    { id: 'portal.txt', path: 'portal.txt', read: readPlainText(copy) },
  ];
  if (withOther) {
    inputs.push({
      id: 'herald.txt',
      path: 'herald.txt',
      read: readPlainText([
        'More than 200 people were rescued after a ferry hit rocks near Serrat late on Sunday.',
        'The ship’s captain, Idris Malakov, blamed a sudden engine failure.',
        'Health officials said 14 people needed hospital treatment.',
      ].join('\n')),
    });
  }
  return compareSources(inputs);
}

const departing = (r: CompareResult) => r.findings.filter((f) => f.summary.includes('a copy departs from its original'));

test('a copy that changed a figure, a name and a quote: each change is a finding of one origin', () => {
  const r = run(copyOf(ORIGINAL, [['212 passengers', '221 passengers'], ['Captain Idris Malakov', 'Captain Idris Malakow'], ['nobody panicked', 'no one panicked']]));
  assert.equal(r.duplicates.length, 1, 'still detected as a copy');
  assert.deepEqual(r.duplicates.map((d) => [d.source, d.of].sort()), [['portal.txt', 'wire.txt']]);
  const figure = departing(r).find((f) => f.kind === 'figure');
  assert.ok(figure, 'the changed figure is reported');
  assert.equal(figure.verdict, 'differ');
  assert.equal(figure.detail, 'conflict');
  assert.equal(figure.independentSources, 1, 'a copy and its original are one source');
  assert.deepEqual(figure.mentions.map((m) => `${m.source}:${m.text}`).sort(), ['portal.txt:221 passengers', 'wire.txt:212 passengers']);
  const name = r.findings.find((f) => f.kind === 'name' && f.mentions.some((m) => m.text.includes('Malakow')));
  assert.ok(name, 'the respelled name is reported');
  assert.equal(name.verdict, 'differ');
  assert.equal(name.detail, 'spelling');
  const quote = departing(r).find((f) => f.kind === 'quote');
  assert.ok(quote, 'the changed quote is reported');
  assert.equal(quote.detail, 'reworded');
  assert.equal(quote.independentSources, 1);
});

test('a faithful copy adds no finding, and agreement with its original is never counted as corroboration', () => {
  const alone = run(ORIGINAL, false);
  assert.equal(alone.duplicates.length, 1);
  assert.deepEqual(alone.findings, [], 'an original and its exact copy: nothing to report');
  const r = run(ORIGINAL);
  assert.deepEqual(departing(r), []);
  for (const f of r.findings.filter((x) => x.verdict === 'agree')) assert.ok(f.independentSources >= 2, f.summary);
});

test('a copy with only a figure changed and no third source still shows the change', () => {
  const r = run(copyOf(ORIGINAL, [['built in 1994', 'built in 1949']]), false);
  assert.equal(r.duplicates.length, 1);
  const year = departing(r);
  assert.equal(year.length, 1);
  assert.equal(year[0].kind, 'figure');
  assert.deepEqual(year[0].mentions.map((m) => m.text).sort(), ['1949', '1994']);
});

test('a middle initial fixes the order of a name: a father never meets his son through the given name', () => {
  const father = parsePersonName('William B. Hartwell');
  assert.equal(personMatch(father, parsePersonName('William Barton Jr.')), 0);
  assert.equal(personMatch(parsePersonName('George W. Bush'), parsePersonName('George Walker')), 0);
  assert.ok(personMatch(father, parsePersonName('William Hartwell')) > 0, 'the same man without his initial');
  assert.ok(personMatch(parsePersonName('Kim Jong Un'), parsePersonName('Kim Jong-un')) > 0, 'surname-first names still match');
  assert.ok(personMatch(parsePersonName('Hwang Joon-kook'), parsePersonName('Joonkook Hwang')) > 0);
});
