import * as vscode from 'vscode';
import { COLORS } from '../ids';
import type { DraftStore } from './draftStore';

/**
 * A subtle underline under the quotations a source confirms, in the colour of agreements in
 * source files: the journalist sees what is verified without a squiggle saying so. The
 * hover says which source confirms it.
 */
export class ConfirmedQuotes implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    borderColor: new vscode.ThemeColor(COLORS.agreeBorder),
    borderStyle: 'dotted',
    borderWidth: '0 0 1px 0',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** The ranges last applied per document URI (for tests). */
  readonly applied = new Map<string, vscode.Range[]>();

  constructor(private readonly drafts: DraftStore) {
    this.disposables.push(
      drafts.onDidChange(() => this.updateAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()),
    );
    this.updateAll();
  }

  private updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const key = doc.uri.toString();
    // Only for the version checked; between edits and the next check the old marks ride along with the text.
    const result = this.drafts.current(doc);
    if (!result) {
      if (!this.drafts.get(doc.uri) && this.applied.delete(key)) editor.setDecorations(this.type, []);
      return;
    }
    const ranges = result.diagnostics
      .filter((d) => d.kind === 'quote' && d.verdict === 'agree' && !this.drafts.isIgnored(d))
      .map((d) => new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end)));
    editor.setDecorations(this.type, ranges);
    this.applied.set(key, ranges);
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.type.dispose();
  }
}
