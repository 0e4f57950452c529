import { SourcePool, type PoolOptions, type PoolStats } from './sourcePool';
import type { Loaded } from './sourceTask';

/**
 * Reads and analyses files as the command line does (`loadSource`, then `analyseSource`), on
 * every core: one outcome per file, in the order of `paths` — the analysis, or the problem
 * worded as `loadSource` words it. `ids` are the sources' ids (`uniqueIds(paths)`).
 */
export async function analyseSourceFiles(
  paths: string[],
  ids: string[],
  maxBytes: number,
  options: Omit<PoolOptions, 'tasks'> & { onStats?: (stats: PoolStats) => void } = {},
): Promise<Loaded[]> {
  const pool = new SourcePool({ ...options, tasks: paths.length });
  try {
    return await Promise.all(paths.map((path, i) => pool.run({ kind: 'load', path, id: ids[i], maxBytes })));
  } finally {
    pool.close();
    options.onStats?.(pool.stats);
  }
}
