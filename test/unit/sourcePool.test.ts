import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { collectSourceFiles, loadSource, uniqueIds } from '../../src/cli/collect';
import { readSourceBytes } from '../../src/cli/sourceBytes';
import { compareSources } from '../../src/core/compare/compareSources';
import { compareAnalysed, type SourceAnalysis } from '../../src/core/compare/sourceAnalysis';
import { analysisKey } from '../../src/node/sourceAnalysisKey';
import { renderJson } from '../../src/core/report/json';
import { analyseSourceFiles } from '../../src/node/analyseSourceFiles';
import { SourcePool, threadsFor, workerScriptBeside, type PoolOptions, type PoolStats } from '../../src/node/sourcePool';
import { performTask, type Loaded } from '../../src/node/sourceTask';
import { BAD_FILES } from '../badFiles';
import { SEEDS_DIR } from '../helpers';

const ROOT = join(__dirname, '..', '..');
const MAX = 64 * 1024;

/**
 * The files of every test here: the seeds, the quake outlets, the HTML and Markdown fixtures,
 * invented reports with open and infinite figure bounds, and files that cannot be read
 * (empty, binary, too large, missing, a folder), with one base name twice.
 */
const FILES = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-pool-test-'));
  const invented = join(dir, 'invented');
  mkdirSync(join(invented, 'again'), { recursive: true });
  writeFileSync(join(invented, 'open.txt'), 'Quake hits Tarsville\n\nAt least 41 people were killed and more than 200 injured, officials said; fewer than 3 roads are open.\n\n"We have never seen anything like it," said Mayor Ilse Varga.\n');
  writeFileSync(join(invented, 'huge.md'), `# A count past every number\n\nThe agency counted 1${'0'.repeat(400)} grains and at least 12 lorries, said Ilse Vargha.\n`);
  writeFileSync(join(invented, 'again', 'open.txt'), 'Tarsville quake\n\nOver 250 were hurt when the quake struck Tarsville, the mayor, Ilse Vargha, said.\n');
  writeFileSync(join(invented, 'too-large.txt'), 'Officials counted 31 inspectors. '.repeat(MAX / 16));
  const bad = join(dir, 'bad');
  mkdirSync(join(bad, 'folder.txt'), { recursive: true });
  for (const f of BAD_FILES) f.make(join(bad, f.name));
  const listed = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  return [
    ...listed(SEEDS_DIR),
    ...listed(join(ROOT, 'test/fixtures/quake/sources')),
    ...listed(join(ROOT, 'test/fixtures/sources')),
    ...listed(invented),
    ...listed(bad),
    join(bad, 'folder.txt'),
    join(bad, 'gone.txt'),
  ];
})();
const IDS = uniqueIds(FILES);

/** What the calling thread alone makes of the files: `loadSource` as the CLI calls it, then `analyseSource`. */
async function inProcess(files: string[], ids: string[]): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (let i = 0; i < files.length; i++) out.push((await performTask({ kind: 'load', path: files[i], id: ids[i], maxBytes: MAX })) as Loaded);
  return out;
}

async function inPool(options: Omit<PoolOptions, 'tasks'>, files = FILES, ids = IDS): Promise<{ outcomes: Loaded[]; stats: PoolStats }> {
  let stats: PoolStats | undefined;
  const outcomes = await analyseSourceFiles(files, ids, MAX, { ...options, onStats: (s) => (stats = s) });
  return { outcomes, stats: stats! };
}

const expected = inProcess(FILES, IDS);

test('the files of these tests cover what must survive the trip from a worker', async () => {
  const want = await expected;
  const analyses = want.flatMap((o) => (o.ok ? [o.analysis] : []));
  const figures = analyses.flatMap((a) => a.figures);
  assert.ok(figures.some((f) => f.hi === Infinity && Number.isFinite(f.lo)), 'an open interval');
  assert.ok(figures.some((f) => f.lo === Infinity), 'a figure past every number');
  assert.ok(analyses.some((a) => a.doc.meta.title) && analyses.some((a) => a.quotes.length > 0) && analyses.some((a) => a.names.some((n) => n.resolvedTo)));
  assert.ok(analyses.some((a) => a.doc.path.endsWith('.html')) && analyses.some((a) => a.doc.notes.length > 0));
  const reasons = new Set<string>(want.flatMap((o) => (o.ok ? [] : [o.problem.reason])));
  for (const r of ['empty', 'binary', 'too-large', 'missing', 'unreadable', 'unsupported']) assert.ok(reasons.has(r), r);
  assert.ok(IDS.includes('invented/open.txt') && IDS.includes('again/open.txt'), 'ids made unique');
});

