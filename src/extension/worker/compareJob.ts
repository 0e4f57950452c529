import { uniqueIds } from '../../cli/collect';
import { readSourceBytes } from '../../cli/sourceBytes';
import type { Problem } from '../../core/compare/compareSources';
import type { SourceAnalysis } from '../../core/compare/sourceAnalysis';
import { analyzeSet } from '../../core/compare/analyze';
import type { Analysis } from '../../core/compare/context';
import { viewModelOf } from '../../core/view/buildView';
import type { ViewModel } from '../../core/view/viewModel';
import type { SourceCache } from '../cache/sourceCache';
import { cleanOverride } from './loadJob';
import { SourcePool } from '../../node/sourcePool';
import { encodeModel } from '../../shared/modelWire';
import { withoutRows, withRowsFrom } from '../store/hostModel';
import type { CacheStats, SourceJob, WorkerTimings } from './messages';

/**
 * A comparison through the cache (cache/sourceCache.ts), in the worker:
 *
 * 1. Read every file's bytes and hash them (file keys). If a result is stored under the
 *    set's key, that is the answer: nothing is parsed or compared.
 * 2. Otherwise each file's analysis is found by its file key (memory, then disk) — an
 *    unchanged file is not even parsed — or the file is read as a source and its analysis
 *    found by `analysisKey`, or made (`analyseSource`, on every core: src/node/sourcePool.ts)
 *    and stored.
 * 3. Only the stages across sources run (`analyzeSet`), and the model is stored under the
 *    set's key.
 *
 * Files are read and parsed exactly as the CLI reads them (`readSourceBytes`, `sourceFromBytes`),
 * so a problem reads as the CLI words it. A set with a file that cannot be read at all
 * (missing, too large, not a regular file) still uses the analyses, but its result is not
 * stored.
 */

export interface Analysed {
  analyses: SourceAnalysis[];
  /** Analysis keys, in the order of `analyses`. */
  keys: string[];
  problems: Problem[];
  /** The set's result key; undefined when some file could not be read as bytes. */
  resultKey?: string;
  stats: CacheStats;
}

export interface Compared {
  /** The model; from the result cache, its rows are read from `json` when first asked for. */
  model: ViewModel;
  /** The model as UTF-8 JSON, for the panel. */
  json: Uint8Array;
  stats: CacheStats;
  /** The analysis the model was made from; undefined when the model came from the result cache. */
  analysis?: Analysis;
  analysisKeys: string[];
  /** Reading and hashing the files, and looking the set's result up. */
  timings: WorkerTimings;
}

type FileBytes = { path: string; id: string; bytes: Uint8Array; fileKey: string };

export async function compareJob(job: SourceJob, cache: SourceCache): Promise<Compared> {
  const t0 = performance.now();
  const files = readBytes(job, cache);
  const read = performance.now();
  const resultKey = resultKeyOf(files, cache);
  const hit = resultKey ? await cache.result(resultKey) : undefined;
  const timings: WorkerTimings = { readMs: read - t0, lookupMs: performance.now() - read };
  if (hit) {
    const stats: CacheStats = { sources: files.length, memory: 0, disk: 0, computed: 0, result: 'hit' };
    return { model: withRowsFrom(hit.model, hit.json), json: hit.json, stats, analysisKeys: hit.analysisKeys, timings };
  }
  const a = await analyseFiles(job, cache, files);
  const analysis = analyzeSet(sortById(a.analyses));
  const model = viewModelOf(analysis, a.problems);
  const json = encodeModel(model);
  if (resultKey) cache.storeResult(resultKey, { analysisKeys: a.keys, model: withoutRows(model), json });
  cache.retain(a.keys);
  return { model, json, stats: a.stats, analysis, analysisKeys: a.keys, timings };
}

/** The set's result key; undefined when a file could not be read (a set with a problem of reading is not cached whole). */
function resultKeyOf(files: Array<FileBytes | Problem>, cache: SourceCache): string | undefined {
  return files.every(isBytes) ? cache.resultKey(files.map((f) => f.fileKey)) : undefined;
}

/** Every readable source of the job analysed, through the cache. */
export async function analyseJob(job: SourceJob, cache: SourceCache): Promise<Analysed> {
  return analyseFiles(job, cache, readBytes(job, cache));
}

