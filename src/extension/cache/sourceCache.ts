import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { ANALYSIS_VERSION, deserialiseAnalysis, serialiseAnalysis, type SourceAnalysis } from '../../core/compare/sourceAnalysis';
import type { ViewModel } from '../../core/view/viewModel';
import type { DiskCache } from './diskCache';

/**
 * Sources analysed once, and comparisons made once, kept across comparisons (in memory) and
 * across restarts of VS Code (on disk, `DiskCache`). Three kinds of entry:
 *
 * - analyses, keyed by `analysisKey` (a hash of everything the analysis reads, and the
 *   analysis version): `serialiseAnalysis` text;
 * - aliases, keyed by a file key (a hash of the file's bytes, id, path, the user's metadata
 *   override and the engine build): the analysis key the file's contents read to, so that a
 *   file seen before need not even be parsed to find its analysis;
 * - results, keyed by the file keys of a whole set: the view model and the analysis keys of
 *   its sources. The same files give the same model; any changed, added or removed file, a
 *   changed override or another engine build gives another key, so a stale result is never
 *   found.
 *
 * Runs in the engine worker, never in the extension host. Without a DiskCache (no storage
 * folder) it still keeps the latest set in memory.
 */

/** A comparison as stored: the model without its rows, and the whole model as wire bytes (`encodeModel`, shared/modelWire.ts: rows sparse). */
export interface CachedResult {
  analysisKeys: string[];
  model: ViewModel;
  json: Uint8Array;
}

/** 3: `json` has sparse rows (shared/modelWire.ts); a result of format 2 reads as a miss. */
const RESULT_FORMAT = 'corroborate-result 3';

