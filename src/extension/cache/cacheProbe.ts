import * as vscode from 'vscode';
import { join } from 'node:path';
import type { EngineClient } from '../worker/engineClient';
import type { CacheStats, CacheUsage } from '../worker/messages';
import { HostBlockMonitor, type HostBlocks } from '../worker/hostBlocks';

/**
 * The cache folder: in the extension's global storage (shared by every workspace, since
 * entries are keyed by content), never next to the sources. Undefined where global storage
 * is not a local folder: the worker then keeps its cache in memory only.
 */
export function cacheDirOf(context: vscode.ExtensionContext): string | undefined {
  const uri = context.globalStorageUri;
  return uri.scheme === 'file' ? join(uri.fsPath, 'cache') : undefined;
}

/** What the in-VS Code tests and the responsiveness benchmark see of the cache (test API only). */
export interface CacheProbe {
  /** How many comparisons have finished so far (a mark for `since`). */
  runs(): number;
  /** Where the analyses of the comparisons finished since the mark came from, oldest first (the last 20 are kept). */
  since(mark: number): CacheStats[];
  /** The cache folder's entries, after the worker's pending writes. */
  usage(): Promise<CacheUsage>;
  /** A restart, as far as the cache can tell: the worker thread is stopped, so all it held in memory is gone. */
  restartWorker(): Promise<void>;
  /** Starts measuring how long the extension host's event loop is blocked; `stop` returns the figures. */
  measureHost(): { stop(): HostBlocks };
}

export function cacheProbe(engine: EngineClient, runner: { cacheLog: ReadonlyArray<CacheStats & { run: number }> }): CacheProbe {
  const usage = async (): Promise<CacheUsage> => {
    const res = await engine.request({ type: 'cache', action: 'usage' });
    if (res.type !== 'cache') throw new Error(res.type === 'error' ? res.message : `unexpected answer ${res.type}`);
    return res.usage;
  };
  return {
    runs: () => (runner.cacheLog.at(-1)?.run ?? -1) + 1,
    since: (mark) => runner.cacheLog.filter((s) => s.run >= mark).map(({ run: _run, ...stats }) => stats),
    usage,
    restartWorker: async () => {
      await usage(); // lets the worker finish writing first
      engine.terminate();
    },
    measureHost: () => {
      const m = new HostBlockMonitor();
      m.start();
      return { stop: () => m.stop() };
    },
  };
}
