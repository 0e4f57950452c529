import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskCache } from '../../src/extension/cache/diskCache';
import { SourceCache } from '../../src/extension/cache/sourceCache';
import { analyseJob, compareJob } from '../../src/extension/worker/compareJob';
import { loadJob } from '../../src/extension/worker/loadJob';
import type { SourceJob } from '../../src/extension/worker/messages';
import { CancelledError, EngineClient } from '../../src/extension/worker/engineClient';
import { buildViewModel } from '../../src/core/view/buildView';
import { analyseSource } from '../../src/core/compare/sourceAnalysis';
import { threadsFor } from '../../src/node/sourcePool';
import { generateReports } from '../../scripts/bench/corpus';

// The engine worker analyses the files that miss the cache on every core (src/node/sourcePool.ts).

const MB = 1024 * 1024;

/** `n` overlapping reports of the benchmark corpus, an empty file and a missing one, with an override. */
function workspace(n: number): { root: string; job: SourceJob } {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-extension-pool-'));
  const sources = join(root, 'sources');
  mkdirSync(sources);
  for (const r of generateReports(n)) writeFileSync(join(sources, r.name), r.text);
  writeFileSync(join(sources, 'empty.txt'), '');
  const files = [...readdirSync(sources).sort().map((f) => join(sources, f)), join(sources, 'gone.txt')];
  return { root, job: { files, overrides: { [files[3]]: { outlet: 'Edited Outlet', title: '  ' } }, maxBytes: 50 * MB } };
}

test('files that miss the cache are analysed in the pool, stored, and found again by their analysis key', async () => {
  const { root, job } = workspace(140);
  assert.ok(threadsFor(140, availableParallelism()) > 1 || availableParallelism() === 1, 'a set that gets a worker');
  const { inputs, problems } = loadJob(job);
  const cacheDir = join(root, 'cache');

  const cache = new SourceCache(new DiskCache(cacheDir, 256 * MB), 'engine-a');
  const first = await compareJob(job, cache);
  assert.deepEqual(first.stats, { sources: 140, memory: 0, disk: 0, computed: 140, result: 'uncached' });
  assert.deepEqual(first.model, buildViewModel(inputs, problems), 'the model the engine makes on its own');
  const edited = inputs.find((i) => i.path === job.files[3])!;
  assert.equal(first.model.sources.find((s) => s.id === edited.id)?.outlet, 'Edited Outlet');
  assert.deepEqual(first.model.problems.map((p) => p.reason), ['empty', 'missing']);
  await cache.flush();

  // Another engine build: no file key is known, so every file is read as a source in the pool
  // and its analysis found on disk by its analysis key.
  const other = new SourceCache(new DiskCache(cacheDir, 256 * MB), 'engine-b');
  const again = await analyseJob(job, other);
  assert.deepEqual(again.stats, { sources: 140, memory: 0, disk: 140, computed: 0, result: 'uncached' });
  assert.deepStrictEqual(again.analyses, inputs.map(analyseSource));
  assert.deepEqual(again.problems, problems);
  assert.deepEqual(again.keys, first.analysisKeys);
});

const WORKER = join(__dirname, '..', '..', 'dist', 'engineWorker.js');
const threads = () => readdirSync('/proc/self/task').length;

test('cancelling a comparison (terminating the engine worker) ends the pool’s threads too (dist/engineWorker.js)', { skip: (!existsSync(WORKER) && 'not built') || (!existsSync('/proc/self/task') && 'no /proc') }, async () => {
  const { job } = workspace(400);
  await readFile(WORKER); // libuv's thread pool is started before counting
  const before = threads();
  const engine = new EngineClient(WORKER);
  try {
    const abort = new AbortController();
    const running = engine.request({ type: 'compare', ...job }, abort.signal);
    // The engine worker, and the pool's worker when the machine has a second core.
    const expected = before + 1 + (threadsFor(400, availableParallelism()) - 1);
    for (let i = 0; i < 200 && threads() < expected; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(threads(), expected, 'the engine worker and the pool are running');
    abort.abort();
    await assert.rejects(running, CancelledError);
    for (let i = 0; i < 100 && threads() > before; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(threads(), before, 'no thread left behind');
  } finally {
    engine.dispose();
  }
});
