import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CorroborateTestApi } from '../../../src/extension/testApi';
import { EXTENSION_ID, waitFor, workspaceDir } from './helpers';

/** test/fixtures of the project (the extension under test is the project itself). */
export function fixturePath(...parts: string[]): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return join(ext.extensionPath, 'test', 'fixtures', ...parts);
}

/** Copies a draft fixture into `<workspace>/<folder>/` (afresh) and returns its URI. */
export function copyDraft(name: string, folder = 'drafts'): vscode.Uri {
  const dir = join(workspaceDir(), folder);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  cpSync(fixturePath('drafts', name), target);
  return vscode.Uri.file(target);
}

/** The quake sources, copied into `<workspace>/quake/sources/`. */
export function copyQuakeSources(): vscode.Uri[] {
  const dir = join(workspaceDir(), 'quake', 'sources');
  mkdirSync(dir, { recursive: true });
  cpSync(fixturePath('quake', 'sources'), dir, { recursive: true });
  return readdirSync(dir).sort().map((f) => vscode.Uri.file(join(dir, f)));
}

export async function openDraft(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Waits until the draft's results are for its current version and no check is pending. */
export async function checked(a: CorroborateTestApi, doc: vscode.TextDocument): Promise<NonNullable<ReturnType<CorroborateTestApi['drafts']['result']>>> {
  for (;;) {
    await waitFor(`results for version ${doc.version} of ${doc.uri.path}`, () => a.drafts.result(doc.uri)?.version === doc.version);
    await a.drafts.whenIdle(doc.uri);
    const r = a.drafts.result(doc.uri);
    if (r && r.version === doc.version) return r;
  }
}

/** The published diagnostic whose range holds exactly `text` (the first, or the `nth`). */
export function diagnosticOn(doc: vscode.TextDocument, text: string, code?: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(doc.uri).find((d) => doc.getText(d.range) === text && (code === undefined || d.code === code));
}

/** Our quick fixes at a diagnostic, as VS Code's lightbulb asks for them. */
export async function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
  return (actions ?? []).filter((x) => !!x.command);
}

export async function run<T>(command: vscode.Command): Promise<T> {
  return vscode.commands.executeCommand<T>(command.command, ...(command.arguments ?? []));
}

/** Whether `after` is exactly `before` with these insertions, every other character unchanged. */
export function insertionsOnly(before: string, after: string, edits: ReadonlyArray<{ start: number; end: number; newText: string }>): boolean {
  let rebuilt = '';
  let at = 0;
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    if (e.start !== e.end) return false;
    rebuilt += before.slice(at, e.start) + e.newText;
    at = e.start;
  }
  return rebuilt + before.slice(at) === after;
}
