import type * as vscode from 'vscode';
import type { ToWebview } from '../shared/protocol';
import type { FindingsStore } from './store/findingsStore';
import type { ComparisonRunner } from './store/comparisonRunner';
import type { SourcesTreeProvider } from './views/sourcesTree';
import type { FindingsTreeProvider } from './views/findingsTree';
import type { DecorationKey } from './editor/decorationSpans';
import type { Shown } from './notify';

/**
 * What `activate` returns when VS Code runs the extension for tests (ExtensionMode.Test),
 * so that the in-VS Code suite can look at state the API does not expose: tree contents,
 * decorations, the status bar, the panel's page and messages, notifications. Not returned
 * in normal use.
 */
export interface CorroborateTestApi {
  store: FindingsStore;
  runner: Pick<ComparisonRunner, 'whenIdle' | 'cancel' | 'run'>;
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
}

export interface PanelProbe {
  html: string;
  options: vscode.WebviewOptions;
  panelOptions: vscode.WebviewPanelOptions;
  viewColumn: vscode.ViewColumn | undefined;
  ready: boolean;
  delivered: readonly ToWebview[];
  rejected: number;
  /** Delivers a message as if the webview had sent it. */
  receive(message: unknown): void;
}
