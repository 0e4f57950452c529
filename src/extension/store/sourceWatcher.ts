import * as vscode from 'vscode';
import { dirname } from 'node:path';
import type { FindingsStore } from './findingsStore';
import { samePath } from './findingsStore';
import { sourceGlobs } from '../config';

/**
 * Watches the source set's files (and, with globs, what the globs could match) and calls
 * `changed` when one is created, changed or deleted. The caller debounces. Watchers are
 * rebuilt when the set changes; folders outside the workspace are watched too.
 */
export class SourceWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly subscription: vscode.Disposable;
  private watchedKey = '';

  constructor(
    private readonly store: FindingsStore,
    private readonly changed: () => void,
  ) {
    this.subscription = store.onDidChange((c) => {
      if (c === 'sources') this.rebuild();
    });
    this.rebuild();
  }

  private rebuild(): void {
    const set = this.store.sourceSet;
    const folders = [...new Set(set.files.map((f) => dirname(f)))].sort();
    const key = `${set.mode}\u0000${folders.join('\u0000')}`;
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    this.clear();
    for (const folder of folders) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*'));
      const onMember = (uri: vscode.Uri) => {
        if (this.store.sourceSet.files.some((f) => samePath(f, uri.fsPath))) this.changed();
      };
      this.watchers.push(w, w.onDidChange(onMember), w.onDidDelete(onMember), w.onDidCreate(onMember));
    }
    if (set.mode === 'globs') {
      for (const wsFolder of vscode.workspace.workspaceFolders ?? []) {
        for (const glob of sourceGlobs(wsFolder)) {
          // New and deleted files change what the globs match; changes to members are seen above.
          const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(wsFolder, glob), false, true, false);
          this.watchers.push(w, w.onDidCreate(() => this.changed()), w.onDidDelete(() => this.changed()));
        }
      }
    }
  }

  private clear(): void {
    for (const d of this.watchers) d.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.clear();
  }
}
