/**
 * 5. Cache: the extension's comparison path (`compareJob`, as the engine worker runs it:
 * read and hash every file, look the set's result up, else find each source's analysis by
 * file key / analysis key, else analyse it; compare; store) on a copy of the N-article corpus,
 * each step in a fresh process (a VS Code restart) unless it says "same process":
 *
 *   cold        an empty cache: every source read, analysed, compared; then the cache written
 *   reopen      nothing changed: the result is read from the cache
 *   one edited  one source changed: 1 analysed, N−1 analyses read from disk, compared
 *   same process, one edited: the worker still holds the analyses in memory
 *   lower bound read and hash every file, nothing else
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskCache } from '../../src/extension/cache/diskCache';
import { SourceCache } from '../../src/extension/cache/sourceCache';
import { compareJob } from '../../src/extension/worker/compareJob';
import type { SourceJob } from '../../src/extension/worker/messages';

type Step = 'cold' | 'reopen' | 'edit' | 'edit-same' | 'hash';
interface ChildOut { ms: number; flushMs: number; stats: unknown; rssMB: number; cacheMB?: number }

const ENGINE = 'bench';

function jobOf(dir: string): SourceJob {
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => join(dir, f));
  return { files, overrides: {}, maxBytes: 50 * 1024 * 1024 };
}

function editOne(dir: string, round: number): void {
  const job = jobOf(dir);
  const file = job.files[Math.floor(job.files.length / 2)];
  writeFileSync(file, `${readFileSync(file, 'utf8').replace(/ +$/, '')}\n\nEdited ${round}: officials said ${round + 3} more ships were seen.\n`);
}

export async function cacheChild(step: Step, dir: string, cacheDir: string): Promise<void> {
  const job = jobOf(dir);
  const t = performance.now();
  let out: ChildOut;
  if (step === 'hash') {
    await Promise.all(job.files.map(async (f) => createHash('sha256').update(await readFile(f)).digest('hex')));
    out = { ms: performance.now() - t, flushMs: 0, stats: null, rssMB: process.memoryUsage().rss / 1e6 };
  } else {
    const disk = new DiskCache(cacheDir, 2 * 1024 * 1024 * 1024);
    const cache = new SourceCache(disk, ENGINE);
    if (step === 'edit-same') {
      // The worker's earlier comparison (after an edit: not answered from the result cache, so
      // it holds every analysis in memory), then one more edit.
      editOne(dir, 1000 + Math.floor(Math.random() * 1e6));
      await compareJob(job, cache);
      editOne(dir, 1000 + Math.floor(Math.random() * 1e6));
    }
    const t0 = performance.now();
    const res = await compareJob(job, cache);
    const ms = performance.now() - t0;
    const f0 = performance.now();
    await cache.flush();
    const flushMs = performance.now() - f0;
    out = { ms, flushMs, stats: res.stats, rssMB: process.memoryUsage().rss / 1e6, cacheMB: (await disk.usage()).bytes / 1e6 };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runStep(step: Step, dir: string, cacheDir: string): ChildOut {
  const r = spawnSync(process.execPath, [__filename, '--child-cache', step, dir, cacheDir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`cache child (${step}) failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildOut;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const secs = (ms: number) => (ms / 1000).toFixed(2);

export async function cacheBench(corpus: string, n: number, runs: number, table: (h: string[], rows: Array<Array<string | number>>) => void): Promise<void> {
  console.log(`## 5. Cache: the extension's comparison path on ${n.toLocaleString('en-US')} articles, each step a fresh process (median of ${runs})\n`);
  const root = mkdtempSync(join(tmpdir(), 'corroborate-cache-bench-'));
  try {
    const dir = join(root, 'sources');
    cpSync(corpus, dir, { recursive: true });
    const cacheDir = join(root, 'cache');
    const rows: Array<Array<string | number>> = [];
    const measure = (label: string, step: Step, before?: (i: number) => void) => {
      const outs: ChildOut[] = [];
      for (let i = 0; i < runs; i++) {
        before?.(i);
        outs.push(runStep(step, dir, cacheDir));
      }
      const mid = outs.find((o) => o.ms === median(outs.map((x) => x.ms)))!;
      const s = mid.stats as { memory: number; disk: number; computed: number; result: string } | null;
      rows.push([label, secs(mid.ms), mid.flushMs ? secs(mid.flushMs) : '', s ? `${s.result} · ${s.memory} / ${s.disk} / ${s.computed}` : '', mid.rssMB.toFixed(0), mid.cacheMB === undefined ? '' : mid.cacheMB.toFixed(0)]);
    };
    measure('cold: empty cache (analyse all, compare)', 'cold', () => rmSync(cacheDir, { recursive: true, force: true }));
    measure('reopen, nothing changed (result from cache)', 'reopen');
    measure('reopen, one source edited (analyses from disk)', 'edit', (i) => editOne(dir, i));
    measure('same process, one source edited (analyses in memory)', 'edit-same');
    measure('lower bound: read and hash every file', 'hash');
    table(['step', 'time to model (s)', 'then writing the cache (s)', 'result · analyses memory / disk / made', 'RSS (MB)', 'cache (MB)'], rows);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
