import * as vscode from 'vscode';
import type { TextEdit } from '../../core/cite/textEdit';
import { minimalEdit } from '../../core/cite/textEdit';
import type { CslItem } from '../../core/cite/cslJson';
import type { Notifier } from '../notify';
import type { WorkerResponse } from '../worker/messages';
import type { FindingsStore } from '../store/findingsStore';
import { type Bibliography, readBibliography, unchanged, withEntries } from './bibliography';

/** Edits computed for one version of a draft (and the bibliography entries they need). */
export interface DraftChange {
  doc: vscode.TextDocument;
  /** The document version the edits were computed for. */
  version: number;
  edits: readonly TextEdit[];
  entries?: readonly CslItem[];
  bibliography?: Bibliography;
  /** What is applied, for a refusal message: "the fix “Use the source's wording”". */
  what: string;
  /** Why an older version is refused, e.g. "the draft changed since it was checked". */
  stale: string;
}

export type ApplyOutcome = 'applied' | 'refused' | 'failed';

/**
 * For tests (set through the test API only): awaited after a change was computed and before
 * it is judged, so that a test can edit the draft "meanwhile" without racing the engine.
 */
export const applyGate: { hold?: (uri: vscode.Uri, what: string) => Promise<void> } = {};

/**
 * Applies a change to the draft as ONE WorkspaceEdit on the draft alone (one undo step in
 * its editor), then, with pandoc, the bibliography entries as an edit of their own, saved.
 * Refused, with a message, when the draft is no longer the version the edits were computed
 * for, or the bibliography changed since it was read: an edit is only valid for the text it
 * was computed on.
 *
 * Why two edits: a WorkspaceEdit that touches two files is one undo element across files,
 * and VS Code's Undo in the draft then asks "undo across all files?" in a modal dialog
 * instead of simply undoing the citation. An entry left in the bibliography after the
 * citation is undone is harmless (pandoc ignores entries that are not cited). The draft is
 * never saved: the user saves it.
 */
export async function applyDraftChange(change: DraftChange, notifier: Notifier): Promise<ApplyOutcome> {
  const { doc, version } = change;
  if (applyGate.hold) await applyGate.hold(doc.uri, change.what);
  if (doc.isClosed || doc.version !== version) return refuse(notifier, change.what, change.stale);
  const bib = change.bibliography;
  const entries = change.entries ?? [];
  const bibName = bib?.uri.fsPath.replace(/^.*[\\/]/, '');
  if (bib && entries.length > 0 && (!(await unchanged(bib)) || doc.version !== version)) {
    void notifier.warn(`Corroborate: ${change.what} ${wasOrWere(change.what)} not applied: the draft or ${bibName} changed meanwhile. Nothing was changed; try again.`);
    return 'refused';
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of change.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) {
    void notifier.error(`Corroborate: ${change.what} could not be applied.`);
    return 'failed';
  }
  if (bib && entries.length > 0) {
    const bibEdit = new vscode.WorkspaceEdit();
    addToBibliography(bibEdit, bib, entries);
    // Checked again: the draft's edit took a moment, and the entry is placed by the text read.
    if (!(await unchanged(bib)) || !(await vscode.workspace.applyEdit(bibEdit))) {
      void notifier.warn(`Corroborate: ${change.what} ${wasOrWere(change.what)} inserted, but ${bibName} changed meanwhile and was not updated; insert the citation again to add its entry.`);
      return 'applied';
    }
    // pandoc reads the file, not the editor: a bibliography we created or that had no unsaved
    // edits of the user's is saved at once; one with the user's unsaved edits is left to them.
    if (!bib.dirty) {
      const saved = await vscode.workspace.openTextDocument(bib.uri).then((d) => d.save(), () => false);
      if (!saved) void notifier.warn(`Corroborate: ${bib.uri.fsPath} was updated but could not be saved; save it before running pandoc.`);
    }
  }
  return 'applied';
}

/** Says why an edit computed for an older text is not applied. */
export function refuse(notifier: Notifier, what: string, why: string): 'refused' {
  void notifier.warn(`Corroborate: ${what} ${wasOrWere(what)} not applied: ${why}. Nothing was changed; try again.`);
  return 'refused';
}

/** A citation command's outcome when it cannot go on; the reason has been shown to the user. */
export interface Failed {
  status: 'failed';
  message: string;
}

/** The bibliography of a pandoc citation, or — shown to the user — why it cannot be used. */
export async function bibliographyOrFail(doc: vscode.TextDocument, store: FindingsStore, notifier: Notifier): Promise<Bibliography | Failed> {
  const bibliography = await readBibliography(doc, store);
  if (!('error' in bibliography)) return bibliography;
  void notifier.error(`Corroborate: ${bibliography.error}.`);
  return { status: 'failed', message: bibliography.error };
}

/** An engine answer that is not the plan asked for ("the citation could not be planned: …"), shown to the user. */
export function planFailed(notifier: Notifier, what: string, res: WorkerResponse): Failed {
  const message = res.type === 'error' ? res.message : `unexpected answer from the engine: ${res.type}`;
  void notifier.error(`Corroborate: ${what} could not be planned: ${message}`);
  return { status: 'failed', message };
}

/** "the citations were", "the citation was", "the fix “…” was". */
function wasOrWere(what: string): string {
  return /^the \S+s(\s|$)/.test(what) ? 'were' : 'was';
}

function addToBibliography(edit: vscode.WorkspaceEdit, bib: Bibliography, entries: readonly CslItem[]): void {
  const text = withEntries(bib.text, entries);
  if (!bib.exists) {
    edit.createFile(bib.uri, { ignoreIfExists: true });
    edit.insert(bib.uri, new vscode.Position(0, 0), text);
    return;
  }
  const e = minimalEdit(bib.text, 0, bib.text.length, text);
  edit.replace(bib.uri, new vscode.Range(positionIn(bib.text, e.start), positionIn(bib.text, e.end)), e.newText);
}

/** A position in a text that may not be open in an editor (the bibliography read from disk). */
function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
