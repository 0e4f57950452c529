import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceAt, sentenceRanges } from '../../src/webview/sentences';
import { diffMode, versionParts, wantsDiff } from '../../src/webview/versions';
import { showControls, splitControls } from '../../src/webview/bidi';
import { estimateLines } from '../../src/webview/layoutEstimate';
import { readState, INITIAL_STATE } from '../../src/webview/state';
import type { ResultFinding } from '../../src/core/result';

const slices = (text: string) => sentenceRanges(text, 0, text.length).map((r) => text.slice(r.start, r.end));

test('sentences survive the abbreviations of news copy', () => {
  const t = 'Russia vetoed it at the U.N. on Thursday. Mr. Wood said the U.S. would act. On Oct. 13 the White House spoke! Did it?';
  assert.deepEqual(slices(t), ['Russia vetoed it at the U.N. on Thursday.', 'Mr. Wood said the U.S. would act.', 'On Oct. 13 the White House spoke!', 'Did it?']);
});

test('a quote that ends a sentence keeps its closing mark; a lower-case continuation is not a new sentence', () => {
  const t = 'He called it "a guilty plea." Others disagreed. "It is wrong," he said. and so on.';
  assert.deepEqual(slices(t), ['He called it "a guilty plea."', 'Others disagreed.', '"It is wrong," he said. and so on.']);
});

test('newlines split sentences; offsets are into the whole text and trimmed', () => {
  const t = 'xx First line\n\nSecond one. Third.  yy';
  const r = sentenceRanges(t, 3, t.length - 4);
  assert.deepEqual(r.map((x) => t.slice(x.start, x.end)), ['First line', 'Second one.', 'Third.']);
  assert.equal(t.slice(sentenceAt(t, 3, t.length - 4, 20).start, sentenceAt(t, 3, t.length - 4, 20).end), 'Second one.');
  // Between sentences: the next one; past the end: the last one.
  assert.equal(sentenceAt(t, 3, t.length - 4, 13).start, t.indexOf('Second'));
  assert.equal(sentenceAt(t, 3, t.length - 4, 999).start, t.indexOf('Third'));
  // A cell of white space only: the cell itself.
  assert.deepEqual(sentenceAt('   ', 0, 3, 1), { start: 0, end: 3 });
});

const finding = (kind: ResultFinding['kind'], verdict: ResultFinding['verdict'], detail: string): ResultFinding => ({ id: 'f', kind, verdict, detail, summary: '', importance: 0, independentSources: 2, mentions: [] });

test('versions: the words that differ from the first version are marked, case ignored', () => {
  const [a, b] = versionParts(['more than 1,000 containers', 'thousands of containers'], 'words');
  assert.deepEqual(a.filter((p) => p.changed).map((p) => p.text.trim()), ['more than 1,000']);
  assert.deepEqual(b.filter((p) => p.changed).map((p) => p.text.trim()), ['thousands of']);
  assert.equal(a.map((p) => p.text).join(''), 'more than 1,000 containers');
  assert.equal(b.map((p) => p.text).join(''), 'thousands of containers');
  const same = versionParts(['A guilty plea', 'a guilty plea'], 'words');
  assert.ok(same.flat().every((p) => !p.changed));
});

test('versions: spellings are compared letter by letter', () => {
  const [a, b, c] = versionParts(['Vasily Nebenzya', 'Vasily Nebenzia', 'Vassily Nebenzia'], 'chars');
  assert.deepEqual(a.filter((p) => p.changed).map((p) => p.text), ['y']);
  assert.deepEqual(b.filter((p) => p.changed).map((p) => p.text), ['i']);
  assert.deepEqual(c.filter((p) => p.changed).map((p) => p.text), ['s', 'i']);
  assert.equal(diffMode(finding('name', 'differ', 'spelling')), 'chars');
  assert.equal(diffMode(finding('name', 'differ', 'order')), 'words');
  assert.ok(wantsDiff(finding('quote', 'agree', 'reworded')));
  assert.ok(!wantsDiff(finding('quote', 'agree', 'verbatim')));
  assert.ok(wantsDiff(finding('figure', 'differ', 'conflict')));
});

test('bidi controls are cut out as named pieces and written out in labels', () => {
  const t = 'file \u202Egnp.exe\u202C and \u2066x\u2069';
  const pieces = splitControls(t);
  assert.deepEqual(pieces.filter((p) => p.control).map((p) => p.control), ['RLO', 'PDF', 'LRI', 'PDI']);
  assert.equal(pieces.filter((p) => !p.control).map((p) => p.text).join(''), 'file gnp.exe and x');
  for (const p of pieces) assert.equal(t.slice(p.at, p.at + p.text.length), p.text);
  assert.equal(showControls('a\u202Eb'), 'a\u27E6RLO\u27E7b');
  assert.deepEqual(splitControls(''), [{ at: 0, text: '' }]);
});

test('line estimate: newlines start lines, long lines wrap', () => {
  assert.equal(estimateLines('short', 60), 1);
  assert.equal(estimateLines('a\n\nb', 60), 3);
  assert.equal(estimateLines('x'.repeat(120), 60), 3);
});

test('saved state is read defensively: garbage gives the defaults', () => {
  assert.deepEqual(readState(undefined), { state: INITIAL_STATE, restored: false });
  const { state, restored } = readState({ filter: { onlyDifferences: 'yes' }, scrollTop: -5, anchor: { row: 7 }, showCopies: true, selectedFinding: 'name-3' });
  assert.ok(restored);
  assert.deepEqual(state.filter, INITIAL_STATE.filter);
  assert.equal(state.scrollTop, 0);
  assert.equal(state.anchor, null);
  assert.equal(state.showCopies, true);
  assert.equal(state.selectedFinding, 'name-3');
  const good = readState({ ...INITIAL_STATE, filter: { onlyDifferences: true, kinds: { figure: true, name: false, quote: true } }, anchor: { row: 'row-9', offset: 12 } }).state;
  assert.equal(good.filter.onlyDifferences, true);
  assert.deepEqual(good.anchor, { row: 'row-9', offset: 12 });
});

test('versions: a space against a hyphen is marked when letters are compared', () => {
  const [a, b] = versionParts(['Kim Jong Un', 'Kim Jong-un'], 'chars');
  assert.deepEqual(a.filter((p) => p.changed).map((p) => p.text), [' ']);
  assert.deepEqual(b.filter((p) => p.changed).map((p) => p.text), ['-']);
});
