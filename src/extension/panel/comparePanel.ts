import * as vscode from 'vscode';
import { isFromWebview, type FromWebview, type ToWebview } from '../../shared/protocol';
import { MODEL_PART_BYTES, splitParts, type ModelSent, type ModelWire } from '../../shared/modelWire';
import type { ViewModel } from '../../core/view/viewModel';
import type { FindingsStore, StoreChange } from '../store/findingsStore';
import { PANEL_VIEW_TYPE } from '../ids';
import { newNonce, panelHtml } from './panelHtml';
import { mark } from '../perfMarks';

export interface PanelHandlers {
  /** The webview asked to show a source at a place (`open` message). */
  open(source: string, start: number, end: number): void | Thenable<unknown>;
  /** The user selected a finding in the panel, or none. */
  selectFinding(findingId: string | null): void;
  /** The user asked to open a source's web address (the host confirms first). */
  openUrl(source: string): void | Thenable<unknown>;
  /** The page's CSP refused something. */
  cspViolation(v: { directive: string; blocked: string; sample: string }): void;
}

const NO_SOURCES = 'No sources compared yet: run “Corroborate: Compare Sources”.';

/**
 * The size of a model's parts on the wire (shared/modelWire.ts). The browser test sets a small
 * one in the environment, so that the seeds' model, too, goes in parts through a real webview.
 */
const PART_BYTES = Number(process.env.CORROBORATE_MODEL_PART_BYTES) > 0 ? Number(process.env.CORROBORATE_MODEL_PART_BYTES) : MODEL_PART_BYTES;

/**
 * The side-by-side panel's host side: the page with its CSP, and the typed conversation with
 * the webview. The webview only draws; everything it shows comes from the store.
 */
export class ComparePanel implements vscode.Disposable {
  private ready = false;
  private disposed = false;
  /** Messages that wait for the webview's `ready` (navigation asked for before it loaded). */
  private queue: ToWebview[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  /** What was handed to the webview, newest last; kept only when running tests. */
  readonly delivered: ToWebview[] = [];
  /** Messages to the webview are posted in order through this chain (see `send`). */
  private sending: Promise<void> = Promise.resolve();
  /** Increases with every model posted; parts of an older one stop being sent. */
  private modelSeq = 0;
  /** The model posted to the loading page before it said `ready` (see `sendEarly`), and its id. */
  private early: { model: ViewModel; id: number } | undefined;
  /** Set in ExtensionMode.Test, from the start: a model goes out as the page is set (`sendEarly`). */
  private readonly recordMessages: boolean;
  /** Messages from the webview that failed validation. */
  rejected = 0;
  /** Times the page asked for the model again. */
  resends = 0;

  static create(extensionUri: vscode.Uri, store: FindingsStore, handlers: PanelHandlers, preserveFocus: boolean, recordMessages = false): ComparePanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Corroborate', { viewColumn: column, preserveFocus }, panelOptions(extensionUri));
    return new ComparePanel(panel, extensionUri, store, handlers, recordMessages);
  }

  /** Takes over a panel VS Code restored after a window reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, store: FindingsStore, handlers: PanelHandlers, recordMessages = false): ComparePanel {
    panel.webview.options = panelOptions(extensionUri);
    return new ComparePanel(panel, extensionUri, store, handlers, recordMessages);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly store: FindingsStore,
    private readonly handlers: PanelHandlers,
    recordMessages: boolean,
  ) {
    this.recordMessages = recordMessages;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    this.updateTitle();
    this.render();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      // retainContextWhenHidden is off: a hidden webview is torn down and says `ready` again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
          this.early = undefined;
        } else if (!this.ready) this.sendEarly();
      }),
      store.onDidChange((c) => this.onStoreChange(c)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The column left of the panel, where sources open so both stay in view. */
  get sourceColumn(): vscode.ViewColumn {
    const col = this.panel.viewColumn;
    return col !== undefined && col > 1 ? col - 1 : vscode.ViewColumn.Beside;
  }

