import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSources } from '../../src/core/compare/compareSources';
import { readPlainText } from '../../src/core/sources/plainText';
import { formsMatch } from '../../src/core/extract/placeVariants';
import type { CompareResult } from '../../src/core/result';
import { checkDraft } from '../../src/core/draft/checkDraft';
import { applyEdits } from '../../src/core/cite/textEdit';
import { docFromText } from '../helpers';

/** Place names spelled differently by reports of one invented event (placeVariants.ts). */
function compare(...texts: string[]): CompareResult {
  return compareSources(texts.map((t, i) => ({ id: `r${i}.txt`, path: `r${i}.txt`, read: readPlainText(t) })));
}

const placeFindings = (r: CompareResult) => r.findings.filter((f) => f.kind === 'name' && f.verdict === 'differ');
const summaries = (r: CompareResult) => JSON.stringify(r.findings.map((f) => f.summary), null, 1);

const WIRE = (city: string, region: string) => [
  `A power station near ${city} was hit by a drone overnight, cutting electricity to some 40,000 homes, the regional governor said.`,
  `Repair crews expected to restore most of the supply in the ${region} region by Sunday evening.`,
].join('\n');
const DAILY = (city: string, region: string) => [
  `Some 40,000 homes lost power after a drone struck a power station outside ${city} overnight, according to the regional governor.`,
  `Officials in the ${region} region said repairs would take until Sunday evening.`,
].join('\n');

test('the same place spelled two ways by two reports of the same event is one place, spelled differently', () => {
  const r = compare(WIRE('Kyiv', 'Kharkiv'), DAILY('Kiev', 'Kharkov'));
  const found = placeFindings(r).map((f) => f.summary).sort();
  assert.deepEqual(found, [
    '“Kharkiv” / “Kharkov” — one name, spelled differently',
    '“Kyiv” / “Kiev” — one name, spelled differently',
  ].sort(), summaries(r));
  const kyiv = placeFindings(r).find((f) => f.summary.includes('Kyiv'))!;
  assert.equal(kyiv.detail, 'spelling');
  assert.deepEqual(kyiv.mentions.map((m) => `${m.source}:${m.text}`).sort(), ['r0.txt:Kyiv', 'r1.txt:Kiev']);
});

test('the order of the sources does not change which places are joined', () => {
  const a = compare(WIRE('Kyiv', 'Kharkiv'), DAILY('Kiev', 'Kharkov'), WIRE('Kyiv', 'Kharkov'));
  const b = compare(WIRE('Kyiv', 'Kharkov'), DAILY('Kiev', 'Kharkov'), WIRE('Kyiv', 'Kharkiv'));
  // The forms each finding joins (its summary lists them in the order the sources do).
  const norm = (r: CompareResult) => placeFindings(r).map((f) => [...new Set(f.mentions.map((m) => m.text))].sort().join(' / ')).sort();
  assert.deepEqual(norm(a), norm(b));
  assert.deepEqual(norm(a), ['Kharkiv / Kharkov', 'Kiev / Kyiv'], summaries(a));
});

test('different places are never joined: other sounds, a source that writes both, or no shared passage', () => {
  // Iran / Iraq: one letter apart, not one sound.
  assert.equal(placeFindings(compare(WIRE('Iran', 'Basra'), DAILY('Iraq', 'Basra'))).length, 0);
  // Austria / Australia spell alike, but a report that names both shows they are two places.
  const both = `${WIRE('Austria', 'Tyrol')}\nThe company also runs plants in Australia and Austria.`;
  const r = compare(both, DAILY('Australia', 'Tyrol'));
  assert.equal(placeFindings(r).length, 0, summaries(r));
  // Kyiv / Kiev in reports of different things: nothing aligns them.
  const other = 'The Kiev ballet opened its winter season with a new staging of Giselle, which critics praised.';
  const unrelated = compare(WIRE('Kyiv', 'Sumy'), other);
  assert.equal(placeFindings(unrelated).length, 0, summaries(unrelated));
});

test('which written forms can be one place name', () => {
  assert.ok(formsMatch('Kyiv', 'Kiev'));
  assert.ok(formsMatch('Lviv', 'Lvov'));
  assert.ok(formsMatch('Odesa', 'Odessa'));
  assert.ok(formsMatch('Luhansk', 'Lugansk'));
  assert.ok(formsMatch('Mexico City', 'Mexiko City'));
  assert.ok(!formsMatch('Iran', 'Iraq'));
  assert.ok(!formsMatch('Mali', 'Malta'));
  assert.ok(!formsMatch('Niger', 'Nigeria'));
  assert.ok(!formsMatch('Slovakia', 'Slovenia'));
  assert.ok(!formsMatch('North Korea', 'South Korea'));
  assert.ok(!formsMatch('Kyiv', 'Kyiv'), 'the same form is no variant');
  assert.ok(!formsMatch('U.N.', 'UN'), 'dots are house style (bodyClusters.ts), not spelling');
});

/** A draft's place names against the sources' (draft/nameCheck.ts, by the same spelling rules). */
function draftPlaces(text: string, ...sources: string[]) {
  const docs = sources.map((t, i) => docFromText(t, `r${i}.txt`));
  return checkDraft({ id: 'draft.md', text, kind: 'markdown' }, docs).filter((d) => d.kind === 'name');
}

test('a draft: another spelling of the sources’ place in the same report is a warning, fixed to theirs', () => {
  const ds = draftPlaces(WIRE('Kiev', 'Kharkiv'), WIRE('Kyiv', 'Kharkiv'), DAILY('Kyiv', 'Kharkiv'));
  assert.equal(ds.length, 1, JSON.stringify(ds));
  assert.equal(ds[0].severity, 'warning');
  assert.equal(ds[0].message, 'No source writes “Kiev”: r0.txt, r1.txt write “Kyiv”.');
  assert.ok(applyEdits(WIRE('Kiev', 'Kharkiv'), ds[0].fixes!).includes('A power station near Kyiv was hit'));
});

test('a draft: a place the sources do not report there, or one that only looks alike, is not a misspelling', () => {
  // "Austria" in a sentence about something else, beside the sources' "Australia".
  assert.deepEqual(draftPlaces('The company also runs plants in Austria, its annual report says.', WIRE('Australia', 'Tyrol'), DAILY('Australia', 'Tyrol')), []);
  // Iran / Iraq: one letter apart, not one name.
  assert.deepEqual(draftPlaces(WIRE('Iran', 'Basra'), WIRE('Iraq', 'Basra'), DAILY('Iraq', 'Basra')), []);
});

test('a draft: a place the sources themselves spell two ways is information listing their spellings, once', () => {
  const draft = `${WIRE('Kyiv', 'Kharkiv')}\nThe mayor of Kyiv said schools would stay open.`;
  const ds = draftPlaces(draft, WIRE('Kyiv', 'Kharkiv'), DAILY('Kiev', 'Kharkiv'), `${DAILY('Kyiv', 'Kharkiv')}\nSchools stay open.`);
  assert.equal(ds.length, 1, JSON.stringify(ds));
  assert.equal(ds[0].severity, 'information');
  assert.equal(ds[0].detail, 'sources-differ');
  assert.equal(ds[0].text, 'Kyiv');
  assert.equal(ds[0].message, 'The sources spell this place differently: “Kyiv” (r0.txt, r2.txt), “Kiev” (r1.txt).');
  assert.deepEqual(ds[0].evidence.map((e) => `${e.source}:${e.text}`), ['r0.txt:Kyiv', 'r2.txt:Kyiv', 'r1.txt:Kiev']);
});
