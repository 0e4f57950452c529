import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import type { ComparisonRunner } from '../store/comparisonRunner';
import { CancelledError, type EngineClient } from '../worker/engineClient';
import type { DraftInput } from '../../core/draft/draftText';
import type { Notifier } from '../notify';
import type { DraftStore } from './draftStore';
import { citationStyle, draftDebounceMs } from './draftConfig';
import { draftInput, draftKind, isDraftDocument, isSource } from './draftDocuments';

/**
 * A draft longer than this (about 80,000 words; a long feature has 10,000) is not checked: it
 * is most likely not a draft but a dump or a log, and checking it would hold up the worker.
 */
export const MAX_DRAFT_CHARS = 500_000;

/** Per draft: the pending debounce, the check loop in flight, and whether another check is wanted. */
interface DocState {
  timer?: NodeJS.Timeout;
  loop?: Promise<void>;
  again: boolean;
  /** The last check was cut short by a comparison terminating the worker: check again after it. */
  retry: boolean;
}

/**
 * Checks drafts in the engine worker, against the source index of the current comparison,
 * and puts the results into the DraftStore. A draft is checked when it is opened in an
 * editor, after the journalist stops typing (`corroborate.drafts.debounceMs`), on Check
 * Draft, and again after every comparison. Documents other extensions load without showing
 * them are left alone unless they already have results. At most one check per draft is in
 * flight; an answer for a version that is no longer the document's is dropped (the edit that
 * made it old has scheduled the next check), so the results always belong to the text they
 * describe.
 */
export class DraftChecker implements vscode.Disposable {
  private readonly states = new Map<string, DocState>();
  /** Documents checked because the user asked, though no glob makes them drafts (an untitled draft). */
  private readonly explicit = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reported = new Set<string>();
  /**
   * Tests only: awaited after the worker answered and before the answer is judged, so that a
   * test can edit the draft while a check is in flight without relying on timing.
   */
  testGate: ((uri: vscode.Uri, version: number) => Promise<void>) | undefined;
  /** Answers put into the store, and answers dropped because the draft or the sources changed meanwhile. */
  readonly stats = { published: 0, dropped: 0 };