export class SourceCache {
  /** analysis key → analysis, for the sources of the latest comparisons. */
  private analyses = new Map<string, SourceAnalysis>();
  /** file key → analysis key. */
  private aliases = new Map<string, string>();
  private pending: Array<Promise<unknown>> = [];
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    readonly disk: DiskCache | undefined,
    /** Identifies the engine build: a file key or result from another build never matches. */
    readonly engineId: string,
  ) {}

  /** The key of one file as read: its bytes and everything else that decides its analysis. */
  fileKey(file: { id: string; path: string; bytes: Uint8Array; override?: unknown }): string {
    const h = createHash('sha256');
    const part = (s: string) => h.update(`${s.length}:`).update(s);
    part(`corroborate-file-v${ANALYSIS_VERSION}`);
    part(this.engineId);
    part(file.id);
    part(file.path);
    part(JSON.stringify(file.override ?? null));
    h.update(`${file.bytes.byteLength}:`).update(file.bytes);
    return h.digest('hex');
  }

  /** The key of a comparison of these files (in any order). */
  resultKey(fileKeys: string[]): string {
    const h = createHash('sha256').update(`${RESULT_FORMAT}\u0000${this.engineId}\u0000`);
    for (const k of [...fileKeys].sort()) h.update(k).update('\u0000');
    return h.digest('hex');
  }

  /** The analysis a file key was seen to read to, with its key; undefined when unknown. */
  async byFile(fileKey: string, expect: { id: string; path: string }): Promise<{ key: string; analysis: SourceAnalysis; from: 'memory' | 'disk' } | undefined> {
    let key = this.aliases.get(fileKey);
    if (key === undefined && this.disk) {
      const body = await this.disk.read('aliases', fileKey);
      const text = body?.toString('utf8');
      if (text && /^[0-9a-f]{64}$/.test(text)) key = text;
    }
    if (key === undefined) return undefined;
    const found = await this.byKey(key, expect);
    if (!found) return undefined;
    this.aliases.set(fileKey, key);
    return { key, ...found };
  }

  /** The analysis with this key, from memory or disk; a damaged or foreign entry is dropped. */
  async byKey(key: string, expect?: { id: string; path: string }): Promise<{ analysis: SourceAnalysis; from: 'memory' | 'disk' } | undefined> {
    const held = this.analyses.get(key);
    if (held) return { analysis: held, from: 'memory' };
    if (!this.disk) return undefined;
    const body = await this.disk.read('analyses', key);
    if (!body) return undefined;
    let analysis: SourceAnalysis;
    try {
      analysis = deserialiseAnalysis(body.toString('utf8'));
    } catch {
      await this.disk.remove('analyses', key);
      return undefined;
    }
    if (expect && (analysis.doc.id !== expect.id || analysis.doc.path !== expect.path)) return undefined;
    this.analyses.set(key, analysis);
    return { analysis, from: 'disk' };
  }

  /** Keeps a new analysis (and which file key it came from) in memory, and writes it to disk. */
  store(key: string, analysis: SourceAnalysis, fileKey?: string): void {
    this.analyses.set(key, analysis);
    if (fileKey) this.aliases.set(fileKey, key);
    const disk = this.disk;
    if (!disk) return;
    this.pending.push(disk.write('analyses', key, serialiseAnalysis(analysis)));
    if (fileKey) this.pending.push(disk.write('aliases', fileKey, key));
  }

  /** Remembers that a file key reads to an analysis already stored. */
  alias(fileKey: string, key: string): void {
    if (this.aliases.get(fileKey) === key) return;
    this.aliases.set(fileKey, key);
    if (this.disk) this.pending.push(this.disk.write('aliases', fileKey, key));
  }

  async result(key: string): Promise<CachedResult | undefined> {
    const body = await this.disk?.read('results', key);
    if (!body) return undefined;
    try {
      const entry = deserialize(body) as { format?: unknown } & Partial<CachedResult>;
      if (entry?.format !== RESULT_FORMAT || !Array.isArray(entry.analysisKeys) || !entry.model || typeof entry.model !== 'object' || !(entry.json instanceof Uint8Array)) {
        throw new Error('not a result');
      }
      return { analysisKeys: entry.analysisKeys, model: entry.model, json: entry.json };
    } catch {
      await this.disk?.remove('results', key);
      return undefined;
    }
  }

  /** Writes a comparison's result (structured-clone bytes: exactly what the host would have been sent). */
  storeResult(key: string, result: CachedResult): void {
    if (!this.disk) return;
    this.pending.push(this.disk.write('results', key, serialize({ format: RESULT_FORMAT, ...result })));
  }

  /** Keeps in memory only the analyses with these keys (those of the latest set), so memory stays bounded. */
  retain(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const k of this.analyses.keys()) if (!keep.has(k)) this.analyses.delete(k);
    for (const [f, k] of this.aliases) if (!keep.has(k)) this.aliases.delete(f);
  }

  /** Forgets everything held in memory (the disk entries stay): as a restarted worker would be. */
  forgetMemory(): void {
    this.analyses.clear();
    this.aliases.clear();
  }

  /**
   * Waits for the writes so far (also those an earlier, still running flush took over), then
   * evicts old entries if the cache grew past its limit.
   */
  flush(): Promise<void> {
    const next = this.flushing.then(() => this.drain());
    this.flushing = next.catch(() => undefined);
    return next;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await Promise.all(batch);
    }
    await this.disk?.evictIfWritten();
  }

  /** The cache folder's entries and size (after the writes so far). */
  async usage(): Promise<{ dir?: string; files: { analyses: number; aliases: number; results: number }; bytes: number; maxBytes: number }> {
    await this.flush();
    if (!this.disk) return { files: { analyses: 0, aliases: 0, results: 0 }, bytes: 0, maxBytes: 0 };
    return { dir: this.disk.dir, ...(await this.disk.usage()), maxBytes: this.disk.maxBytes };
  }

  /** Deletes every entry, on disk and in memory. */
  async clear(): Promise<void> {
    await this.flush();
    this.forgetMemory();
    await this.disk?.clear();
  }
}
