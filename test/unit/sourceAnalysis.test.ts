import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { collectSourceFiles, loadSources } from '../../src/cli/collect';
import { compareSources, type SourceInput } from '../../src/core/compare/compareSources';
import { analyseSource, compareAnalysed, deserialiseAnalysis, serialiseAnalysis, ANALYSIS_VERSION } from '../../src/core/compare/sourceAnalysis';
import { analysisKey } from '../../src/node/sourceAnalysisKey';
import { renderJson } from '../../src/core/report/json';
import { SourceIndex, checkDraft } from '../../src/core/draft';
import { prepareDoc } from '../../src/core/sources/prepare';
import { readPlainText } from '../../src/core/sources/plainText';
import { generateReports } from '../../scripts/bench/corpus';
import { readFileSync } from 'node:fs';

const ROOT = join(__dirname, '..', '..');

async function inputs(paths: string[]): Promise<SourceInput[]> {
  const { files } = await collectSourceFiles(paths.map((p) => join(ROOT, p)));
  const out: SourceInput[] = [];
  for (const l of loadSources(files)) if (l.ok) out.push({ id: l.id, path: l.path, read: l.read });
  return out;
}

const roundTrip = (xs: SourceInput[]) => xs.map((x) => deserialiseAnalysis(serialiseAnalysis(analyseSource(x))));

/** Text with figures whose intervals are open (±Infinity), quotes and names, in two outlets. */
const INVENTED: SourceInput[] = [
  ['a.txt', 'Quake hits Tarsville\n\nAt least 41 people were killed and more than 200 injured in Tarsville on Monday, officials said.\n\n"We have never seen anything like it," said Mayor Ilse Varga.'],
  ['b.txt', 'Tarsville quake kills dozens\n\nAt least 38 people died and over 250 were hurt when the quake struck Tarsville, the mayor, Ilse Vargha, said.\n\n"We have never seen anything like this," Varga said.'],
].map(([id, text]) => ({ id, path: id, read: readPlainText(text) }));

test('compareAnalysed over serialised and read-back analyses gives exactly what compareSources gives', async () => {
  const sets: Array<[string, SourceInput[]]> = [
    ['seeds', await inputs(['seeds'])],
    ['quake', await inputs(['test/fixtures/quake/sources'])],
    ['html and markdown', [...(await inputs(['test/fixtures/sources'])), ...(await inputs(['seeds/001_07eff16078fe5880.txt']))]],
    ['invented', INVENTED],
  ];
  for (const [name, set] of sets) {
    const direct = compareSources(set);
    const cached = compareAnalysed(roundTrip(set));
    assert.deepStrictEqual(cached, direct, name);
    assert.equal(renderJson(cached), renderJson(direct), name);
  }
});

test('the same holds on 40 overlapping reports of real prose (the benchmark corpus)', () => {
  const set = generateReports(40).map((r) => ({ id: r.name, path: r.name, read: readPlainText(r.text) }));
  const direct = compareSources(set);
  assert.ok(direct.passages.length > 20 && direct.findings.length > 5 && direct.duplicates.length > 0);
  assert.equal(renderJson(compareAnalysed(roundTrip(set))), renderJson(direct));
});

test('a comparison never changes the analyses it reads, and the order they are given in does not matter', async () => {
  const analyses = (await inputs(['seeds'])).map(analyseSource);
  const before = analyses.map(serialiseAnalysis);
  const first = renderJson(compareAnalysed(analyses));
  assert.deepStrictEqual(analyses.map(serialiseAnalysis), before);
  assert.equal(renderJson(compareAnalysed([...analyses].reverse())), first);
  assert.equal(renderJson(compareAnalysed(analyses.slice(0, 3))), renderJson(compareSources((await inputs(['seeds'])).slice(0, 3))));
});

test('a serialised analysis keeps open intervals, and typed arrays stay compact', () => {
  const [a] = INVENTED.map(analyseSource);
  assert.ok(a.figures.some((f) => f.hi === Infinity), 'an "at least" figure is open above');
  const back = deserialiseAnalysis(serialiseAnalysis(a));
  assert.deepStrictEqual(back, a);
  // A plain-text source's offset map is one shift: a few bytes, not one number per character.
  const packed = JSON.parse(serialiseAnalysis(a)) as { doc: { normToRaw: string } };
  assert.ok(packed.doc.normToRaw.length < 40, packed.doc.normToRaw);
});

test('reading back refuses another format or version', () => {
  const text = serialiseAnalysis(analyseSource(INVENTED[0]));
  assert.throws(() => deserialiseAnalysis('{"format":"other"}'), /not a Corroborate source analysis/);
  assert.throws(() => deserialiseAnalysis(text.replace(`"version":${ANALYSIS_VERSION}`, '"version":0')), /version 0/);
  assert.throws(() => compareAnalysed([{ ...analyseSource(INVENTED[0]), version: 0 }]), /version 0/);
});

test('analysisKey is stable for the same source and changes with its text, path or metadata', () => {
  const [a] = INVENTED;
  assert.equal(analysisKey(a), analysisKey({ ...a, read: readPlainText(readPlainText(a.read.raw).raw) }));
  assert.notEqual(analysisKey(a), analysisKey({ ...a, read: readPlainText(a.read.raw + ' ') }));
  assert.notEqual(analysisKey(a), analysisKey({ ...a, path: 'other/a.txt' }));
  assert.notEqual(analysisKey(a), analysisKey({ ...a, read: { ...a.read, meta: { title: 'T' } } }));
  assert.match(analysisKey(a), /^[0-9a-f]{64}$/);
});

test('a SourceIndex from cached analyses checks a draft as one built from the documents', async () => {
  const set = await inputs(['seeds']);
  const draft = { id: 'veto-draft.md', text: readFileSync(join(ROOT, 'test/fixtures/drafts/veto-draft.md'), 'utf8'), kind: 'markdown' as const };
  const fromDocs = checkDraft(draft, SourceIndex.fromDocs(set.map((s) => prepareDoc(s.id, s.path, s.read))));
  const fromCache = checkDraft(draft, SourceIndex.fromAnalyses(roundTrip(set)));
  assert.deepStrictEqual(fromCache, fromDocs);
});
