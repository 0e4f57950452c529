import * as vscode from 'vscode';
import type { FindingKind, ResultFinding } from '../../core/result';
import type { FindingsStore } from '../store/findingsStore';
import { COMMANDS } from '../ids';

export type FindingNode =
  | { type: 'group'; kind: FindingKind }
  | { type: 'finding'; id: string; kind: FindingKind }
  | { type: 'mention'; findingId: string; index: number };

const GROUPS: Array<{ kind: FindingKind; label: string; icon: string }> = [
  { kind: 'figure', label: 'Figures', icon: 'symbol-number' },
  { kind: 'name', label: 'Names', icon: 'person' },
  { kind: 'quote', label: 'Quotes', icon: 'quote' },
];

/**
 * The Findings view: findings grouped by kind, differences first (the engine's order), each
 * with its mentions. "Only differences" hides agreements here as in the panel. Nodes are
 * small keys resolved against the store, so they stay valid across re-renders and
 * `TreeView.reveal` can find them again.
 */
export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FindingNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly nodes = new Map<string, FindingNode>();

  constructor(private readonly store: FindingsStore) {
    this.subscription = store.onDidChange((c) => {
      if (c === 'model' || c === 'filter') {
        this.nodes.clear();
        this.emitter.fire(undefined);
      }
    });
  }

  /** The findings the view shows for a kind, honouring the filter. */
  visibleFindings(kind: FindingKind): ResultFinding[] {
    const findings = this.store.model?.findings ?? [];
    const only = this.store.filter.onlyDifferences;
    return findings.filter((f) => f.kind === kind && (!only || f.verdict === 'differ'));
  }

  getChildren(element?: FindingNode): FindingNode[] {
    if (!this.store.model) return [];
    if (!element) {
      if (this.store.model.findings.length === 0) return [];
      return GROUPS.map((g) => this.node({ type: 'group', kind: g.kind }));
    }
    if (element.type === 'group') return this.visibleFindings(element.kind).map((f) => this.node({ type: 'finding', id: f.id, kind: f.kind }));
    if (element.type === 'finding') {
      const f = this.store.findingById(element.id);
      return f ? f.mentions.map((_, index) => this.node({ type: 'mention', findingId: f.id, index })) : [];
    }
    return [];
  }

  getParent(element: FindingNode): FindingNode | undefined {
    if (element.type === 'group') return undefined;
    if (element.type === 'finding') return this.node({ type: 'group', kind: element.kind });
    const f = this.store.findingById(element.findingId);
    return f ? this.node({ type: 'finding', id: f.id, kind: f.kind }) : undefined;
  }

  /** The node of a finding, for `TreeView.reveal`. */
  findingNode(id: string): FindingNode | undefined {
    const f = this.store.findingById(id);
    return f ? this.node({ type: 'finding', id: f.id, kind: f.kind }) : undefined;
  }

  getTreeItem(node: FindingNode): vscode.TreeItem {
    switch (node.type) {
      case 'group':
        return this.groupItem(node.kind);
      case 'finding':
        return this.findingItem(node.id);
      case 'mention':
        return this.mentionItem(node.findingId, node.index);
    }
  }

  private groupItem(kind: FindingKind): vscode.TreeItem {
    const g = GROUPS.find((x) => x.kind === kind)!;
    const all = (this.store.model?.findings ?? []).filter((f) => f.kind === kind);
    const differ = all.filter((f) => f.verdict === 'differ').length;
    const item = new vscode.TreeItem(g.label, all.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `group:${kind}`;
    item.description = `${differ} differ · ${all.length - differ} agree`;
    item.iconPath = new vscode.ThemeIcon(g.icon);
    return item;
  }

  private findingItem(id: string): vscode.TreeItem {
    const f = this.store.findingById(id);
    if (!f) return new vscode.TreeItem(id);
    const item = new vscode.TreeItem(f.summary, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `finding:${f.id}`;
    const n = new Set(f.mentions.map((m) => m.source)).size;
    item.description = `${f.detail} · ${n} source${n === 1 ? '' : 's'}`;
    item.tooltip = `${f.verdict === 'differ' ? 'Differs' : 'Agrees'} (${f.detail}) — ${f.independentSources} independent source${f.independentSources === 1 ? '' : 's'}\n${f.summary}`;
    item.iconPath = f.verdict === 'differ'
      ? new vscode.ThemeIcon(f.detail === 'conflict' ? 'error' : 'warning', new vscode.ThemeColor(f.detail === 'conflict' ? 'list.errorForeground' : 'list.warningForeground'))
      : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    item.contextValue = `corroborate.finding.${f.verdict}`;
    item.command = { command: COMMANDS.revealFinding, title: 'Show in Panel', arguments: [{ findingId: f.id }] };
    return item;
  }

  private mentionItem(findingId: string, index: number): vscode.TreeItem {
    const f = this.store.findingById(findingId);
    const m = f?.mentions[index];
    if (!f || !m) return new vscode.TreeItem('');
    const item = new vscode.TreeItem(`${m.source}: “${oneLine(m.text)}”`);
    item.id = `mention:${findingId}:${index}`;
    const source = this.store.sourceById(m.source);
    item.description = [m.label, source?.copyOf ? `copy of ${source.copyOf}` : source?.outlet].filter(Boolean).join(' · ');
    item.tooltip = `${m.source}, characters ${m.start}–${m.end}\n“${m.text}”`;
    item.iconPath = new vscode.ThemeIcon(source?.copyOf ? 'copy' : 'location');
    item.command = { command: COMMANDS.revealFinding, title: 'Open at Mention', arguments: [{ findingId, mention: index }] };
    return item;
  }

  /** One object per key, as `TreeView.reveal` needs the same element it was given. */
  private node(n: FindingNode): FindingNode {
    const key = n.type === 'group' ? `g:${n.kind}` : n.type === 'finding' ? `f:${n.id}` : `m:${n.findingId}:${n.index}`;
    let existing = this.nodes.get(key);
    if (!existing) {
      existing = n;
      this.nodes.set(key, n);
    }
    return existing;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
