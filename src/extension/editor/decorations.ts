import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import { highlightSettings } from '../config';
import { COLORS } from '../ids';
import { DECORATION_KEYS, decorationSpans, type DecorationKey } from './decorationSpans';
import { sourceForDocument } from './sourceDocuments';

const color = (id: string) => new vscode.ThemeColor(id);

/** Kinds are told apart by the shape of the border, not only by colour (colour-blind users, high contrast). */
function decorationStyle(key: DecorationKey): vscode.DecorationRenderOptions {
  const differ: vscode.DecorationRenderOptions = {
    backgroundColor: color(COLORS.differBackground),
    borderColor: color(COLORS.differBorder),
    overviewRulerColor: color(COLORS.differBorder),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
  switch (key) {
    case 'differ-figure':
      return { ...differ, borderStyle: 'solid', borderWidth: '1px', borderRadius: '2px' };
    case 'differ-name':
      return { ...differ, borderStyle: 'dashed', borderWidth: '0 0 2px 0' };
    case 'differ-quote':
      return { ...differ, borderStyle: 'dotted', borderWidth: '1px', borderRadius: '2px' };
    case 'agree':
      return { borderColor: color(COLORS.agreeBorder), borderStyle: 'dotted', borderWidth: '0 0 1px 0', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
    case 'boilerplate':
      return { color: color(COLORS.boilerplateForeground), fontStyle: 'italic', rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  }
}

/** Highlights findings in every visible source editor, from the store. */
export class DecorationController implements vscode.Disposable {
  private readonly types = new Map<DecorationKey, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The ranges last applied per document URI (for tests; cleared when an editor shows nothing). */
  readonly applied = new Map<string, Record<DecorationKey, vscode.Range[]>>();

  constructor(private readonly store: FindingsStore) {
    for (const key of DECORATION_KEYS) this.types.set(key, vscode.window.createTextEditorDecorationType(decorationStyle(key)));
    this.disposables.push(
      store.onDidChange((c) => {
        if (c === 'model') this.updateAll();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) this.update(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corroborate.highlight')) this.updateAll();
      }),
    );
    this.updateAll();
  }

  updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const model = this.store.model;
    const source = model && sourceForDocument(this.store, editor.document);
    const key = editor.document.uri.toString();
    if (!model || !source) {
      if (this.applied.has(key)) {
        for (const type of this.types.values()) editor.setDecorations(type, []);
        this.applied.delete(key);
      }
      return;
    }
    const spans = decorationSpans(model, source.id, highlightSettings());
    const doc = editor.document;
    const ranges = {} as Record<DecorationKey, vscode.Range[]>;
    for (const k of DECORATION_KEYS) {
      ranges[k] = spans[k].map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      editor.setDecorations(this.types.get(k)!, ranges[k]);
    }
    this.applied.set(key, ranges);
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }
}
