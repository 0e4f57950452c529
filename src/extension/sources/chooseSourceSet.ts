import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import { samePath } from '../store/findingsStore';
import { globSet, listSet, type SavedSet } from './sourceSet';
import { expandSelection, folderSources, globSources } from './sourceFiles';
import { isSourcePath } from './sourceExtensions';

/**
 * Which sources "Compare Sources" compares when it is not given any:
 *  1. the `corroborate.sources` globs, when set (plus the files added by hand, minus those removed);
 *  2. the current set, when the active editor shows one of its files;
 *  3. the files in the active editor's folder, when it is a source and has company there;
 *  4. the current set;
 *  5. otherwise the user picks files and folders (remembered for next time).
 * Returns undefined when the user cancels the picker.
 */
export async function chooseSourceSet(store: FindingsStore): Promise<SavedSet | undefined> {
  const fromGlobs = await setFromGlobs(store);
  if (fromGlobs) return fromGlobs;
  const current = store.sourceSet;
  const active = activeSourceFile();
  const around = active && (await setAroundFile(store, active));
  if (around) return around;
  if (current.files.length > 0) return current;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Compare',
    title: 'Corroborate: choose the articles to compare (files or folders)',
  });
  if (!picked || picked.length === 0) return undefined;
  return listSet((await expandSelection(picked)).map((u) => u.fsPath));
}

/**
 * The set a source file belongs with: the current set if it is in it, else the source files
 * of its folder when there are at least two (one article has nothing to be compared with).
 */
export async function setAroundFile(store: FindingsStore, file: vscode.Uri): Promise<SavedSet | undefined> {
  const current = store.sourceSet;
  if (current.files.some((f) => samePath(f, file.fsPath))) return current;
  const siblings = await folderSources(vscode.Uri.joinPath(file, '..'), false);
  return siblings.length >= 2 ? listSet(siblings.map((u) => u.fsPath)) : undefined;
}

/**
 * The set again for Refresh and for re-runs after a file or setting changed: the globs
 * re-expanded when they are set, else the current files.
 */
export async function currentSourceSet(store: FindingsStore): Promise<SavedSet> {
  const fromGlobs = await setFromGlobs(store);
  if (fromGlobs) return fromGlobs;
  const current = store.sourceSet;
  // The globs were cleared since: what they last matched stays, as a plain list.
  return current.mode === 'globs' ? listSet(current.files) : current;
}

async function setFromGlobs(store: FindingsStore): Promise<SavedSet | undefined> {
  const { globs, files } = await globSources();
  return globs ? globSet(files.map((u) => u.fsPath), store.sourceSet) : undefined;
}

function activeSourceFile(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && uri.scheme === 'file' && isSourcePath(uri.path) ? uri : undefined;
}
