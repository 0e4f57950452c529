import type * as vscode from 'vscode';
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { samePath } from '../store/findingsStore';

/**
 * Whether writing to `target` would write one of the source files: the same path once `..`
 * and symbolic links are resolved, or the same file under another name (a hard link). A
 * plain comparison of paths lets "sub/../article.txt" or a link to a source through.
 */
export async function isSourceOnDisk(target: vscode.Uri, files: readonly string[]): Promise<boolean> {
  if (target.scheme !== 'file') return false;
  const t = await identity(target.fsPath);
  for (const f of files) {
    const k = await identity(f);
    if (samePath(k.path, t.path)) return true;
    if (t.ino !== undefined && k.ino === t.ino && k.dev === t.dev) return true;
  }
  return false;
}

async function identity(p: string): Promise<{ path: string; dev?: number; ino?: number }> {
  const abs = resolve(p);
  try {
    const st = await stat(abs);
    return { path: await realpath(abs), dev: st.dev, ino: st.ino };
  } catch {
    return { path: abs }; // not there (yet): only its path can match
  }
}
