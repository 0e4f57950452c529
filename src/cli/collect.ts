import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { ReadResult } from '../core/types';
import { SourceError } from '../core/text/decode';
import { isSourceFile, readSource } from '../core/sources/readSource';
import { DEFAULT_MAX_SOURCE_MB, problemFromError, readSourceBytes, type SourceProblem } from './sourceBytes';

export type { SourceProblem } from './sourceBytes';

export type LoadedSource = { ok: true; id: string; path: string; read: ReadResult } | ({ ok: false } & SourceProblem);

/** Folders that hold tooling, not sources. */
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * Expands arguments into source files: a file is taken as given (whatever its extension,
 * so the reader can say why it is refused); a folder is walked recursively for files with
 * source extensions, skipping dot-folders and node_modules, in name order so that runs are
 * repeatable. A file reached twice is listed once.
 */
export async function collectSourceFiles(args: string[]): Promise<{ files: string[]; problems: SourceProblem[] }> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: SourceProblem[] = [];
  const add = (p: string): void => {
    const key = resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const arg of args) {
    let info;
    try {
      info = await stat(arg);
    } catch (e) {
      problems.push(problemFromError(arg, e, 'no such file or folder'));
      continue;
    }
    if (info.isDirectory()) {
      const found = await walk(arg, problems);
      found.sort((a, b) => compareNames(relative(arg, a), relative(arg, b)));
      found.forEach(add);
    } else {
      add(arg);
    }
  }
  return { files, problems };
}

async function walk(dir: string, problems: SourceProblem[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(problemFromError(dir, e, 'folder cannot be read'));
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const p = join(dir, entry.name);
    // Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) isDir = await stat(p).then((s) => s.isDirectory(), () => false);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) out.push(...(await walk(p, problems)));
    } else if (!isDir && !entry.name.startsWith('.') && isSourceFile(entry.name)) {
      // Anything named like a source that is not a folder is listed, so that a broken link,
      // a link loop or a named pipe is reported by name instead of silently left out.
      out.push(p);
    }
  }
  return out;
}

/** Code-unit order, path separators first: the same order on every machine and locale. */
function compareNames(a: string, b: string): number {
  const x = a.split(sep).join('\u0000');
  const y = b.split(sep).join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Reads one file. The id is its base name; `loadSources` makes ids unique across a set. */
export function loadSource(path: string, maxBytes = DEFAULT_MAX_SOURCE_MB * 1024 * 1024): LoadedSource {
  const got = readSourceBytes(path, maxBytes);
  if (!got.ok) return got;
  return sourceFromBytes(path, got.bytes);
}

/**
 * The second half of `loadSource`, for bytes already read (the extension reads them first to
 * hash them): the reader is given the base name, a SourceError is the file's problem, and any
 * other failure of the reader is worded by `problemFromError`.
 */
export function sourceFromBytes(path: string, bytes: Uint8Array): LoadedSource {
  try {
    return { ok: true, id: basename(path), path, read: readSource(basename(path), bytes) };
  } catch (e) {
    if (e instanceof SourceError) return { ok: false, path, reason: e.reason, message: e.message };
    // A reader bug on one file must not take the others down with it.
    return { ok: false, ...problemFromError(path, e, 'file cannot be read') };
  }
}

/**
 * Reads all files, in order; ids are made unique where base names repeat. One after another:
 * the reads block this thread (`readSourceBytes`), which is never the extension host's.
 */
export function loadSources(paths: string[], maxBytes?: number): LoadedSource[] {
  const ids = uniqueIds(paths);
  const out: LoadedSource[] = [];
  for (let i = 0; i < paths.length; i++) {
    const loaded = loadSource(paths[i], maxBytes);
    out.push(loaded.ok ? { ...loaded, id: ids[i] } : loaded);
  }
  return out;
}

/**
 * Ids are base names ("000_report.txt"), which is what the JSON contract and users see.
 * Where two files share one, parent folders are prefixed ("a/report.txt", "b/report.txt")
 * until they differ; as a last resort the full path is used.
 */
export function uniqueIds(paths: string[]): string[] {
  const parts = paths.map((p) => resolve(p).split(sep).filter(Boolean));
  const depth = paths.map(() => 1);
  const idOf = (i: number): string => parts[i].slice(-depth[i]).join('/');
  for (let round = 0; round < 64; round++) {
    const groups = new Map<string, number[]>();
    paths.forEach((_, i) => {
      const id = idOf(i);
      groups.set(id, [...(groups.get(id) ?? []), i]);
    });
    let changed = false;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      for (const i of members) {
        if (depth[i] < parts[i].length) {
          depth[i]++;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return paths.map((_, i) => idOf(i));
}
