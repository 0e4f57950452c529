import * as vscode from 'vscode';
import type { ViewModel, ViewSource } from '../../core/view/viewModel';
import type { ResultFinding } from '../../core/result';
import { DEFAULT_FILTER, isFilter, type ViewFilter } from '../../shared/protocol';
import type { MetaOverride } from '../worker/messages';
import { parseSavedSet, sameSet, type SavedSet } from '../sources/sourceSet';
import { STATE } from '../ids';

export type StoreChange = 'sources' | 'model' | 'filter' | 'busy' | 'details' | 'error';

/**
 * The one store of findings per workspace (design principle 2): the source set, the latest
 * view model from the engine, the panel's filter and the user's metadata overrides. The
 * panel, decorations, hovers, trees and status bar all read from here and listen to
 * `onDidChange`; none of them derives findings on its own.
 */
export class FindingsStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<StoreChange>();
  readonly onDidChange = this.emitter.event;

  private set: SavedSet;
  /** The set as last written to (or read from) the workspace's storage. */
  private saved: SavedSet;
  private currentModel: ViewModel | undefined;
  private lookupOf: ModelLookup | undefined;
  private currentJson: Uint8Array | undefined;
  private currentFilter: ViewFilter;
  private details: Record<string, MetaOverride>;
  private running = false;
  private lastError: string | undefined;

  constructor(private readonly memento: vscode.Memento) {
    this.set = this.saved = parseSavedSet(memento.get(STATE.sourceSet));
    const filter = memento.get<unknown>(STATE.filter);
    this.currentFilter = isFilter(filter) ? filter : DEFAULT_FILTER;
    const details = memento.get<unknown>(STATE.sourceDetails);
    this.details = details && typeof details === 'object' ? { ...(details as Record<string, MetaOverride>) } : {};
  }

  get sourceSet(): SavedSet {
    return this.set;
  }

  /** The files of the source set, as URIs. */
  get sources(): vscode.Uri[] {
    return this.set.files.map((f) => vscode.Uri.file(f));
  }

  /**
   * The new set is the store's at once (listeners hear 'sources' before this returns); the
   * promise settles when it is remembered in the workspace's storage, which is skipped when
   * the set is the one already remembered (a re-run of the same set, as after a reload).
   */
  async setSourceSet(set: SavedSet): Promise<void> {
    this.set = set;
    this.emitter.fire('sources');
    if (sameSet(this.saved, set)) return;
    this.saved = set;
    await this.memento.update(STATE.sourceSet, set);
  }

  get model(): ViewModel | undefined {
    return this.currentModel;
  }

  /** The current model as JSON bytes, when the worker sent them. */
  get modelJson(): Uint8Array | undefined {
    return this.currentJson;
  }

  /**
   * The model, and (from the worker) the same model as UTF-8 JSON bytes for the panel, so the
   * extension host never serialises a large model itself (shared/modelWire.ts).
   */
  setModel(model: ViewModel | undefined, json?: Uint8Array): void {
    this.currentModel = model;
    this.currentJson = model ? json : undefined;
    this.lastError = undefined;
    this.emitter.fire('model');
  }

  get error(): string | undefined {
    return this.lastError;
  }

  setError(message: string): void {
    this.lastError = message;
    this.emitter.fire('error');
  }

  get filter(): ViewFilter {
    return this.currentFilter;
  }

  async setFilter(filter: ViewFilter): Promise<void> {
    this.currentFilter = filter;
    this.emitter.fire('filter');
    await this.memento.update(STATE.filter, filter);
  }

  get busy(): boolean {
    return this.running;
  }

  setBusy(busy: boolean): void {
    if (busy === this.running) return;
    this.running = busy;
    this.emitter.fire('busy');
  }

  /** Every override, keyed by absolute path, for the worker. */
  get overrides(): Record<string, MetaOverride> {
    return this.details;
  }

  detailsOf(path: string): MetaOverride {
    return this.details[path] ?? {};
  }

  async setDetails(path: string, override: MetaOverride): Promise<void> {
    const cleaned = Object.fromEntries(Object.entries(override).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
    if (Object.keys(cleaned).length > 0) this.details = { ...this.details, [path]: cleaned };
    else {
      const { [path]: _dropped, ...rest } = this.details;
      this.details = rest;
    }
    this.emitter.fire('details');
    await this.memento.update(STATE.sourceDetails, this.details);
  }

  /** The source of the latest model read from `path` (an absolute file path). */
  sourceByPath(path: string): ViewSource | undefined {
    return this.lookup()?.byPath.get(pathKey(path));
  }

  sourceById(id: string): ViewSource | undefined {
    return this.lookup()?.sources.get(id);
  }

  findingById(id: string): ResultFinding | undefined {
    return this.lookup()?.findings.get(id);
  }

  /**
   * The latest model's sources and findings by key, made once per model: the views ask for
   * one per tree item, and a scan each was quadratic (millions of comparisons per render at
   * 2,000 sources and as many findings, on the extension host's thread).
   */
  private lookup(): ModelLookup | undefined {
    const model = this.currentModel;
    if (!model) return undefined;
    if (this.lookupOf?.model !== model) {
      const lookup: ModelLookup = { model, sources: new Map(), byPath: new Map(), findings: new Map() };
      // The first of equal keys wins, as `find` gave it.
      for (const s of model.sources) {
        if (!lookup.sources.has(s.id)) lookup.sources.set(s.id, s);
        if (!lookup.byPath.has(pathKey(s.path))) lookup.byPath.set(pathKey(s.path), s);
      }
      for (const f of model.findings) if (!lookup.findings.has(f.id)) lookup.findings.set(f.id, f);
      this.lookupOf = lookup;
    }
    return this.lookupOf;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** File paths compare case-insensitively where the file system does (Windows, macOS by default). */
export function samePath(a: string, b: string): boolean {
  return pathKey(a) === pathKey(b);
}

/** A path as `samePath` compares it. */
export function pathKey(p: string): string {
  return process.platform === 'linux' ? p : p.toLowerCase();
}

interface ModelLookup {
  model: ViewModel;
  sources: Map<string, ViewSource>;
  byPath: Map<string, ViewSource>;
  findings: Map<string, ResultFinding>;
}
