import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { DiskCache } from '../../src/extension/cache/diskCache';
import { SourceCache } from '../../src/extension/cache/sourceCache';
import { compareJob } from '../../src/extension/worker/compareJob';
import type { SourceJob } from '../../src/extension/worker/messages';
import { buildViewModel } from '../../src/core/view/buildView';
import { loadSources } from '../../src/cli/collect';
import { SEEDS_DIR } from '../helpers';
import { EngineClient } from '../../src/extension/worker/engineClient';
import { checkDraft } from '../../src/core/draft/checkDraft';
import { draft, seeds } from './draftHelpers';

const MB = 1024 * 1024;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'corroborate-cache-test-'));
}

/** A copy of the seeds (the tests change files) and a cache folder. */
function setup(engineId = 'engine-a'): { sources: string; cacheDir: string; cache: SourceCache; job: SourceJob } {
  const root = tempDir();
  const sources = join(root, 'sources');
  cpSync(SEEDS_DIR, sources, { recursive: true });
  const cacheDir = join(root, 'cache');
  const files = readdirSync(sources).sort().map((f) => join(sources, f));
  return { sources, cacheDir, cache: new SourceCache(new DiskCache(cacheDir, 64 * MB), engineId), job: { files, overrides: {}, maxBytes: 50 * MB } };
}

/** The model the engine makes on its own, without any cache. */
async function fresh(job: SourceJob) {
  const loaded = loadSources(job.files, job.maxBytes);
  return buildViewModel(loaded.flatMap((l) => (l.ok ? [{ id: l.id, path: l.path, read: l.read }] : [])), []);
}

const entries = (dir: string, kind: string) => (existsSync(join(dir, kind)) ? readdirSync(join(dir, kind)) : []);

test('first comparison analyses every source and stores it; the second (a restarted worker) reuses all and gives the identical model', async () => {
  const { cacheDir, cache, job } = setup();
  const first = await compareJob(job, cache);
  await cache.flush();
  assert.deepEqual(first.stats, { sources: 5, memory: 0, disk: 0, computed: 5, result: 'miss' });
  assert.deepEqual(first.model, await fresh(job), 'the model is the engine’s own');
  assert.equal(entries(cacheDir, 'analyses').length, 5);
  assert.equal(entries(cacheDir, 'aliases').length, 5);
  assert.equal(entries(cacheDir, 'results').length, 1);

  // A new SourceCache on the same folder is a restarted worker: nothing in memory.
  const restarted = new SourceCache(new DiskCache(cacheDir, 64 * MB), 'engine-a');
  const second = await compareJob(job, restarted);
  assert.equal(second.stats.result, 'hit');
  assert.equal(second.analysis, undefined, 'nothing compared');
  assert.deepEqual(second.model, first.model);
  assert.deepEqual(second.analysisKeys, first.analysisKeys);
});

test('a changed source invalidates the result; only that source is analysed again, the rest come from disk or memory', async () => {
  const { cacheDir, cache, job } = setup();
  await compareJob(job, cache);
  await cache.flush();
  appendFileSync(job.files[1], '\n\nA late paragraph: officials said 12 ships were seized.\n');
  const inMemory = await compareJob(job, cache);
  assert.deepEqual(inMemory.stats, { sources: 5, memory: 4, disk: 0, computed: 1, result: 'miss' });
  assert.deepEqual(inMemory.model, await fresh(job), 'never the stale result');
  await cache.flush();

  const restarted = new SourceCache(new DiskCache(cacheDir, 64 * MB), 'engine-a');
  writeFileSync(job.files[3], readFileSync(job.files[3], 'utf8').replace('Russia', 'Moscow'));
  const fromDisk = await compareJob(job, restarted);
  assert.deepEqual(fromDisk.stats, { sources: 5, memory: 0, disk: 4, computed: 1, result: 'miss' });
  assert.deepEqual(fromDisk.model, await fresh(job));
});