  constructor(
    private readonly store: FindingsStore,
    private readonly runner: ComparisonRunner,
    private readonly engine: EngineClient,
    private readonly drafts: DraftStore,
    private readonly notifier: Notifier,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (this.tracks(doc)) this.schedule(doc.uri, 0);
      }),
      // A document is usually loaded just before its tab opens: the tab is what makes it the journalist's.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.opened) {
          const doc = tab.input instanceof vscode.TabInputText ? openDocument(tab.input.uri) : undefined;
          if (doc && this.tracks(doc) && !this.drafts.current(doc)) this.schedule(doc.uri, 0);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.tracks(e.document)) this.schedule(e.document.uri, draftDebounceMs());
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      // Saved: the results now describe the file too, so closing the draft keeps them.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const r = this.drafts.current(doc);
        if (r?.unsaved) this.drafts.set({ ...r, unsaved: false });
      }),
      store.onDidChange((c) => {
        if (c === 'model') this.checkAll();
        else if (c === 'sources' && store.sourceSet.files.length === 0) drafts.clear();
        else if (c === 'busy' && !store.busy) this.retryCut();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // What is a draft, and the citation style the "cite this" fixes insert; not the debounce or the bibliography.
        const affects = ['corroborate.drafts.include', 'corroborate.drafts.exclude', 'corroborate.citation.style'].some((k) => e.affectsConfiguration(k));
        if (affects) this.checkAll();
      }),
    );
    this.checkAll();
  }

  /**
   * Whether a document is checked as a draft now: a draft shown in an editor tab, or one that
   * has results already (they must follow its text), or one the user asked to check.
   */
  tracks(doc: vscode.TextDocument): boolean {
    if (this.explicit.has(doc.uri.toString())) return !isSource(doc.uri, this.store);
    return isDraftDocument(doc, this.store) && (inTab(doc.uri) || this.drafts.get(doc.uri) !== undefined);
  }

  /** Check Draft: checks this document now (and from now on as it changes), and settles when its results are in. */
  async checkNow(doc: vscode.TextDocument): Promise<void> {
    if (!this.tracks(doc)) this.explicit.add(doc.uri.toString());
    const st = this.state(doc.uri);
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    await this.kick(doc.uri);
  }

  /** Checks a draft file that is not open, from its saved text. */
  async checkFile(uri: vscode.Uri): Promise<void> {
    await this.kick(uri);
  }

  /** Settles when no check is scheduled or running (for one draft, or for all). */
  async whenIdle(uri?: vscode.Uri): Promise<void> {
    for (;;) {
      const states = uri ? [this.states.get(uri.toString())].filter((s): s is DocState => !!s) : [...this.states.values()];
      const loop = states.find((s) => s.loop)?.loop;
      if (loop) await loop;
      else if (states.some((s) => s.timer)) await new Promise((r) => setTimeout(r, 25));
      else return;
    }
  }

  /** Every open draft, and every draft checked from its file, again: after a comparison or a settings change. */
  checkAll(): void {
    if (!this.runner.index) {
      this.drafts.clear();
      return;
    }
    const open = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      open.add(doc.uri.toString());
      if (this.tracks(doc)) this.schedule(doc.uri, 0);
      else this.drafts.delete(doc.uri);
    }
    for (const r of this.drafts.all()) {
      if (open.has(r.uri.toString())) continue;
      if (isSource(r.uri, this.store)) this.drafts.delete(r.uri);
      else this.schedule(r.uri, 0);
    }
  }

  private schedule(uri: vscode.Uri, delayMs: number): void {
    const st = this.state(uri);
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.kick(uri);
    }, delayMs);
  }

  private kick(uri: vscode.Uri): Promise<void> {
    const st = this.state(uri);
    st.again = true;
    st.loop ??= this.loop(uri, st).finally(() => {
      st.loop = undefined;
    });
    return st.loop;
  }

  private async loop(uri: vscode.Uri, st: DocState): Promise<void> {
    while (st.again) {
      st.again = false;
      await this.checkOnce(uri, st);
    }
  }

  private async checkOnce(uri: vscode.Uri, st: DocState): Promise<void> {
    const index = this.runner.index;
    if (!index) return;
    const doc = openDocument(uri);
    if (doc && !this.tracks(doc)) {
      this.drafts.delete(uri);
      return;
    }
    const read = doc ? { input: draftInput(doc), version: doc.version, unsaved: doc.isDirty } : await readDraftFile(uri);
    if (!read || read.input.text.length > MAX_DRAFT_CHARS) {
      this.drafts.delete(uri);
      if (read && this.explicit.has(uri.toString())) void this.notifier.warn(`Corroborate: ${uri.path.replace(/^.*\//, '')} is too long to be checked as a draft (more than ${MAX_DRAFT_CHARS.toLocaleString('en')} characters).`);
      return;
    }
    let res;
    try {
      res = await this.engine.request({
        type: 'checkDraft',
        index,
        draft: read.input,
        version: read.version,
        options: { citationStyle: citationStyle(uri), confirmations: true },
      });
    } catch (e) {
      if (e instanceof CancelledError) {
        // A comparison terminated the worker: its new model re-checks every draft; a
        // cancelled one leaves the old model, so the check is repeated once it is over.
        st.retry = true;
        if (!this.store.busy) setTimeout(() => this.retryCut(), 0);
        return;
      }
      this.report(e instanceof Error ? e.message : String(e));
      return;
    }
    await this.testGate?.(uri, read.version);
    // A newer comparison came in meanwhile: these results are against sources no longer shown.
    if (this.runner.index?.key !== index.key) {
      this.stats.dropped++;
      if (this.runner.index) st.again = true;
      return;
    }
    // Edited (or opened, or closed) meanwhile: that event scheduled the check of the new text.
    const now = openDocument(uri);
    if (doc ? now !== doc || now.version !== read.version : now !== undefined) {
      this.stats.dropped++;
      return;
    }
    if (res.type === 'error') {
      this.report(res.message);
      return;
    }
    if (res.type !== 'draftChecked' || res.version !== read.version) return;
    st.retry = false;
    this.stats.published++;
    this.drafts.set({ uri, version: read.version, unsaved: read.unsaved, text: read.input.text, diagnostics: res.diagnostics });
  }

  private retryCut(): void {
    for (const [key, st] of this.states) {
      if (!st.retry) continue;
      st.retry = false;
      void this.kick(vscode.Uri.parse(key));
    }
  }

  /**
   * A closed draft keeps its results while they describe its file (saved text); results of
   * unsaved text are replaced by a check of the file. A document opened again starts at
   * version 1, so the results are marked as read from the file (-1), never mistaken for it.
   */
  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const st = this.states.get(key);
    if (st?.timer) clearTimeout(st.timer);
    if (st) st.timer = undefined;
    const wasExplicit = this.explicit.delete(key);
    const r = this.drafts.get(doc.uri);
    if (!r) return;
    if (doc.uri.scheme !== 'file' || (!wasExplicit && !isDraftDocument(doc, this.store))) this.drafts.delete(doc.uri);
    else if (r.unsaved) this.schedule(doc.uri, 0);
    else this.drafts.set({ ...r, version: -1 });
  }

  private state(uri: vscode.Uri): DocState {
    const key = uri.toString();
    let st = this.states.get(key);
    if (!st) this.states.set(key, (st = { again: false, retry: false }));
    return st;
  }

  /** An engine failure is shown once per distinct message, not on every keystroke. */
  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void this.notifier.warn(`Corroborate: the draft could not be checked: ${message}`);
  }

  dispose(): void {
    for (const st of this.states.values()) if (st.timer) clearTimeout(st.timer);
    this.states.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function inTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** A draft that is not open, as saved: UTF-8 (a BOM dropped, as the editor does). */
async function readDraftFile(uri: vscode.Uri): Promise<{ input: DraftInput; version: number; unsaved: boolean } | undefined> {
  if (uri.scheme !== 'file') return undefined;
  try {
    // A UTF-16 code unit takes at most three bytes of UTF-8: a larger file is too long whatever it holds.
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_DRAFT_CHARS * 3) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    return { input: { id: uri.fsPath, text, kind: draftKind('', uri.path) }, version: -1, unsaved: false };
  } catch {
    return undefined;
  }
}
