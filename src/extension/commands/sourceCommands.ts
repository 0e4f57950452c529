import * as vscode from 'vscode';
import type { Services } from './services';
import type { RunOutcome } from '../store/comparisonRunner';
import { addToSet, removeFromSet } from '../sources/sourceSet';
import { expandSelection } from '../sources/sourceFiles';
import { samePath } from '../store/findingsStore';
import type { SourceNode } from '../views/sourcesTree';
import { isObject, stringField, urisFromArgs } from './args';
import { addSourceFromUrl } from './addSourceFromUrl';

/**
 * Add Source: files, a folder, or a web page (trusted workspaces only). Called with
 * `{ uris }`, a URI, or `{ url, folder? }` it asks nothing.
 */
export async function addSource(s: Services, arg?: unknown, all?: unknown): Promise<vscode.Uri[] | undefined> {
  const url = stringField(arg, 'url');
  let uris = urisFromArgs(arg, all);
  if (url !== undefined) {
    const folder = isObject(arg) && arg.folder instanceof vscode.Uri ? arg.folder : undefined;
    const saved = await addSourceFromUrl(s, url, folder);
    uris = saved ? [saved] : undefined;
  } else if (!uris) {
    uris = await askForSources(s);
  }
  if (!uris || uris.length === 0) return undefined;
  const files = await expandSelection(uris);
  if (files.length === 0) {
    void s.notifier.warn('Corroborate: no source files (.txt, .md, .html) there to add.');
    return undefined;
  }
  await s.store.setSourceSet(addToSet(s.store.sourceSet, files.map((u) => u.fsPath)));
  await s.runner.run();
  return files;
}

async function askForSources(s: Services): Promise<vscode.Uri[] | undefined> {
  const trusted = s.trust.trusted;
  const items: Array<vscode.QuickPickItem & { id: 'files' | 'folder' | 'url' }> = [
    { id: 'files', label: '$(file-add) Files…', description: '.txt, .md, .html' },
    { id: 'folder', label: '$(folder) Folder…', description: 'every source file in it and its sub-folders' },
    { id: 'url', label: '$(globe) Web page…', description: trusted ? 'fetch it and save the article as Markdown' : 'not in Restricted Mode: needs a trusted workspace' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Corroborate: add a source' });
  if (!picked) return undefined;
  if (picked.id === 'url') {
    const saved = await addSourceFromUrl(s);
    return saved ? [saved] : undefined;
  }
  return vscode.window.showOpenDialog({
    canSelectFiles: picked.id === 'files',
    canSelectFolders: picked.id === 'folder',
    canSelectMany: picked.id === 'files',
    defaultUri: s.store.sources[0] ? vscode.Uri.joinPath(s.store.sources[0], '..') : vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Add',
    filters: picked.id === 'files' ? { Articles: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml'] } : undefined,
  });
}

/**
 * Remove Source: takes files out of the set. It never deletes or writes a file. From the
 * Sources view (its node and the selection), with `{ uri }`, `{ uris }` or `{ id }`, or picked.
 */
export async function removeSource(s: Services, arg?: unknown, all?: unknown): Promise<RunOutcome | undefined> {
  let paths = pathsFromArgs(s, arg, all);
  if (!paths) {
    const items = s.store.sourceSet.files.map((path) => {
      const source = s.store.sourceByPath(path);
      return { label: source?.title ?? baseName(path), description: baseName(path), detail: path, path };
    });
    if (items.length === 0) {
      void s.notifier.info('Corroborate: the source set is empty.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Corroborate: remove sources from the set (the files stay)', canPickMany: true });
    paths = picked?.map((p) => p.path);
  }
  if (!paths || paths.length === 0) return undefined;
  const members = s.store.sourceSet.files.filter((f) => paths!.some((p) => samePath(p, f)));
  if (members.length === 0) return undefined;
  await s.store.setSourceSet(removeFromSet(s.store.sourceSet, members));
  return s.runner.run();
}

/** Paths named by a Sources view node (and the selection), URIs, or source ids. */
export function pathsFromArgs(s: Services, arg: unknown, all?: unknown): string[] | undefined {
  const nodes = [...(Array.isArray(all) ? all : []), arg].filter(isSourceNode);
  if (nodes.length > 0) return [...new Set(nodes.map((n) => n.path))];
  const uris = urisFromArgs(arg, all);
  if (uris) return uris.map((u) => u.fsPath);
  const id = stringField(arg, 'id');
  if (id !== undefined) {
    const source = s.store.sourceById(id);
    return source ? [source.path] : [];
  }
  return undefined;
}

function isSourceNode(x: unknown): x is SourceNode {
  return isObject(x) && typeof x.path === 'string' && (x.type === 'source' || x.type === 'unreadable' || x.type === 'pending');
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