test('a removed source, a metadata override or another engine build gives another result key', async () => {
  const { cacheDir, cache, job } = setup();
  const all = await compareJob(job, cache);
  const fewer = await compareJob({ ...job, files: job.files.slice(1) }, cache);
  assert.equal(fewer.stats.result, 'miss');
  assert.equal(fewer.model.sources.length, 4);
  assert.equal(fewer.stats.computed, 0);

  const override = await compareJob({ ...job, overrides: { [job.files[0]]: { outlet: 'The Daily Test' } } }, cache);
  assert.equal(override.stats.result, 'miss');
  assert.equal(override.stats.computed, 1, 'the overridden source is analysed with its new metadata');
  assert.equal(override.model.sources.find((s) => s.path === job.files[0])?.outlet, 'The Daily Test');
  await cache.flush();

  const otherBuild = new SourceCache(new DiskCache(cacheDir, 64 * MB), 'engine-b');
  const again = await compareJob(job, otherBuild);
  assert.equal(again.stats.result, 'miss', 'a result of another build is never used');
  assert.equal(again.stats.disk, 5, 'analyses are keyed by what they read and their version, so they still are');
  assert.deepEqual(again.model, all.model);
});

test('damaged, truncated and foreign entries read as misses, are deleted and rewritten; the comparison never fails', async () => {
  const { cacheDir, cache, job } = setup();
  const first = await compareJob(job, cache);
  await cache.flush();
  const [a0, a1, a2] = entries(cacheDir, 'analyses');
  const result = entries(cacheDir, 'results')[0];
  const file = (kind: string, name: string) => join(cacheDir, kind, name);
  // Truncated (a copy cut short), a flipped byte with the header intact, and another format entirely.
  const t = readFileSync(file('analyses', a0));
  writeFileSync(file('analyses', a0), t.subarray(0, t.length >> 1));
  const f = Buffer.from(readFileSync(file('analyses', a1)));
  f[f.length - 10] ^= 1;
  writeFileSync(file('analyses', a1), f);
  writeFileSync(file('analyses', a2), 'garbage\n{}');
  writeFileSync(file('results', result), 'corroborate-cache 1 3 0000\nabc');
  for (const alias of entries(cacheDir, 'aliases')) writeFileSync(file('aliases', alias), '');

  const restarted = new SourceCache(new DiskCache(cacheDir, 64 * MB), 'engine-a');
  const second = await compareJob(job, restarted);
  assert.deepEqual(second.stats, { sources: 5, memory: 0, disk: 2, computed: 3, result: 'miss' });
  assert.deepEqual(second.model, first.model);
  await restarted.flush();
  const third = await compareJob(job, new SourceCache(new DiskCache(cacheDir, 64 * MB), 'engine-a'));
  assert.equal(third.stats.result, 'hit', 'rewritten');
});

test('an analysis of another ANALYSIS_VERSION, stored under a valid header, is not used', async () => {
  const { cacheDir, cache, job } = setup();
  const first = await compareJob(job, cache);
  await cache.flush();
  rmSync(join(cacheDir, 'results'), { recursive: true });
  rmSync(join(cacheDir, 'aliases'), { recursive: true });
  const disk = new DiskCache(cacheDir, 64 * MB);
  for (const key of first.analysisKeys) {
    const body = (await disk.read('analyses', key))!.toString('utf8');
    assert.match(body, /"version":1,/);
    await disk.write('analyses', key, body.replace(/"version":\d+,/, '"version":0,'));
  }
  const again = await compareJob(job, new SourceCache(new DiskCache(cacheDir, 64 * MB), 'engine-a'));
  assert.deepEqual(again.stats, { sources: 5, memory: 0, disk: 0, computed: 5, result: 'miss' });
  assert.deepEqual(again.model, first.model);
});

