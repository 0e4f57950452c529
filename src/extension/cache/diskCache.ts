import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * A folder of cache entries (the extension's global storage, never next to the sources):
 * `<dir>/<kind>/<key>`, each file a header line and a body. The header names the format, the
 * body's length and its SHA-256, so an entry that is truncated, damaged or written by another
 * format reads as a miss (and is deleted) instead of as wrong data. Writes go to a temporary
 * file that is renamed over the entry, so readers — in this window's worker or another
 * window's — see the old entry or the new one, never half of one. Bounded: when more than
 * `maxBytes` are stored, the least recently used entries go (reads refresh an entry's mtime).
 * Every failure is a miss or a skipped write: a cache never breaks a comparison.
 */

export type CacheKind = 'analyses' | 'aliases' | 'results';
const KINDS: CacheKind[] = ['analyses', 'aliases', 'results'];
const HEADER = 'corroborate-cache 1';
const KEY = /^[0-9a-f]{16,128}$/;
/** Eviction goes down to this share of the limit, so that it does not run after every write. */
const LOW_WATER = 0.8;
/** Temporary files older than this were left by a writer that died; eviction removes them. */
const STALE_TMP_MS = 10 * 60_000;
const WRITERS = 8;

export interface EvictionReport {
  entries: number;
  bytes: number;
  removed: number;
}

export class DiskCache {
  /** Bytes written since the last eviction pass, and what that pass counted (undefined: none yet). */
  private written = 0;
  private counted: number | undefined;
  /** Writes run a few at a time, so that thousands of new entries do not open thousands of files at once. */
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  private path(kind: CacheKind, key: string): string {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    return join(this.dir, kind, key);
  }

  /**
   * The body of an entry, or undefined (missing, unreadable, damaged: a damaged one is deleted).
   * Read with a blocking call, as sources are (cli/sourceBytes.ts): the cache lives in the
   * engine worker, and an asynchronous read waits there for libuv's threads, which the
   * extension host's process shares with VS Code.
   */
  async read(kind: CacheKind, key: string): Promise<Buffer | undefined> {
    const file = this.path(kind, key);
    let text: Buffer;
    try {
      text = readFileSync(file);
    } catch {
      return undefined;
    }
    const body = checkedBody(text);
    if (body === undefined) {
      await unlink(file).catch(() => undefined);
      return undefined;
    }
    // Most recently used: eviction goes by mtime.
    const now = new Date();
    void utimes(file, now, now).catch(() => undefined);
    return body;
  }

  /** Writes an entry atomically (temporary file, then rename). False when it could not be written. */
  async write(kind: CacheKind, key: string, body: Uint8Array | string): Promise<boolean> {
    const file = this.path(kind, key);
    const tmp = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const header = Buffer.from(`${HEADER} ${bytes.byteLength} ${sha256(bytes)}\n`, 'latin1');
    if (this.active >= WRITERS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      await mkdir(join(this.dir, kind), { recursive: true });
      await writeFile(tmp, Buffer.concat([header, bytes]));
      await rename(tmp, file);
      this.written += header.byteLength + bytes.byteLength;
      return true;
    } catch {
      await unlink(tmp).catch(() => undefined);
      return false;
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  async remove(kind: CacheKind, key: string): Promise<void> {
    await unlink(this.path(kind, key)).catch(() => undefined);
  }

  /**
   * Evicts if the cache may have grown past its limit: the first time anything is written,
   * then whenever what the last pass counted plus what was written since exceeds the limit
   * (another window's writes are counted at the next pass).
   */
  async evictIfWritten(): Promise<EvictionReport | undefined> {
    if (this.written === 0) return undefined;
    if (this.counted !== undefined && this.counted + this.written <= this.maxBytes) {
      this.counted += this.written;
      this.written = 0;
      return undefined;
    }
    return this.evict();
  }

  /**
   * Deletes the least recently used entries while more than `maxBytes` are stored (down to
   * 80 % of it), and temporary files a dead writer left behind.
   */
  async evict(): Promise<EvictionReport> {
    this.written = 0;
    const entries: Array<{ file: string; size: number; mtime: number }> = [];
    const now = Date.now();
    for (const kind of KINDS) {
      let names: string[];
      try {
        names = await readdir(join(this.dir, kind));
      } catch {
        continue;
      }
      for (const name of names) {
        const file = join(this.dir, kind, name);
        const info = await stat(file).catch(() => undefined);
        if (!info?.isFile()) continue;
        if (name.endsWith('.tmp')) {
          if (now - info.mtimeMs > STALE_TMP_MS) await unlink(file).catch(() => undefined);
          continue;
        }
        entries.push({ file, size: info.size, mtime: info.mtimeMs });
      }
    }
    let bytes = entries.reduce((n, e) => n + e.size, 0);
    let removed = 0;
    if (bytes > this.maxBytes) {
      entries.sort((a, b) => a.mtime - b.mtime);
      for (const e of entries) {
        if (bytes <= this.maxBytes * LOW_WATER) break;
        await unlink(e.file).catch(() => undefined);
        bytes -= e.size;
        removed++;
      }
    }
    this.counted = bytes;
    return { entries: entries.length - removed, bytes, removed };
  }

  /** Deletes the whole cache folder. */
  async clear(): Promise<void> {
    this.written = 0;
    this.counted = undefined;
    await rm(this.dir, { recursive: true, force: true });
  }

  /** How many entries of each kind there are and their total size (for tests and the Clear Cache message). */
  async usage(): Promise<{ files: Record<CacheKind, number>; bytes: number }> {
    const files = { analyses: 0, aliases: 0, results: 0 };
    let bytes = 0;
    for (const kind of KINDS) {
      const names = await readdir(join(this.dir, kind)).catch(() => [] as string[]);
      for (const name of names) {
        if (name.endsWith('.tmp')) continue;
        const info = await stat(join(this.dir, kind, name)).catch(() => undefined);
        if (!info?.isFile()) continue;
        files[kind]++;
        bytes += info.size;
      }
    }
    return { files, bytes };
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The body after a header that matches it, or undefined. */
function checkedBody(file: Buffer): Buffer | undefined {
  const nl = file.indexOf(0x0a);
  if (nl < 0 || nl > 200) return undefined;
  const head = file.subarray(0, nl).toString('latin1');
  if (!head.startsWith(`${HEADER} `)) return undefined;
  const m = /^(\d+) ([0-9a-f]{64})$/.exec(head.slice(HEADER.length + 1));
  if (!m) return undefined;
  const body = file.subarray(nl + 1);
  if (body.byteLength !== Number(m[1]) || sha256(body) !== m[2]) return undefined;
  return body;
}
