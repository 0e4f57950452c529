import * as vscode from 'vscode';
import { isSourcePath } from './sourceExtensions';
import { sourceGlobs } from '../config';

/** Folders that hold tooling, not sources (as in the CLI). */
const SKIPPED_DIRS = new Set(['node_modules']);

/**
 * The source files directly in a folder (`recursive: false`, for "the folder of the active
 * file"), or in it and its sub-folders (for a folder the user chose), in code-unit name order
 * like the CLI. Dot files and dot folders are skipped.
 */
export async function folderSources(folder: vscode.Uri, recursive: boolean): Promise<vscode.Uri[]> {
  let entries: Array<[string, vscode.FileType]>;
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    if (name.startsWith('.')) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    // Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    if (type === vscode.FileType.Directory) {
      if (recursive && !SKIPPED_DIRS.has(name)) out.push(...(await folderSources(uri, true)));
    } else if (!(type & vscode.FileType.Directory) && isSourcePath(name)) {
      // Not only regular files: a broken link or a named pipe named like a source is listed
      // so that the comparison names it with the reason instead of leaving it out. (A link
      // loop never gets here: VS Code's listing drops entries it cannot stat.)
      out.push(uri);
    }
  }
  return out;
}

/** Files as given, folders searched recursively; each file once. */
export async function expandSelection(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  // Each stat is a round trip to the workbench: a few dozen at a time, not 2,000 one after another.
  const types = new Array<vscode.FileType | undefined>(uris.length);
  let next = 0;
  const statNext = async (): Promise<void> => {
    while (next < uris.length) {
      const i = next++;
      types[i] = await vscode.workspace.fs.stat(uris[i]).then((s) => s.type, () => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, uris.length) }, statNext));
  const out: vscode.Uri[] = [];
  for (let i = 0; i < uris.length; i++) {
    const type = types[i];
    if (type === undefined) out.push(uris[i]); // missing: kept, so the comparison names it as a problem
    else if (type & vscode.FileType.Directory) out.push(...(await folderSources(uris[i], true)));
    else out.push(uris[i]);
  }
  return uniqueUris(out);
}

/** The files the `corroborate.sources` globs match, per workspace folder; empty when none are set. */
export async function globSources(): Promise<{ globs: boolean; files: vscode.Uri[] }> {
  const files: vscode.Uri[] = [];
  let globs = false;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const glob of sourceGlobs(folder)) {
      globs = true;
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), '**/node_modules/**');
      files.push(...found.filter((u) => isSourcePath(u.path)));
    }
  }
  files.sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0));
  return { globs, files: uniqueUris(files) };
}

export function uniqueUris(uris: readonly vscode.Uri[]): vscode.Uri[] {
  const seen = new Set<string>();
  return uris.filter((u) => {
    const key = u.toString();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
