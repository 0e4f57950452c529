import * as vscode from 'vscode';
import type { Services } from '../commands/services';
import { isObject } from '../commands/args';
import type { DraftResult } from './draftStore';
import { isSource, workspaceDrafts } from './draftDocuments';
import { draftTarget, ensureIndex } from './draftTarget';

export type CheckOutcome = { status: 'checked'; results: DraftResult[] } | { status: 'unavailable' };

/**
 * Check Draft: the active draft (or the one given) now, against the current comparison —
 * comparing the remembered set first if this window has not yet. With no editor open, or
 * with `{ all: true }`, every draft of the workspace: open ones as edited, others as saved.
 */
export async function checkDraft(s: Services, arg?: unknown): Promise<CheckOutcome> {
  const all = (isObject(arg) && arg.all === true) || (!vscode.window.activeTextEditor && !(arg instanceof vscode.Uri) && !(isObject(arg) && arg.uri));
  const doc = all ? undefined : await draftTarget(s, arg, 'check it');
  if (!all && !doc) return { status: 'unavailable' };
  if (!(await ensureIndex(s))) return { status: 'unavailable' };
  if (doc) {
    await s.draftChecker.checkNow(doc);
    const result = s.drafts.get(doc.uri);
    return { status: 'checked', results: result ? [result] : [] };
  }
  return checkWorkspace(s);
}

async function checkWorkspace(s: Services): Promise<CheckOutcome> {
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const uris = await workspaceDrafts(s.store);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corroborate: checking drafts' }, async () => {
    for (const uri of uris) {
      const doc = open.get(uri.toString());
      await (doc ? s.draftChecker.checkNow(doc) : s.draftChecker.checkFile(uri));
    }
  });
  const results = uris.map((u) => s.drafts.get(u)).filter((r): r is DraftResult => !!r && !isSource(r.uri, s.store));
  const problems = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.verdict !== 'agree' && !s.drafts.isIgnored(d)).length, 0);
  void s.notifier.info(
    uris.length === 0
      ? 'Corroborate: no drafts in the workspace (see corroborate.drafts.include).'
      : `Corroborate: checked ${results.length} draft${results.length === 1 ? '' : 's'}: ${problems} finding${problems === 1 ? '' : 's'} in the Problems panel.`,
  );
  return { status: 'checked', results };
}