/** The analyses with these keys, from the cache; undefined if one is no longer there. */
export async function analysesByKeys(keys: string[], cache: SourceCache): Promise<SourceAnalysis[] | undefined> {
  const out: SourceAnalysis[] = [];
  for (const k of keys) {
    const found = await cache.byKey(k);
    if (!found) return undefined;
    out.push(found.analysis);
  }
  return out;
}

export function sortById(analyses: SourceAnalysis[]): SourceAnalysis[] {
  return [...analyses].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
}

async function analyseFiles(job: SourceJob, cache: SourceCache, files: Array<FileBytes | Problem>): Promise<Analysed> {
  const stats: CacheStats = { sources: 0, memory: 0, disk: 0, computed: 0, result: files.every(isBytes) ? 'miss' : 'uncached' };
  const analyses: SourceAnalysis[] = [];
  const keys: string[] = [];
  const problems: Problem[] = [];
  // Found by file key, one after another: the cache's reads block (DiskCache.read).
  const known: Array<Awaited<ReturnType<SourceCache['byFile']>>> = [];
  for (const f of files) known.push(isBytes(f) ? await cache.byFile(f.fileKey, f) : undefined);
  // The others are read as sources and analysed on every core (src/node/sourcePool.ts),
  // each looked for by its analysis key in between.
  const missed = files.flatMap((f, i) => (isBytes(f) && !known[i] ? [i] : []));
  const made = new Map<number, Made>();
  if (missed.length > 0) {
    const pool = new SourcePool({ tasks: missed.length });
    try {
      await Promise.all(missed.map(async (i) => made.set(i, await parseAndAnalyse(files[i] as FileBytes, job, cache, pool))));
    } finally {
      pool.close();
    }
  }
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const found = known[i];
    if (!isBytes(f)) {
      problems.push(f);
      continue;
    }
    if (found) {
      if (found.from === 'memory') stats.memory++;
      else stats.disk++;
      analyses.push(found.analysis);
      keys.push(found.key);
      continue;
    }
    const m = made.get(i)!;
    if ('problem' in m) {
      problems.push(m.problem);
      continue;
    }
    if (m.from === 'made') {
      stats.computed++;
      cache.store(m.key, m.analysis, f.fileKey);
    } else {
      if (m.from === 'memory') stats.memory++;
      else stats.disk++;
      cache.alias(f.fileKey, m.key);
    }
    analyses.push(m.analysis);
    keys.push(m.key);
  }
  stats.sources = analyses.length;
  return { analyses, keys, problems, stats, resultKey: resultKeyOf(files, cache) };
}

type Made = { problem: Problem } | { key: string; analysis: SourceAnalysis; from: 'memory' | 'disk' | 'made' };

/**
 * A file not known by its file key: read as a source as `loadSource` reads it (the problem
 * worded as the CLI words it) with the user's override, then its analysis found by
 * `analysisKey` or made.
 */
async function parseAndAnalyse(f: FileBytes, job: SourceJob, cache: SourceCache, pool: SourcePool): Promise<Made> {
  const parsed = await pool.run({ kind: 'parse', path: f.path, id: f.id, bytes: f.bytes, override: cleanOverride(job.overrides[f.path]) });
  if (!parsed.ok) return { problem: parsed.problem };
  const cached = await cache.byKey(parsed.key, parsed.input);
  if (cached) return { key: parsed.key, analysis: cached.analysis, from: cached.from };
  const { analysis } = await pool.run({ kind: 'analyse', input: parsed.input });
  return { key: parsed.key, analysis, from: 'made' };
}

/**
 * Every file's bytes and file key, read as the CLI reads them (`readSourceBytes`: the same
 * size limit, special files refused, the same words for a problem), or the problem.
 */
function readBytes(job: SourceJob, cache: SourceCache): Array<FileBytes | Problem> {
  const ids = uniqueIds(job.files);
  return job.files.map((path, i): FileBytes | Problem => {
    const got = readSourceBytes(path, job.maxBytes);
    if (!got.ok) return { path: got.path, reason: got.reason, message: got.message };
    const override = cleanOverride(job.overrides[path]);
    return { path, id: ids[i], bytes: got.bytes, fileKey: cache.fileKey({ id: ids[i], path, bytes: got.bytes, override }) };
  });
}

const isBytes = (f: FileBytes | Problem): f is FileBytes => 'bytes' in f;