test('worker threads give exactly what the calling thread gives: every field, in order, problems worded as loadSource words them', async () => {
  const { outcomes, stats } = await inPool({ workers: 2, inProcess: false });
  assert.deepEqual(stats, { workers: 2, lost: 0, byWorkers: FILES.length, inProcess: 0 }, 'every file analysed in a worker');
  // deepStrictEqual: numbers by Object.is (±Infinity, −0, NaN), typed arrays by type and content.
  assert.deepStrictEqual(outcomes, await expected);
  const a = outcomes.find((o) => o.ok)!;
  assert.ok(a.ok && a.analysis.doc.normToRaw instanceof Int32Array);
  for (let i = 0; i < FILES.length; i++) {
    const o = outcomes[i];
    if (o.ok) continue;
    const l = loadSource(FILES[i], MAX);
    assert.deepEqual(o.problem, l.ok ? undefined : { path: l.path, reason: l.reason, message: l.message }, FILES[i]);
  }
});

test('the CLI’s path through the pool gives the JSON of compareSources', async () => {
  const { files } = await collectSourceFiles([SEEDS_DIR, join(ROOT, 'test/fixtures/quake/sources')]);
  const ids = uniqueIds(files);
  const { outcomes, stats } = await inPool({ workers: 1, inProcess: true }, files, ids);
  assert.equal(stats.byWorkers + stats.inProcess, files.length);
  const analyses = outcomes.flatMap((o) => (o.ok ? [o.analysis] : []));
  const inputs = await Promise.all(files.map(async (f, i) => {
    const l = loadSource(f);
    assert.ok(l.ok);
    return { id: ids[i], path: l.path, read: l.read };
  }));
  assert.equal(renderJson(compareAnalysed(analyses)), renderJson(compareSources(inputs)));
});

test('−0 and NaN bounds survive the structured clone a worker’s answer goes through', async () => {
  const [first] = (await expected).flatMap((o) => (o.ok && o.analysis.figures.length > 0 ? [o.analysis] : []));
  const odd: SourceAnalysis = { ...first, figures: first.figures.map((f, i) => ({ ...f, lo: [-0, NaN, -Infinity][i % 3], hi: [NaN, -0, Infinity][i % 3] })) };
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ n: 0, outcome: { ok: true, analysis: odd } });
  const back = receiveMessageOnPort(port2)!.message as { outcome: { analysis: SourceAnalysis } };
  port1.close();
  assert.deepStrictEqual(back.outcome.analysis, odd);
  assert.ok(Object.is(back.outcome.analysis.figures[0].lo, -0));
});

test('parse then analyse (the extension’s path): bytes in hand, an override, the analysis key', async () => {
  const files = FILES.slice(0, 12);
  const override = { outlet: 'Edited Outlet' };
  // Read as the extension reads them: each a view of a larger read buffer.
  const bytes = await Promise.all(files.map(async (f) => {
    const got = await readSourceBytes(f, MAX);
    assert.ok(got.ok && got.bytes.byteLength < got.bytes.buffer.byteLength);
    return got.bytes;
  }));
  const tasks = files.map((path, i) => ({ kind: 'parse' as const, path, id: IDS[i], bytes: bytes[i], override: i % 2 ? override : undefined }));
  const pool = new SourcePool({ tasks: files.length, workers: 1, inProcess: false });
  try {
    const parsed = await Promise.all(tasks.map((t) => pool.run(t)));
    for (let i = 0; i < files.length; i++) {
      const p = parsed[i];
      assert.deepStrictEqual(p, await performTask(tasks[i]));
      assert.ok(p.ok);
      assert.equal(p.key, analysisKey(p.input));
      if (i % 2) assert.equal(p.input.read.meta.outlet, 'Edited Outlet');
    }
    const inputs = parsed.flatMap((p) => (p.ok ? [p.input] : []));
    const analysed = await Promise.all(inputs.map((input) => pool.run({ kind: 'analyse', input })));
    for (let i = 0; i < inputs.length; i++) assert.deepStrictEqual(analysed[i], await performTask({ kind: 'analyse', input: inputs[i] }));
    assert.equal(pool.stats.byWorkers, files.length + inputs.length);
  } finally {
    pool.close();
  }
});

