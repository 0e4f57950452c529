import * as vscode from 'vscode';
import type { DraftDiagnostic } from '../../core/draft/diagnostic';
import { STATE } from '../ids';

/** The engine's results for one version of one draft. */
export interface DraftResult {
  uri: vscode.Uri;
  /** The document version checked; for a draft read from disk (not open), -1. */
  version: number;
  /** Whether the checked text was unsaved: when such a draft is closed, its file is checked again. */
  unsaved: boolean;
  /** The text checked: every offset of the diagnostics points into it. */
  text: string;
  /** Every result, confirmations included (they show in hovers, not as problems). */
  diagnostics: DraftDiagnostic[];
}

export type DraftStoreChange = { kind: 'result'; uri: vscode.Uri } | { kind: 'cleared' } | { kind: 'ignored' };

/**
 * The one store of draft results (design principle 2, for drafts): the Problems panel,
 * squiggles, hovers, quick fixes and Cite All Verified Quotes all read from here. It also
 * keeps the findings the user chose to ignore, per workspace, by fingerprint (kind, detail
 * and text, not offsets), so an ignored finding stays ignored while the draft is edited.
 */
export class DraftStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DraftStoreChange>();
  readonly onDidChange = this.emitter.event;
  private readonly results = new Map<string, DraftResult>();
  private ignoredSet: Set<string>;

  constructor(private readonly memento: vscode.Memento) {
    const saved = memento.get<unknown>(STATE.ignoredDraftFindings);
    this.ignoredSet = new Set(Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : []);
  }

  get(uri: vscode.Uri): DraftResult | undefined {
    return this.results.get(uri.toString());
  }

  /** The results for exactly this version of an open document; undefined for any other. */
  current(doc: vscode.TextDocument): DraftResult | undefined {
    const r = this.get(doc.uri);
    return r && r.version === doc.version ? r : undefined;
  }

  all(): DraftResult[] {
    return [...this.results.values()];
  }

  set(result: DraftResult): void {
    this.results.set(result.uri.toString(), result);
    this.emitter.fire({ kind: 'result', uri: result.uri });
  }

  delete(uri: vscode.Uri): void {
    if (this.results.delete(uri.toString())) this.emitter.fire({ kind: 'result', uri });
  }

  clear(): void {
    if (this.results.size === 0) return;
    this.results.clear();
    this.emitter.fire({ kind: 'cleared' });
  }

  isIgnored(d: DraftDiagnostic): boolean {
    return this.ignoredSet.has(d.fingerprint);
  }

  get ignored(): readonly string[] {
    return [...this.ignoredSet];
  }

  async ignore(fingerprint: string): Promise<void> {
    if (this.ignoredSet.has(fingerprint)) return;
    this.ignoredSet = new Set([...this.ignoredSet, fingerprint]);
    this.emitter.fire({ kind: 'ignored' });
    await this.memento.update(STATE.ignoredDraftFindings, [...this.ignoredSet]);
  }

  /** Forgets every ignored finding; returns how many there were. */
  async clearIgnored(): Promise<number> {
    const n = this.ignoredSet.size;
    this.ignoredSet = new Set();
    this.emitter.fire({ kind: 'ignored' });
    await this.memento.update(STATE.ignoredDraftFindings, undefined);
    return n;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
