import type * as vscode from 'vscode';
import type { ToWebview } from '../shared/protocol';
import type { FindingsStore } from './store/findingsStore';
import type { ComparisonRunner } from './store/comparisonRunner';
import type { SourcesTreeProvider } from './views/sourcesTree';
import type { FindingsTreeProvider } from './views/findingsTree';
import type { DecorationKey } from './editor/decorationSpans';
import type { Shown } from './notify';
import type { DraftResult } from './draft/draftStore';
import type { CitationChoice } from './draft/citationChoices';
import type { DraftDiagnostic } from '../core/draft/diagnostic';
import type { UrlOpener, UrlOutcome } from './panel/sourceUrl';
import type { CacheProbe } from './cache/cacheProbe';

/**
 * What `activate` returns when VS Code runs the extension for tests (ExtensionMode.Test),
 * so that the in-VS Code suite can look at state the API does not expose: tree contents,
 * decorations, the status bar, the panel's page and messages, notifications. Not returned
 * in normal use.
 */
export interface CorroborateTestApi {
  store: FindingsStore;
  runner: Pick<ComparisonRunner, 'whenIdle' | 'cancel' | 'run' | 'progressShown'>;
  sourcesTree: SourcesTreeProvider;
  findingsTree: FindingsTreeProvider;
  /** The ranges last applied to the editor showing `uri`, by decoration kind. */
  decorations(uri: vscode.Uri): Record<DecorationKey, vscode.Range[]> | undefined;
  statusBar(): { text: string; tooltip: string | undefined; command: string | undefined; visible: boolean };
  panel(): PanelProbe | undefined;
  /** Notifications shown, oldest first. */
  notifications: readonly Shown[];
  /** The panel serializer VS Code calls after a window reload. */
  serializer: vscode.WebviewPanelSerializer;
  /** Whether a context key the extension sets has this value now. */
  context: Record<string, unknown>;
  drafts: DraftProbe;
  /** The analysis cache and the host's responsiveness (cache/cacheProbe.ts). */
  cache: CacheProbe;
}

/** Draft checking, seen from inside: results, what is published, and a gate to hold a check in flight. */
export interface DraftProbe {
  /** The engine's results for the draft, confirmations included, with the version checked. */
  result(uri: vscode.Uri): DraftResult | undefined;
  /** The diagnostics published for the draft, with the engine result's identity. */
  published(uri: vscode.Uri): Array<{ diagnostic: vscode.Diagnostic; fingerprint: string; kind: DraftDiagnostic['kind']; verdict: DraftDiagnostic['verdict'] }>;
  /** The confirmed quotations underlined in the editor showing the draft. */
  confirmed(uri: vscode.Uri): vscode.Range[] | undefined;
  ignored(): readonly string[];
  /** Settles when no check is scheduled or running (for one draft or all). */
  whenIdle(uri?: vscode.Uri): Promise<void>;
  /**
   * Holds every check after the worker answered and before the answer is judged, until the
   * returned promise settles; undefined releases. Lets a test edit a draft during a check.
   */
  setGate(gate: ((uri: vscode.Uri, version: number) => Promise<void>) | undefined): void;
  /** How many answers of the worker were put into the store, and how many dropped as stale. */
  stats(): { published: number; dropped: number };
  /** Insert Citation's quick pick entries for the sentence at `at`. */
  choices(uri: vscode.Uri, at: number | { start: number; end: number }): Promise<CitationChoice[] | undefined>;
  /** How many times Insert Citation has opened its quick pick (the pick itself is not readable through the API). */
  citationPicksShown(): number;
  /**
   * Holds every draft edit (fix, citation) after it was computed and before it is checked
   * against the document's version, until the returned promise settles; undefined releases.
   */
  setApplyGate(gate: ((uri: vscode.Uri, what: string) => Promise<void>) | undefined): void;
}

export interface PanelProbe {
  html: string;
  options: vscode.WebviewOptions;
  panelOptions: vscode.WebviewPanelOptions;
  viewColumn: vscode.ViewColumn | undefined;
  ready: boolean;
  delivered: readonly ToWebview[];
  rejected: number;
  /** Times the page asked for the model again (`resendModel`): it missed one posted before it was ready. */
  resends: number;
  /** CSP violations the page reported (logged to the Corroborate output channel too). */
  cspViolations: readonly { directive: string; blocked: string; sample: string }[];
  /** Requests to open a source's web address, with what came of each. */
  urlRequests: readonly { source: string; url: string | undefined; outcome: UrlOutcome }[];
  /** Replaces the confirmation, the browser and the refusal message; undefined restores the real ones. */
  setUrlOpener(opener: UrlOpener | undefined): void;
  /** Delivers a message as if the webview had sent it. */
  receive(message: unknown): void;
}
