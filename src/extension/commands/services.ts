import type * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import type { ComparisonRunner } from '../store/comparisonRunner';
import type { PanelHost } from '../panel/panelHost';
import type { Notifier } from '../notify';
import type { FindingNode, FindingsTreeProvider } from '../views/findingsTree';
import type { EngineClient } from '../worker/engineClient';
import type { DraftStore } from '../draft/draftStore';
import type { DraftChecker } from '../draft/draftChecker';
import type { DraftDiagnostics } from '../draft/draftDiagnostics';
import type { TrustState } from '../trust';

/** What the command handlers work with; built once in `activate`. */
export interface Services {
  context: vscode.ExtensionContext;
  store: FindingsStore;
  runner: ComparisonRunner;
  panels: PanelHost;
  notifier: Notifier;
  /** dist/engineWorker.js, for one-off engine threads (export, article extraction). */
  workerPath: string;
  findingsTree: FindingsTreeProvider;
  findingsView: vscode.TreeView<FindingNode>;
  /** The comparisons' worker, which also keeps the source index drafts are checked against. */
  engine: EngineClient;
  drafts: DraftStore;
  draftChecker: DraftChecker;
  draftDiagnostics: DraftDiagnostics;
  /** Workspace trust: Restricted Mode refuses web pages; a grant during the session is noticed. */
  trust: TrustState;
}
