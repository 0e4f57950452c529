import * as vscode from 'vscode';
import type { FindingsStore } from './store/findingsStore';
import { COMMANDS } from './ids';

/** "$(versions) 5 sources · 7 differences", hidden when there is no source set. */
export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** The API has no getter for this. */
  visible = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FindingsStore) {
    this.item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Corroborate';
    this.item.command = COMMANDS.showPanel;
    this.subscription = store.onDidChange(() => this.update());
    this.update();
  }

  update(): void {
    const count = this.store.sourceSet.files.length;
    if (count === 0) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const model = this.store.model;
    if (this.store.busy) {
      this.item.text = `$(sync~spin) ${plural(count, 'source')}`;
      this.item.tooltip = `Corroborate: comparing ${plural(count, 'source')}…`;
    } else if (model) {
      const differ = model.findings.filter((f) => f.verdict === 'differ').length;
      const agree = model.findings.length - differ;
      const copies = model.sources.filter((s) => s.copyOf).length;
      this.item.text = `$(versions) ${plural(model.sources.length, 'source')} · ${plural(differ, 'difference')}`;
      this.item.tooltip = [
        `Corroborate: ${plural(model.sources.length, 'source')}`
          + (copies > 0 ? ` (${model.sources.length - copies} independent, ${plural(copies, 'copy', 'copies')})` : ''),
        `${plural(differ, 'difference')}, ${plural(agree, 'agreement')}`,
        ...(model.problems.length > 0 ? [`${plural(model.problems.length, 'file')} could not be read`] : []),
        'Click to show the side-by-side view',
      ].join('\n');
    } else {
      this.item.text = `$(versions) ${plural(count, 'source')}`;
      this.item.tooltip = 'Corroborate: not compared yet. Click to compare and show the side-by-side view';
    }
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