test('a worker that dies with files in hand loses none: the calling thread does them, with the same result', async () => {
  const { outcomes, stats } = await inPool({ workers: 1, inProcess: false, crashAfter: 3 });
  assert.equal(stats.lost, 1);
  assert.ok(stats.byWorkers <= 3 && stats.inProcess >= FILES.length - 3, JSON.stringify(stats));
  assert.equal(stats.byWorkers + stats.inProcess, FILES.length);
  assert.deepStrictEqual(outcomes, await expected);
});

test('a worker that cannot start: every file is done in the calling thread', async () => {
  const { outcomes, stats } = await inPool({ workers: 2, inProcess: false, script: join(tmpdir(), 'no-such-dir', 'analyseWorker.js') });
  assert.deepEqual(stats, { workers: 2, lost: 2, byWorkers: 0, inProcess: FILES.length });
  assert.deepStrictEqual(outcomes, await expected);
});

test('a task that throws in a worker throws the same error in the calling thread', async () => {
  const broken = { kind: 'analyse' as const, input: { id: 'x.txt', path: 'x.txt', read: null as never } };
  const error = await performTask(broken).then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof TypeError);
  const pool = new SourcePool({ tasks: 1, workers: 1, inProcess: false });
  try {
    await assert.rejects(pool.run(broken), (e: unknown) => e instanceof TypeError && e.message === error.message);
    assert.deepEqual(pool.stats, { workers: 1, lost: 0, byWorkers: 0, inProcess: 0 });
  } finally {
    pool.close();
  }
});

test('the order the files are given in changes nothing but the order of the outcomes', async () => {
  const order = FILES.map((_, i) => i).sort((a, b) => ((a * 7919) % 101) - ((b * 7919) % 101));
  const { outcomes } = await inPool({ workers: 2 }, order.map((i) => FILES[i]), order.map((i) => IDS[i]));
  const want = await expected;
  order.forEach((i, k) => assert.deepStrictEqual(outcomes[k], want[i], FILES[i]));
  const analyses = (xs: Loaded[]) => xs.flatMap((o) => (o.ok ? [o.analysis] : []));
  assert.equal(renderJson(compareAnalysed(analyses(outcomes))), renderJson(compareAnalysed(analyses(want))));
});

const threads = () => readdirSync('/proc/self/task').length;

test('close() rejects what is left and ends the workers', { skip: !existsSync('/proc/self/task') && 'no /proc' }, async () => {
  const before = threads();
  const pool = new SourcePool({ tasks: FILES.length, workers: 2, inProcess: false });
  const all = FILES.map((path, i) => pool.run({ kind: 'load', path, id: IDS[i], maxBytes: MAX }));
  await new Promise((r) => setTimeout(r, 50));
  assert.ok(threads() >= before + 2, 'two worker threads running');
  pool.close();
  for (const p of all) await assert.rejects(p, /the source pool was closed/);
  await assert.rejects(pool.run({ kind: 'load', path: FILES[0], id: IDS[0], maxBytes: MAX }), /closed/);
  for (let i = 0; i < 100 && threads() > before; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(threads(), before, 'the worker threads are gone');
});

test('workers only where they pay: none for a few files or on one core, at most 7', () => {
  assert.equal(threadsFor(5, 2), 1, 'the seeds: the calling thread alone');
  assert.equal(threadsFor(127, 16), 1);
  assert.equal(threadsFor(128, 2), 2);
  assert.equal(threadsFor(2000, 2), 2, 'one worker on two cores');
  assert.equal(threadsFor(2000, 1), 1, 'none on one core');
  assert.equal(threadsFor(2000, 64), 8, 'at most 7 workers');
  assert.equal(threadsFor(400, 64), 4);
  assert.equal(workerScriptBeside('/x/dist/cli.js', '/x/dist'), join('/x/dist', 'analyseWorker.js'));
  assert.equal(workerScriptBeside('/x/src/node/sourcePool.ts', '/x/src/node'), join('/x/src/node', 'analyseWorker.ts'));
});

const BUNDLE = join(ROOT, 'dist', 'analyseWorker.js');

test('the bundled worker (dist/analyseWorker.js) gives the same outcomes', { skip: !existsSync(BUNDLE) && 'not built' }, async () => {
  const { outcomes, stats } = await inPool({ workers: 1, inProcess: false, script: BUNDLE });
  assert.deepEqual(stats, { workers: 1, lost: 0, byWorkers: FILES.length, inProcess: 0 });
  assert.deepStrictEqual(outcomes, await expected);
});