test('DiskCache: hit, miss, atomic rewrite, eviction of the least recently used beyond the limit', async () => {
  const dir = tempDir();
  const disk = new DiskCache(dir, 10_000);
  const key = (i: number) => i.toString(16).padStart(64, '0');
  assert.equal(await disk.read('analyses', key(1)), undefined, 'miss');
  assert.equal(await disk.write('analyses', key(1), 'one'), true);
  assert.equal((await disk.read('analyses', key(1)))?.toString(), 'one', 'hit');
  await disk.write('analyses', key(1), 'uno');
  assert.equal((await disk.read('analyses', key(1)))?.toString(), 'uno');
  await assert.rejects(disk.read('analyses', '../../etc/passwd'), /not a cache key/);

  // Twelve entries of ~1 KB each under a 10 KB limit; 0–5 used long ago, 6–11 recently.
  for (let i = 0; i < 12; i++) await disk.write('analyses', key(i), 'x'.repeat(1000));
  const t0 = Date.now() / 1000;
  for (let i = 0; i < 12; i++) utimesSync(join(dir, 'analyses', key(i)), t0 - 1000 + i * 10, t0 - 1000 + i * 10);
  await disk.read('analyses', key(0)); // used now: most recent
  await new Promise((r) => setTimeout(r, 50));
  const report = await disk.evict();
  const left = readdirSync(join(dir, 'analyses')).sort();
  assert.ok(report.bytes <= 8_000, `down to 80 % of the limit (${report.bytes})`);
  assert.ok(left.includes(key(0)), 'the entry read last stays');
  assert.ok(!left.includes(key(1)) && !left.includes(key(2)), 'the least recently used go first');
  assert.ok(left.includes(key(11)));
  assert.equal(report.removed, 12 - left.length);
  assert.equal(await disk.evictIfWritten(), undefined, 'no pass when nothing was written');
});

test('DiskCache: concurrent writers of one key (two caches on one folder) never leave a reader half an entry', async () => {
  const dir = tempDir();
  const a = new DiskCache(dir, 1e9);
  const b = new DiskCache(dir, 1e9);
  const key = 'ab'.repeat(32);
  const bodies = [Buffer.from('A'.repeat(200_000)), Buffer.from('B'.repeat(300_000)), serialize({ big: 'C'.repeat(100_000) })];
  const valid = bodies.map((b) => b.toString('latin1'));
  const seen = new Set<string>();
  let reads = 0;
  let writing = true;
  const writer = async (cache: DiskCache, offset: number) => {
    for (let i = 0; i < 30; i++) assert.equal(await cache.write('results', key, bodies[(i + offset) % 3]), true);
  };
  const reader = async () => {
    while (writing) {
      // Reads block (DiskCache.read): let the writers' I/O run between them, as another thread's would.
      await new Promise((r) => setImmediate(r));
      const r = await a.read('results', key);
      if (r) {
        reads++;
        seen.add(r.toString('latin1'));
      }
    }
  };
  const readers = [reader(), reader()];
  await Promise.all([writer(a, 0), writer(b, 1)]);
  writing = false;
  await Promise.all(readers);
  assert.ok(reads > 0, 'readers saw entries while writers wrote');
  const final = (await b.read('results', key))!.toString('latin1');
  for (const s of [...seen, final]) assert.ok(valid.includes(s), 'every read is one whole entry');
  assert.deepEqual(readdirSync(join(dir, 'results')), [key], 'no temporary files left');
});

test('without a storage folder the cache works in memory', async () => {
  const { job } = setup();
  const cache = new SourceCache(undefined, 'engine-a');
  const first = await compareJob(job, cache);
  const second = await compareJob(job, cache);
  assert.deepEqual(second.stats, { sources: 5, memory: 5, disk: 0, computed: 0, result: 'miss' });
  assert.deepEqual(second.model, first.model);
  await cache.flush();
});

