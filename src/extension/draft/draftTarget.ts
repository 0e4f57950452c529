import * as vscode from 'vscode';
import type { Services } from '../commands/services';
import type { IndexRef, WorkerResponse } from '../worker/messages';
import type { EngineClient } from '../worker/engineClient';
import { isObject } from '../commands/args';
import { rerun } from '../commands/compareCommands';
import { currentSourceSet } from '../sources/chooseSourceSet';
import { COMMANDS } from '../ids';
import { canBeDraft, isSource } from './draftDocuments';

/**
 * The draft a command works on: the document given (`uri` or `{ uri }`, as menus and tests
 * pass it) or the active editor's. Says why when there is none or it is a source.
 */
export async function draftTarget(s: Services, arg: unknown, action: string): Promise<vscode.TextDocument | undefined> {
  const given = arg instanceof vscode.Uri ? arg : isObject(arg) && arg.uri instanceof vscode.Uri ? arg.uri : undefined;
  const doc = given ? await vscode.workspace.openTextDocument(given) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void s.notifier.info(`Corroborate: open a draft (Markdown or plain text) to ${action}.`);
    return undefined;
  }
  if (isSource(doc.uri, s.store)) {
    void s.notifier.warn(`Corroborate: ${doc.uri.fsPath.replace(/^.*[\\/]/, '')} is one of the sources. Drafts are checked against the sources; open your draft to ${action}.`);
    return undefined;
  }
  if (!canBeDraft(doc, s.store)) {
    void s.notifier.warn(`Corroborate: only Markdown and plain-text drafts can be checked and cited (this is ${doc.languageId}).`);
    return undefined;
  }
  return doc;
}

/**
 * The source index of the current comparison, comparing the remembered set (or the set of
 * the `corroborate.sources` globs) first when there is no comparison yet in this window. With no set at all it offers Compare Sources (not
 * awaited: a command never waits for a toast to be closed).
 */
export async function ensureIndex(s: Services): Promise<IndexRef | undefined> {
  if (s.store.busy) await s.runner.whenIdle();
  if (s.runner.index) return s.runner.index;
  // The set remembered in this workspace, or the one `corroborate.sources` names.
  if (s.store.sourceSet.files.length > 0 || (await currentSourceSet(s.store)).files.length > 0) {
    await rerun(s);
    if (s.runner.index) return s.runner.index;
  }
  void s.notifier.info('Corroborate: drafts are checked against a set of sources. Compare the sources first.', 'Compare Sources').then((choice) => {
    if (choice === 'Compare Sources') void vscode.commands.executeCommand(COMMANDS.compare);
  });
  return undefined;
}

/** The cursor, or the selection, as offsets into the document. */
export function selectionOffsets(doc: vscode.TextDocument, arg: unknown): number | { start: number; end: number } {
  if (isObject(arg)) {
    if (Number.isInteger(arg.at)) return arg.at as number;
    if (isObject(arg.at) && Number.isInteger(arg.at.start) && Number.isInteger(arg.at.end)) return { start: arg.at.start as number, end: arg.at.end as number };
  }
  const editor = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const sel = editor?.selection;
  if (!sel) return 0;
  return sel.isEmpty ? doc.offsetAt(sel.active) : { start: doc.offsetAt(sel.start), end: doc.offsetAt(sel.end) };
}

/**
 * A draft request to the worker that answers instead of throwing: the thread is terminated
 * when a comparison is cancelled or superseded, and a command then says so and stops.
 */
export async function askEngine(s: Services, req: Parameters<EngineClient['request']>[0]): Promise<WorkerResponse> {
  try {
    return await s.engine.request(req);
  } catch (e) {
    const message = e instanceof Error && e.message !== 'cancelled' ? e.message : 'a new comparison started meanwhile; try again';
    return { id: -1, type: 'error', message };
  }
}
