import * as vscode from 'vscode';
import type { Services } from './services';
import { COMMANDS } from '../ids';
import { compareSources, navigate, refresh, showPanel, toggleOnlyDifferences } from './compareCommands';
import { addSource, removeSource } from './sourceCommands';
import { editSourceDetails } from './editSourceDetails';
import { exportReport } from './exportReport';
import { openSource, openSourceAtCommand, revealFinding } from './openCommands';
import { checkDraft } from '../draft/checkDraft';
import { insertCitation } from '../draft/insertCitation';
import { citeAllVerifiedQuotes } from '../draft/citeVerifiedQuotes';
import { applyDraftFix, clearIgnored, ignoreFinding } from '../draft/draftFix';
import { clearCache } from '../cache/clearCache';

/** Every command of package.json's `contributes.commands`, with its handler. */
export function registerCommands(s: Services): vscode.Disposable[] {
  const handlers: Record<(typeof COMMANDS)[keyof typeof COMMANDS], (...args: unknown[]) => unknown> = {
    [COMMANDS.compare]: (a, b) => compareSources(s, a, b),
    [COMMANDS.addSource]: (a, b) => addSource(s, a, b),
    [COMMANDS.removeSource]: (a, b) => removeSource(s, a, b),
    [COMMANDS.editSourceDetails]: (a) => editSourceDetails(s, a),
    [COMMANDS.exportReport]: (a) => exportReport(s, a),
    [COMMANDS.nextDifference]: () => navigate(s, 'next'),
    [COMMANDS.previousDifference]: () => navigate(s, 'previous'),
    [COMMANDS.toggleOnlyDifferences]: () => toggleOnlyDifferences(s),
    [COMMANDS.refresh]: () => refresh(s),
    [COMMANDS.showPanel]: () => showPanel(s),
    [COMMANDS.openSource]: (a) => openSource(a),
    [COMMANDS.openSourceAt]: (a) => openSourceAtCommand(s, a),
    [COMMANDS.revealFinding]: (a) => revealFinding(s, a),
    [COMMANDS.checkDraft]: (a) => checkDraft(s, a),
    [COMMANDS.insertCitation]: (a) => insertCitation(s, a),
    [COMMANDS.citeAllVerifiedQuotes]: (a) => citeAllVerifiedQuotes(s, a),
    [COMMANDS.clearIgnored]: () => clearIgnored(s),
    [COMMANDS.clearCache]: () => clearCache(s),
    [COMMANDS.applyDraftFix]: (a) => applyDraftFix(s, a),
    [COMMANDS.ignoreFinding]: (a) => ignoreFinding(s, a),
  };
  return Object.entries(handlers).map(([id, fn]) => vscode.commands.registerCommand(id, fn));
}
