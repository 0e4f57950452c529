import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addToSet, globSet, listSet, parseSavedSet, removeFromSet, EMPTY_SET } from '../../src/extension/sources/sourceSet';
import { isSourcePath, SOURCE_EXTENSIONS } from '../../src/extension/sources/sourceExtensions';
import { SOURCE_EXTENSIONS as ENGINE_EXTENSIONS } from '../../src/core/sources/readSource';
import { problemsMessage } from '../../src/extension/store/problemsMessage';
import { EngineClient, CancelledError } from '../../src/extension/worker/engineClient';
import type { ViewModel } from '../../src/core/view/viewModel';
import { SEEDS_DIR } from '../helpers';

test('the extension searches folders for the same file types as the engine', () => {
  assert.deepEqual([...SOURCE_EXTENSIONS], [...ENGINE_EXTENSIONS]);
  assert.ok(isSourcePath('/a/B.HTML') && isSourcePath('c:\\x\\y.md') && !isSourcePath('/a/.md') && !isSourcePath('/a/x.pdf'));
});

test('source set: add and remove in list mode', () => {
  let set = listSet(['/a', '/b', '/a']);
  assert.deepEqual(set.files, ['/a', '/b']);
  set = addToSet(set, ['/c', '/b']);
  assert.deepEqual(set, { mode: 'list', files: ['/a', '/b', '/c'], added: [], removed: [] });
  set = removeFromSet(set, ['/a']);
  assert.deepEqual(set, { mode: 'list', files: ['/b', '/c'], added: [], removed: [] });
});

test('source set: in globs mode, hand-made additions and removals survive re-expanding the globs', () => {
  let set = globSet(['/g1', '/g2'], EMPTY_SET);
  set = addToSet(set, ['/extra']);
  set = removeFromSet(set, ['/g1']);
  const again = globSet(['/g1', '/g2', '/g3'], set);
  assert.deepEqual(again.files, ['/g2', '/g3', '/extra']);
  const readded = globSet(['/g1', '/g2'], addToSet(again, ['/g1']));
  assert.deepEqual(readded.files, ['/g1', '/g2', '/extra']);
  assert.deepEqual(globSet(['/g'], listSet(['/x'])).files, ['/g'], 'a list does not leak into globs mode');
});

test('source set: whatever is in storage is read safely', () => {
  assert.deepEqual(parseSavedSet(undefined), EMPTY_SET);
  assert.deepEqual(parseSavedSet({ mode: 'weird', files: ['/a', 3, null], added: 'x' }), { mode: 'list', files: ['/a'], added: [], removed: [] });
});

test('problemsMessage names each file and why, and what happened to the rest', () => {
  const model = (n: number, problems: ViewModel['problems']) => ({ sources: Array.from({ length: n }), problems }) as unknown as ViewModel;
  assert.equal(problemsMessage(model(3, [])), undefined);
  assert.equal(
    problemsMessage(model(4, [{ path: '/x/scan.pdf', reason: 'unsupported', message: 'PDF files are not supported' }, { path: 'C:\\d\\e.txt', reason: 'empty', message: 'empty file' }])),
    'Corroborate could not read 2 sources: scan.pdf (PDF files are not supported); e.txt (empty file). The other 4 were compared.',
  );
  assert.match(problemsMessage(model(1, [{ path: '/a', reason: 'missing', message: 'no such file or folder' }]))!, /Only one source could be read/);
});

const WORKER = join(__dirname, '..', '..', 'dist', 'engineWorker.js');

test('the engine worker compares, renders and can be cancelled (dist/engineWorker.js)', { skip: !existsSync(WORKER) && 'not built' }, async () => {
  const engine = new EngineClient(WORKER);
  try {
    const files = readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f));
    const job = { files: [...files, join(SEEDS_DIR, 'missing.txt')], overrides: { [files[1]]: { outlet: 'Override' } }, maxBytes: 50 * 1024 * 1024 };
    const res = await engine.request({ type: 'compare', ...job });
    assert.equal(res.type, 'model');
    if (res.type !== 'model') return;
    assert.equal(res.model.sources.length, 5);
    assert.equal(res.model.sources[1].outlet, 'Override');
    assert.deepEqual(res.model.problems.map((p) => p.reason), ['missing']);
    const report = await engine.request({ type: 'report', format: 'json', ...job });
    assert.equal(report.type === 'report' && JSON.parse(report.text).sources.length, 5);
    const abort = new AbortController();
    const cancelled = engine.request({ type: 'compare', ...job }, abort.signal);
    abort.abort();
    await assert.rejects(cancelled, CancelledError);
    assert.equal(engine.busy, false);
    const after = await engine.request({ type: 'compare', ...job });
    assert.equal(after.type, 'model', 'a fresh thread answers after a cancel');
  } finally {
    engine.dispose();
  }
});