test('a set with an unreadable file is compared through the CLI reader, with its problem, and its result is not stored', async () => {
  const { cache, job, cacheDir } = setup();
  const missing = join(job.files[0] + '.gone.txt');
  const folder = join(cacheDir, '..', 'a-folder.txt');
  mkdirSync(folder);
  const big = join(cacheDir, '..', 'big.txt');
  writeFileSync(big, 'A long report. '.repeat(20_000));
  const withMissing = { ...job, files: [...job.files, missing, folder, big], maxBytes: 200_000 };
  const res = await compareJob(withMissing, cache);
  assert.equal(res.stats.result, 'uncached');
  assert.equal(res.model.problems[0].message, 'no such file or folder');
  const cli = loadSources(withMissing.files, withMissing.maxBytes).flatMap((l) => (l.ok ? [] : [{ path: l.path, reason: l.reason, message: l.message }]));
  assert.deepEqual(res.model.problems, cli, 'the problems the CLI reports, in its words');
  assert.equal(res.model.sources.length, 5);
  await cache.flush();
  assert.equal(entries(cacheDir, 'results').length, 0);
  assert.equal(entries(cacheDir, 'analyses').length, 5, 'its analyses are stored all the same');
});

const WORKER = join(__dirname, '..', '..', 'dist', 'engineWorker.js');

test('the worker (dist/engineWorker.js): a restarted worker answers from the disk cache, and checks drafts against the cached analyses', { skip: !existsSync(WORKER) && 'not built' }, async () => {
  const { cacheDir, job } = setup();
  const engine = new EngineClient(WORKER, { cacheDir });
  try {
    const first = await engine.request({ type: 'compare', indexKey: 1, ...job });
    assert.ok(first.type === 'model');
    assert.equal(first.cache.computed, 5);
    const usage = await engine.request({ type: 'cache', action: 'usage' });
    assert.ok(usage.type === 'cache');
    assert.deepEqual(usage.usage.files, { analyses: 5, aliases: 5, results: 1 });
    assert.equal(usage.usage.dir, join(cacheDir, 'v1'));

    engine.terminate(); // a restart: the next request starts a fresh thread
    const second = await engine.request({ type: 'compare', indexKey: 2, ...job });
    assert.ok(second.type === 'model');
    assert.equal(second.cache.result, 'hit');
    assert.deepEqual(second.model, first.model);

    const input = draft('veto-draft.md');
    const checked = await engine.request({ type: 'checkDraft', index: { key: 2, job }, draft: input, version: 1, options: { confirmations: true } });
    assert.ok(checked.type === 'draftChecked');
    assert.deepEqual(checked.diagnostics, checkDraft(input, seeds(), { confirmations: true }));

    const cleared = await engine.request({ type: 'cache', action: 'clear' });
    assert.ok(cleared.type === 'cache');
    assert.equal(cleared.usage.bytes, 0);
    assert.equal(existsSync(join(cacheDir, 'v1')), false);
    const third = await engine.request({ type: 'compare', indexKey: 3, ...job });
    assert.ok(third.type === 'model' && third.cache.result === 'miss' && third.cache.computed === 5);
  } finally {
    engine.dispose();
  }
});

test('DiskCache: eviction passes run when the cache may have outgrown its limit, not after every write', async () => {
  const dir = tempDir();
  const disk = new DiskCache(dir, 10_000);
  const key = (i: number) => i.toString(16).padStart(64, '0');
  for (let i = 0; i < 3; i++) await disk.write('analyses', key(i), 'x'.repeat(1000));
  assert.ok(await disk.evictIfWritten(), 'the first pass counts what is there');
  await disk.write('analyses', key(3), 'x'.repeat(1000));
  assert.equal(await disk.evictIfWritten(), undefined, 'still under the limit: no pass');
  for (let i = 4; i < 12; i++) await disk.write('analyses', key(i), 'x'.repeat(1000));
  const report = await disk.evictIfWritten();
  assert.ok(report && report.removed > 0 && report.bytes <= 8_000, JSON.stringify(report));
  assert.equal(readdirSync(join(dir, 'analyses')).length, report.entries);
});
