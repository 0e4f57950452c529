import * as vscode from 'vscode';
import type { DraftDiagnostic, Severity } from '../../core/draft/diagnostic';
import type { ViewSource } from '../../core/view/viewModel';
import { LineIndex } from '../../core/text/lineColumn';
import type { FindingsStore } from '../store/findingsStore';
import { DIAGNOSTIC_SOURCE } from '../ids';
import type { DraftResult, DraftStore } from './draftStore';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A published diagnostic and the engine result it came from (quick fixes read the latter). */
export interface Published {
  diagnostic: vscode.Diagnostic;
  draft: DraftDiagnostic;
}

/**
 * Puts draft results into the Problems panel and the editor's squiggles, from the DraftStore.
 * Confirmations (a quotation the sources confirm) are not problems: they show in the hover
 * and as a subtle underline, never as a squiggle. Ignored findings are left out.
 */
export class DraftDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('corroborate');
  private readonly published = new Map<string, Published[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly drafts: DraftStore,
    private readonly store: FindingsStore,
  ) {
    this.disposables.push(
      drafts.onDidChange((c) => {
        if (c.kind === 'result') this.publish(c.uri);
        else this.publishAll();
      }),
    );
    this.publishAll();
  }

  /** What is published for a draft now, with the engine result behind each diagnostic. */
  of(uri: vscode.Uri): readonly Published[] {
    return this.published.get(uri.toString()) ?? [];
  }

  private publishAll(): void {
    const keep = new Set(this.drafts.all().map((r) => r.uri.toString()));
    for (const key of [...this.published.keys()]) {
      if (keep.has(key)) continue;
      this.published.delete(key);
      this.collection.delete(vscode.Uri.parse(key));
    }
    for (const r of this.drafts.all()) this.publish(r.uri);
  }

  private publish(uri: vscode.Uri): void {
    const result = this.drafts.get(uri);
    if (!result) {
      this.published.delete(uri.toString());
      this.collection.delete(uri);
      return;
    }
    const list = toDiagnostics(result, this.store.model?.sources ?? [], (d) => this.drafts.isIgnored(d));
    this.published.set(uri.toString(), list);
    this.collection.set(uri, list.map((p) => p.diagnostic));
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.collection.dispose();
    this.published.clear();
  }
}

export function toDiagnostics(result: DraftResult, sources: readonly ViewSource[], ignored: (d: DraftDiagnostic) => boolean): Published[] {
  const lines = new LineIndex(result.text);
  const locate = sourceLocator(sources);
  return result.diagnostics
    .filter((d) => d.verdict !== 'agree' && !ignored(d))
    .map((d) => {
      const diagnostic = new vscode.Diagnostic(rangeOf(lines, d.start, d.end), d.message, SEVERITY[d.severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = `${d.kind}/${d.detail}`;
      const related = d.evidence
        .map((e) => {
          const at = locate(e.source, e.start, e.end);
          // VS Code names the file and the place before the message: the message is what the source says.
          return at && new vscode.DiagnosticRelatedInformation(at, `“${oneLine(e.text)}”${e.label ? ` (${e.label})` : ''}`);
        })
        .filter((x): x is vscode.DiagnosticRelatedInformation => !!x);
      if (related.length > 0) diagnostic.relatedInformation = related;
      return { diagnostic, draft: d };
    });
}

export function rangeOf(lines: LineIndex, start: number, end: number): vscode.Range {
  const a = lines.at(start);
  const b = lines.at(end);
  return new vscode.Range(a.line - 1, a.column - 1, b.line - 1, b.column - 1);
}

/** Line indexes of the model's sources, kept as long as the model is: drafts are published on every pause in typing. */
const sourceLines = new WeakMap<ViewSource, LineIndex>();

/** Evidence offsets → locations in the source files. */
function sourceLocator(sources: readonly ViewSource[]): (id: string, start: number, end: number) => vscode.Location | undefined {
  return (id, start, end) => {
    const source = sources.find((s) => s.id === id);
    if (!source) return undefined;
    let lines = sourceLines.get(source);
    if (!lines) sourceLines.set(source, (lines = new LineIndex(source.text)));
    return new vscode.Location(vscode.Uri.file(source.path), rangeOf(lines, start, end));
  };
}

function oneLine(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
