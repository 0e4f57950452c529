import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { ANALYSIS_VERSION } from '../../core/compare/sourceAnalysis';
import { DiskCache } from '../cache/diskCache';
import { SourceCache } from '../cache/sourceCache';

/** What the extension host gives the worker when it starts it (`new Worker(path, { workerData })`). */
export interface EngineWorkerData {
  /** The cache folder, in the extension's global storage; none: the cache is kept in memory only. */
  cacheDir?: string;
  cacheMaxBytes?: number;
}

export const DEFAULT_CACHE_MAX_BYTES = 512 * 1024 * 1024;

/**
 * The worker's one cache. Its engine id is a hash of the worker's own bundle: a rebuilt or
 * updated extension never reads results or file aliases an older engine made (analyses carry
 * their own version and a key over what they read).
 */
export const workerCache: SourceCache = makeCache((workerData ?? {}) as EngineWorkerData);

function makeCache(data: EngineWorkerData): SourceCache {
  const disk = data.cacheDir ? new DiskCache(join(data.cacheDir, 'v1'), data.cacheMaxBytes ?? DEFAULT_CACHE_MAX_BYTES) : undefined;
  return new SourceCache(disk, engineId());
}

function engineId(): string {
  const h = createHash('sha256').update(`analysis-v${ANALYSIS_VERSION}`);
  try {
    h.update(readFileSync(__filename));
  } catch {
    h.update(String(Date.now())); // unreadable bundle: no result of this process is found again
  }
  return h.digest('hex').slice(0, 32);
}
