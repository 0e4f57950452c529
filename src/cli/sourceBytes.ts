import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { SourceErrorReason } from '../core/text/decode';

/** A file or folder that could not be used, with a message for the user. */
export interface SourceProblem {
  path: string;
  reason: SourceErrorReason;
  message: string;
}

export { DEFAULT_MAX_SOURCE_MB } from '../core/sources/sizeLimit';

/**
 * A source file's bytes, or why they cannot be had. Never blocks on something that is not a
 * regular file: a named pipe (FIFO) would make a plain read wait for a writer forever, so
 * special files are refused from `stat`, the file is opened non-blocking, and the open handle
 * is checked again (the path may have been swapped in between). A file that grows past the
 * limit while it is read is refused as well, so the limit is a real bound on memory.
 *
 * Synchronous on purpose. It runs only off the extension host's thread: in the engine worker,
 * in the pool's threads (src/node/) and in the CLI. Asynchronous reads there queue on libuv's
 * four threads, which in the extension host's process are shared with VS Code's own file and
 * compression work while a window starts: reading 2,000 sources took 0.6–1.4 s in the engine
 * worker that way, against ~0.1 s with blocking reads on the worker's own thread.
 */
export function readSourceBytes(path: string, maxBytes: number): { ok: true; bytes: Uint8Array } | ({ ok: false } & SourceProblem) {
  let fd: number | undefined;
  try {
    const info = statSync(path);
    const special = notAFile(info);
    if (special) return { ok: false, path, reason: 'unreadable', message: special };
    if (info.size > maxBytes) return { ok: false, ...tooLarge(path, info.size, maxBytes) };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = fstatSync(fd);
    const swapped = notAFile(opened);
    if (swapped) return { ok: false, path, reason: 'unreadable', message: swapped };
    if (opened.size > maxBytes) return { ok: false, ...tooLarge(path, opened.size, maxBytes) };
    // Read to the end, not to the size of the stat: a file that grew since is read whole, and
    // refused once it passes the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    let size = opened.size + 1;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(size, 64 * 1024), maxBytes + 1 - total));
      const bytesRead = readSync(fd, buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, ...tooLarge(path, total, maxBytes, 'at least ') };
      size = 0;
    }
    const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    return { ok: true, bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength) };
  } catch (e) {
    return { ok: false, ...problemFromError(path, e, 'file cannot be read') };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Nothing to do: the bytes (or the problem) are already in hand.
      }
    }
  }
}

/** Why a path that exists is not a file to read; undefined for a regular file. */
function notAFile(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'is a folder, not a file';
  if (info.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (info.isSocket()) return 'is a socket, not a file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a file';
  return 'is not a regular file';
}

export function tooLarge(path: string, size: number, maxBytes: number, atLeast = ''): SourceProblem {
  return { path, reason: 'too-large', message: `file is ${atLeast}${formatBytes(size)}, more than the limit of ${formatBytes(maxBytes)}` };
}

/**
 * The problem for an error of the file system, worded for a journalist rather than as an
 * errno. A link that points nowhere says so (ENOENT alone would read "no such file" for a
 * file the user can see in the folder).
 */
export function problemFromError(path: string, e: unknown, fallback: string): SourceProblem {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    let link = false;
    try {
      link = lstatSync(path).isSymbolicLink();
    } catch {
      // Not there at all: "no such file".
    }
    if (link) return { path, reason: 'missing', message: 'broken link: the file it points to does not exist' };
    return { path, reason: 'missing', message: 'no such file or folder' };
  }
  if (code === 'ELOOP') return { path, reason: 'unreadable', message: 'symbolic link loop: the link never reaches a file' };
  if (code === 'EACCES' || code === 'EPERM') return { path, reason: 'unreadable', message: 'permission denied' };
  if (code === 'EISDIR') return { path, reason: 'unreadable', message: 'is a folder, not a file' };
  const detail = e instanceof Error ? e.message : String(e);
  return { path, reason: 'unreadable', message: `${fallback} (${detail})` };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
