import * as vscode from 'vscode';
import type { ToWebview } from '../../shared/protocol';
import type { FindingsStore } from '../store/findingsStore';
import { ComparePanel } from './comparePanel';
import { openSourceAt } from '../editor/openSource';
import { openSourceUrl, vscodeOpener, type UrlOpener, type UrlOutcome } from './sourceUrl';

/**
 * Owns the one side-by-side panel: creates it, takes it over after a reload, and routes what
 * the commands and views want to tell it.
 */
export class PanelHost implements vscode.Disposable {
  private current: ComparePanel | undefined;
  private readonly selectEmitter = new vscode.EventEmitter<string | null>();
  /** The finding the user selected in the panel (the Findings view follows it). */
  readonly onDidSelectFinding = this.selectEmitter.event;
  /** How a source's address is confirmed and opened; tests put a recording one here. */
  urlOpener: UrlOpener = vscodeOpener;
  /** Each request to open a source's address, and what came of it, oldest first. */
  readonly urlRequests: Array<{ source: string; url: string | undefined; outcome: UrlOutcome }> = [];
  /** Every CSP violation the panel's page reported (there should never be one). */
  readonly cspViolations: Array<{ directive: string; blocked: string; sample: string }> = [];
  private log: vscode.OutputChannel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: FindingsStore,
    /** Keep a log of the messages sent to the webview (ExtensionMode.Test only: models are large). */
    private readonly recordMessages = false,
  ) {}

  get panel(): ComparePanel | undefined {
    return this.current;
  }

  /** Shows the panel, creating it if needed. */
  show(preserveFocus = false): ComparePanel {
    if (this.current) {
      this.current.reveal(preserveFocus);
      return this.current;
    }
    return this.adopt(ComparePanel.create(this.extensionUri, this.store, this.handlers(), preserveFocus, this.recordMessages));
  }

  revive(panel: vscode.WebviewPanel): ComparePanel {
    this.current?.dispose();
    return this.adopt(ComparePanel.revive(panel, this.extensionUri, this.store, this.handlers(), this.recordMessages));
  }

  /** Posts to the panel if it is open; returns whether it was. */
  post(message: ToWebview): boolean {
    this.current?.post(message);
    return this.current !== undefined;
  }

  /** Where a source opens: left of the panel when it is open. */
  get sourceColumn(): vscode.ViewColumn {
    return this.current?.sourceColumn ?? vscode.ViewColumn.Active;
  }

  private adopt(panel: ComparePanel): ComparePanel {
    this.current = panel;
    panel.onDidDispose(() => {
      if (this.current === panel) this.current = undefined;
    });
    return panel;
  }

  private handlers() {
    return {
      open: (source: string, start: number, end: number) => this.openFromPanel(source, start, end),
      selectFinding: (id: string | null) => this.selectEmitter.fire(id),
      openUrl: (source: string) => this.openUrl(source),
      cspViolation: (v: { directive: string; blocked: string; sample: string }) => this.onCspViolation(v),
    };
  }

  private async openUrl(sourceId: string): Promise<void> {
    const url = this.store.sourceById(sourceId)?.url;
    const outcome = await openSourceUrl(sourceId, url, this.urlOpener);
    this.urlRequests.push({ source: sourceId, url, outcome });
    if (this.urlRequests.length > 50) this.urlRequests.shift();
  }

  private onCspViolation(v: { directive: string; blocked: string; sample: string }): void {
    this.cspViolations.push(v);
    this.log ??= vscode.window.createOutputChannel('Corroborate');
    // JSON, so that whatever the page sent stays one line of inert text.
    this.log.appendLine(`[panel] Content Security Policy violation: ${JSON.stringify(v)}`);
  }

  private async openFromPanel(sourceId: string, start: number, end: number): Promise<void> {
    const source = this.store.sourceById(sourceId);
    if (!source || start < 0 || end < start || end > source.text.length) return;
    await openSourceAt({ path: source.path, start, end, text: source.text.slice(start, end) }, this.sourceColumn);
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
    this.selectEmitter.dispose();
    this.log?.dispose();
  }
}
