import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import type { ComparisonRunner } from '../store/comparisonRunner';
import type { EngineClient } from '../worker/engineClient';
import type { Notifier } from '../notify';
import { DraftStore } from './draftStore';
import { DraftChecker } from './draftChecker';
import { DraftDiagnostics } from './draftDiagnostics';
import { DraftHoverProvider } from './draftHover';
import { DraftCodeActions } from './draftCodeActions';
import { ConfirmedQuotes } from './confirmedQuotes';

export interface DraftFeature {
  drafts: DraftStore;
  checker: DraftChecker;
  diagnostics: DraftDiagnostics;
  confirmed: ConfirmedQuotes;
  /** Everything to dispose, in the order created. */
  disposables: vscode.Disposable[];
}

/** Drafts are files (saved or not) and untitled documents the user asks to check. */
const DRAFT_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Checking drafts: the store of results, the checker, and what shows them (problems, hovers, fixes, underlines). */
export function createDraftFeature(memento: vscode.Memento, store: FindingsStore, runner: ComparisonRunner, engine: EngineClient, notifier: Notifier): DraftFeature {
  const drafts = new DraftStore(memento);
  const diagnostics = new DraftDiagnostics(drafts, store);
  const confirmed = new ConfirmedQuotes(drafts);
  const checker = new DraftChecker(store, runner, engine, drafts, notifier);
  const disposables: vscode.Disposable[] = [
    drafts,
    diagnostics,
    confirmed,
    checker,
    vscode.languages.registerHoverProvider(DRAFT_SELECTOR, new DraftHoverProvider(drafts, store)),
    vscode.languages.registerCodeActionsProvider(DRAFT_SELECTOR, new DraftCodeActions(drafts, diagnostics), DraftCodeActions.metadata),
  ];
  return { drafts, checker, diagnostics, confirmed, disposables };
}
