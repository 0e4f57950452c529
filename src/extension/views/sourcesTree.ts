import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import { pathKey } from '../store/findingsStore';
import { ITEM } from '../ids';

export type SourceNode =
  | { type: 'source'; path: string; id: string }
  | { type: 'unreadable'; path: string; message: string }
  | { type: 'pending'; path: string };

/**
 * The Sources view: the source set as the latest comparison read it — title, outlet, id,
 * copies marked, counts of findings — plus files that could not be read and files added
 * since the last run.
 */
export class SourcesTreeProvider implements vscode.TreeDataProvider<SourceNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SourceNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FindingsStore) {
    this.subscription = store.onDidChange((c) => {
      if (c === 'model' || c === 'sources') this.emitter.fire(undefined);
    });
  }

  getChildren(element?: SourceNode): SourceNode[] {
    if (element) return [];
    const inSet = this.store.sourceSet.files;
    const model = this.store.model;
    const nodes: SourceNode[] = [];
    const covered = new Set<string>();
    const inSetByKey = new Map<string, string>();
    for (const f of inSet) if (!inSetByKey.has(pathKey(f))) inSetByKey.set(pathKey(f), f);
    const member = (p: string) => inSetByKey.get(pathKey(p));
    for (const s of model?.sources ?? []) {
      const path = member(s.path);
      if (path === undefined) continue;
      covered.add(path);
      nodes.push({ type: 'source', path, id: s.id });
    }
    for (const p of model?.problems ?? []) {
      const path = member(p.path);
      if (path === undefined || covered.has(path)) continue;
      covered.add(path);
      nodes.push({ type: 'unreadable', path, message: p.message });
    }
    for (const path of inSet) if (!covered.has(path)) nodes.push({ type: 'pending', path });
    return nodes;
  }

  getTreeItem(node: SourceNode): vscode.TreeItem {
    const uri = vscode.Uri.file(node.path);
    const open: vscode.Command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
    if (node.type === 'unreadable') {
      const item = new vscode.TreeItem(baseName(node.path));
      item.description = node.message;
      item.tooltip = `${node.path}\nCould not be read: ${node.message}`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = ITEM.unreadableSource;
      return item;
    }
    if (node.type === 'pending') {
      const item = new vscode.TreeItem(baseName(node.path));
      item.description = this.store.busy ? 'comparing…' : 'not compared yet';
      item.tooltip = node.path;
      item.iconPath = new vscode.ThemeIcon('file');
      item.contextValue = ITEM.source;
      item.command = open;
      return item;
    }
    const source = this.store.sourceById(node.id);
    // A copy carries its original's title; its own label says what it is.
    const item = new vscode.TreeItem(source?.copyOf ? `Copy: ${node.id}` : (source?.title ?? node.id));
    const findings = this.store.model?.findings.filter((f) => f.mentions.some((m) => m.source === node.id)) ?? [];
    const differ = findings.filter((f) => f.verdict === 'differ').length;
    const counts = `${differ} ≠ · ${findings.length - differ} =`;
    const who = source?.copyOf ? `copy of ${source.copyOf}` : source?.outlet;
    item.description = [who, node.id, counts].filter(Boolean).join(' · ');
    item.tooltip = tooltip(node, source, differ, findings.length - differ);
    item.iconPath = new vscode.ThemeIcon(source?.copyOf ? 'copy' : 'file-text');
    item.contextValue = ITEM.source;
    item.command = open;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Plain text, not Markdown: titles and notes come from the source file. */
function tooltip(node: SourceNode, source: ReturnType<FindingsStore['sourceById']>, differ: number, agree: number): string {
  return [
    source?.title,
    source?.outlet && `Outlet: ${source.outlet}`,
    source?.date && `Date: ${source.date}`,
    source?.url && `URL: ${source.url}`,
    source?.copyOf && `A copy of ${source.copyOf}: counted once with it`,
    `${differ} difference${differ === 1 ? '' : 's'}, ${agree} agreement${agree === 1 ? '' : 's'}`,
    ...(source?.notes ?? []).map((n) => `Note: ${n}`),
    node.path,
  ].filter((l): l is string => typeof l === 'string' && l !== '').join('\n');
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