  get isReady(): boolean {
    return this.ready;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Sends now if the webview is listening, else when it says `ready`. */
  post(message: ToWebview): void {
    if (this.ready) this.deliver(message);
    else if (message.type === 'navigate' || message.type === 'reveal') this.queue = [...this.queue.slice(-9), message];
  }

  /** The page with a fresh nonce; also used after a reload. */
  private render(): void {
    const media = (f: string) => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    this.ready = false;
    this.panel.webview.html = panelHtml(
      { cspSource: this.panel.webview.cspSource, css: media('webview.css'), codicons: media('codicon.css'), script: media('webview.js') },
      newNonce(),
    );
    this.early = undefined;
    this.sendEarly();
  }

  /**
   * While the page loads, the model goes out before the page asks for it. VS Code keeps the
   * messages for a page that is loading and hands them over once it has loaded (its webview
   * host, `pre/index.html`), so a large model travels while the page loads (~1.5 s in a window
   * that reopens with the panel) instead of after. The page can still miss them: VS Code hands
   * them over 200 ms after the page's document is written even if its script has not run yet,
   * and a hidden page is sent nothing. So `ready` is answered with the id of the model sent
   * (`modelSent`), and a page that does not have that model whole asks for it (`resendModel`).
   * Only models with their JSON bytes go early (the others have no id to check by).
   */
  private sendEarly(): void {
    const model = this.store.model;
    if (this.ready || this.disposed || !this.panel.visible || !model || this.early?.model === model) return;
    const message: ToWebview = { type: 'model', model, filter: this.store.filter };
    const id = this.postModelJson(message);
    if (id === undefined) return;
    this.record(message);
    this.early = { model, id };
  }

  /** Every message is validated: the webview shows untrusted text and is treated as hostile. */
  receive(message: unknown): void {
    if (!isFromWebview(message)) {
      this.rejected++;
      return;
    }
    this.handle(message);
  }

  private handle(message: FromWebview): void {
    switch (message.type) {
      case 'ready': {
        mark('panel-ready');
        this.ready = true;
        const early = this.early;
        this.early = undefined;
        if (early && early.model === this.store.model) {
          const sent: ModelSent = { type: 'modelSent', id: early.id };
          this.send(() => void this.panel.webview.postMessage(sent));
        } else {
          this.sendState();
        }
        const queued = this.queue;
        this.queue = [];
        queued.forEach((m) => this.deliver(m));
        return;
      }
      case 'resendModel':
        mark('panel-resend');
        this.resends++;
        this.sendState();
        return;
      case 'open':
        void this.handlers.open(message.source, message.start, message.end);
        return;
      case 'selectFinding':
        this.handlers.selectFinding(message.findingId);
        return;
      case 'filterChanged':
        void this.store.setFilter(message.filter);
        return;
      case 'openUrl':
        void this.handlers.openUrl(message.source);
        return;
      case 'cspViolation':
        this.handlers.cspViolation({ directive: message.directive, blocked: message.blocked, sample: message.sample });
        return;
    }
  }

  private sendState(): void {
    const model = this.store.model;
    if (model) this.deliver({ type: 'model', model, filter: this.store.filter });
    else if (this.store.busy) this.deliver({ type: 'busy', message: 'Comparing…' });
    else this.deliver({ type: 'error', message: this.store.error ?? NO_SOURCES });
  }

  private onStoreChange(change: StoreChange): void {
    if (change === 'model') this.updateTitle();
    if (!this.ready) {
      if (change === 'model') this.sendEarly();
      return;
    }
    switch (change) {
      case 'model':
      case 'error':
        this.sendState();
        return;
      case 'filter':
        this.deliver({ type: 'filter', filter: this.store.filter });
        return;
      case 'busy':
        // Not busy any more: after a model that arrived just before (harmless), or after a
        // cancelled run that brings none (the webview would otherwise keep saying "Comparing").
        this.deliver(this.store.busy ? { type: 'busy', message: `Comparing ${this.store.sources.length} sources…` } : { type: 'idle' });
        return;
    }
  }

  /** "Corroborate · 5 sources", so the tab says what is being compared. */
  private updateTitle(): void {
    const n = this.store.model?.sources.length;
    this.panel.title = n === undefined ? 'Corroborate' : `Corroborate · ${n} source${n === 1 ? '' : 's'}`;
  }

  private deliver(message: ToWebview): void {
    this.record(message);
    if (message.type === 'model' && this.postModelJson(message) !== undefined) return;
    this.send(() => void this.panel.webview.postMessage(message));
  }

  private record(message: ToWebview): void {
    if (!this.recordMessages) return;
    this.delivered.push(message);
    if (this.delivered.length > 50) this.delivered.shift();
  }

  /**
   * Posts a model as the worker's JSON bytes (see shared/modelWire.ts) when the store has them
   * for it; the id it goes out with, or undefined (then nothing was posted).
   */
  private postModelJson(message: Extract<ToWebview, { type: 'model' }>): number | undefined {
    const json = this.store.modelJson;
    if (!json || message.model !== this.store.model) return undefined;
    const id = ++this.modelSeq;
    this.send(() => this.postParts(id, json, message.filter));
    return id;
  }

  /**
   * Posts in order. A model goes in parts with a turn of the event loop between them, so that
   * VS Code writes each part out before the next is posted (see shared/modelWire.ts); the
   * messages after it wait, so the webview sees everything in the order it was sent.
   */
  private send(post: () => void | Promise<void>): void {
    this.sending = this.sending.then(() => (this.disposed ? undefined : post())).catch(() => undefined);
  }

  private async postParts(id: number, json: Uint8Array, filter: ModelWire['filter']): Promise<void> {
    const parts = splitParts(json, PART_BYTES);
    for (let part = 0; part < parts.length; part++) {
      // A newer model (or a closed panel) makes the rest of this one useless.
      if (this.disposed || id !== this.modelSeq) return;
      void this.panel.webview.postMessage({ type: 'modelJson', json: parts[part], filter, id, part, parts: parts.length } satisfies ModelWire);
      if (part === 0) mark('panel-model');
      if (part < parts.length - 1) await new Promise((r) => setTimeout(r, 0));
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}

function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
