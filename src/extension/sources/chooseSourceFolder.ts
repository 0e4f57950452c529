import * as vscode from 'vscode';
import { dirname } from 'node:path';
import type { FindingsStore } from '../store/findingsStore';

/**
 * Where a fetched article is saved: the folder of the source set when there is one; when
 * the set spans several folders, or there is none, the user is asked.
 */
export async function chooseSourceFolder(store: FindingsStore): Promise<vscode.Uri | undefined> {
  const folders = [...new Set(store.sourceSet.files.map((f) => dirname(f)))];
  if (folders.length === 1) return vscode.Uri.file(folders[0]);
  const candidates = [...folders.map((f) => vscode.Uri.file(f)), ...(vscode.workspace.workspaceFolders ?? []).map((w) => w.uri)]
    .filter((u, i, all) => all.findIndex((x) => x.fsPath === u.fsPath) === i);
  const other = { label: '$(folder-opened) Choose a folder…', uri: undefined as vscode.Uri | undefined };
  const picked = candidates.length === 0 ? other : await vscode.window.showQuickPick(
    [...candidates.map((uri) => ({ label: `$(folder) ${vscode.workspace.asRelativePath(uri, true)}`, description: uri.fsPath, uri })), other],
    { title: 'Corroborate: save the article in which folder?', placeHolder: 'The folder of your sources' },
  );
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Save Here' });
  return chosen?.[0];
}
