import * as vscode from 'vscode';
import type { DraftDiagnostic } from '../../core/draft/diagnostic';
import { COMMANDS } from '../ids';
import type { DraftStore } from './draftStore';
import type { DraftDiagnostics, Published } from './draftDiagnostics';
import type { DraftFixArgs } from './draftFix';

/**
 * Quick fixes of draft diagnostics: the engine's fix (the source's wording, the sources'
 * spelling, the citation) and "Ignore this finding". Each runs as a command carrying the
 * document version it was computed for, which refuses to edit a newer one. Offered only for
 * the version that was checked: while the journalist types, the next check brings new ones.
 */
export class DraftCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly drafts: DraftStore,
    private readonly diagnostics: DraftDiagnostics,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const result = this.drafts.current(doc);
    if (!result) return [];
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    const fixes: vscode.CodeAction[] = [];
    const ignores: vscode.CodeAction[] = [];
    for (const p of this.diagnostics.of(doc.uri)) {
      if (p.draft.end < start || p.draft.start > end) continue;
      const fix = fixAction(doc, result.version, p);
      if (fix) fixes.push(fix);
      ignores.push(ignoreAction(doc, p));
    }
    // The fixes first, then the "ignore" entries.
    return [...fixes, ...ignores];
  }
}

function fixAction(doc: vscode.TextDocument, version: number, p: Published): vscode.CodeAction | undefined {
  const d = p.draft;
  if (!d.fixes || d.fixes.length === 0) return undefined;
  const title = d.fixTitle ?? 'Apply the fix';
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [p.diagnostic];
  // Correcting a quotation or a name is what the journalist wants nearly always; citing is a choice.
  action.isPreferred = d.kind === 'quote' || d.kind === 'name';
  const args: DraftFixArgs = { uri: doc.uri.toString(), version, title, edits: d.fixes, ...citeArgs(d) };
  action.command = { command: COMMANDS.applyDraftFix, title, arguments: [args] };
  return action;
}

function citeArgs(d: DraftDiagnostic): Pick<DraftFixArgs, 'cite'> {
  if (!d.cite) return {};
  return { cite: { source: d.cite.source, style: d.cite.style, sentence: { start: d.start, end: d.end }, passage: d.evidence[0]?.text } };
}

function ignoreAction(doc: vscode.TextDocument, p: Published): vscode.CodeAction {
  const title = `Ignore this finding (“${clip(p.draft.text)}”)`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [p.diagnostic];
  action.command = { command: COMMANDS.ignoreFinding, title, arguments: [{ uri: doc.uri.toString(), fingerprint: p.draft.fingerprint }] };
  return action;
}

function clip(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
