import * as vscode from 'vscode';
import { stat } from 'node:fs/promises';
import type { ViewModel } from '../../core/view/viewModel';
import { CancelledError, EngineClient } from '../worker/engineClient';
import type { CacheStats, IndexRef, SourceJob } from '../worker/messages';
import type { FindingsStore } from './findingsStore';
import { withRowsFrom } from './hostModel';
import type { Notifier } from '../notify';
import { maxSourceBytes } from '../config';
import { formatBytes } from '../../cli/sourceBytes';
import { MAX_SIZE_SETTING, problemsKey, problemsMessage } from './problemsMessage';
import { mark } from '../perfMarks';

export type RunOutcome =
  | { status: 'done'; model: ViewModel }
  | { status: 'cancelled' | 'superseded' | 'empty' }
  | { status: 'failed'; message: string };

/** A run slower than this gets a cancellable notification; quicker ones only the status bar spinner. */
const PROGRESS_DELAY_MS = 400;

const OPEN_SETTING = 'Open Setting';

/**
 * Runs comparisons of the store's source set in the engine worker and puts the model into
 * the store. A new run supersedes one in flight (its thread is terminated, its result would
 * be stale anyway); Cancel in the progress notification terminates the thread too.
 */
export class ComparisonRunner implements vscode.Disposable {
  private generation = 0;
  private current: { promise: Promise<RunOutcome>; abort: AbortController } | undefined;
  private lastProblems = '';
  /** Titles and messages of the progress notifications shown, oldest first (for tests). */
  readonly progressShown: string[] = [];
  private debounce: NodeJS.Timeout | undefined;
  private currentIndex: IndexRef | undefined;
  /** Where the analyses of the latest comparisons came from (memory, disk cache, made), newest last, numbered; for tests and figures. */
  readonly cacheLog: Array<CacheStats & { run: number }> = [];
  private cacheRuns = 0;

  constructor(
    private readonly store: FindingsStore,
    private readonly engine: EngineClient,
    private readonly notifier: Notifier,
  ) {}

  /** Compares the store's current source set. */
  run(): Promise<RunOutcome> {
    this.clearDebounce();
    const previous = this.current;
    if (previous) {
      previous.abort.abort('superseded');
    }
    const generation = ++this.generation;
    const abort = new AbortController();
    const promise = this.execute(generation, abort);
    this.current = { promise, abort };
    void promise.finally(() => {
      if (this.current?.promise === promise) this.current = undefined;
    });
    return promise;
  }

  /** Runs again after the configured quiet time; file watchers call this on every change. */
  schedule(delayMs: number, rerun: () => unknown = () => this.run()): void {
    this.clearDebounce();
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void rerun();
    }, delayMs);
  }

  /** Whether a comparison is in flight. */
  get running(): boolean {
    return this.current !== undefined;
  }

  get scheduled(): boolean {
    return this.debounce !== undefined;
  }

  /**
   * The source index of the store's model in the worker: drafts are checked against the
   * comparison the user sees. Undefined while there is no model.
   */
  get index(): IndexRef | undefined {
    return this.store.model ? this.currentIndex : undefined;
  }

  /** Cancels the comparison in flight, if any (as the notification's Cancel button does). */
  cancel(): void {
    this.current?.abort.abort('cancelled');
  }

  /** Settles when no comparison is running or scheduled. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.current) await this.current.promise.catch(() => undefined);
      else if (this.debounce) await new Promise((r) => setTimeout(r, 50));
      else return;
    }
  }

  private async execute(generation: number, abort: AbortController): Promise<RunOutcome> {
    const files = this.store.sources.map((u) => u.fsPath);
    if (files.length === 0) {
      this.store.setModel(undefined);
      return { status: 'empty' };
    }
    mark('run', { files: files.length });
    this.store.setBusy(true);
    const progress = setTimeout(() => this.showProgress(files, abort), PROGRESS_DELAY_MS);
    try {
      const job: SourceJob = { files, overrides: this.store.overrides, maxBytes: maxSourceBytes() };
      const res = await this.engine.request({ type: 'compare', indexKey: generation, ...job }, abort.signal);
      if (generation !== this.generation) return { status: 'superseded' };
      if (res.type === 'error') throw new Error(res.message);
      if (res.type !== 'model') throw new Error(`unexpected answer from the engine: ${res.type}`);
      mark('answer', { result: res.cache.result, jsonBytes: res.json.byteLength, ...res.timings });
      // Set before the model, so that whoever reacts to the new model finds its index.
      this.currentIndex = { key: generation, job };
      this.cacheLog.push({ ...res.cache, run: this.cacheRuns++ });
      if (this.cacheLog.length > 20) this.cacheLog.shift();
      this.store.setModel(withRowsFrom(res.model, res.json), res.json);
      mark('model');
      this.reportProblems(res.model);
      return { status: 'done', model: res.model };
    } catch (e) {
      if (e instanceof CancelledError || abort.signal.aborted) {
        return { status: abort.signal.reason === 'superseded' || generation !== this.generation ? 'superseded' : 'cancelled' };
      }
      const message = e instanceof Error ? e.message : String(e);
      if (generation === this.generation) {
        this.store.setError(`The comparison failed: ${message}`);
        void this.notifier.error(`Corroborate: the comparison failed: ${message}`);
      }
      return { status: 'failed', message };
    } finally {
      clearTimeout(progress);
      if (generation === this.generation) this.store.setBusy(false);
    }
  }

  private showProgress(files: string[], abort: AbortController): void {
    if (abort.signal.aborted) return;
    const title = `Corroborate: comparing ${files.length} sources…`;
    this.progressShown.push(title);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => new Promise<void>((resolve) => {
        token.onCancellationRequested(() => abort.abort('cancelled'));
        if (abort.signal.aborted) resolve();
        abort.signal.addEventListener('abort', () => resolve(), { once: true });
        void this.current?.promise.finally(resolve);
        // The engine cannot say how far it is (it has no yield points), but the one thing that
        // makes a comparison take minutes can be named: a very large source.
        void largestSource(files).then((big) => {
          if (!big || abort.signal.aborted) return;
          const message = `${big.name} is ${formatBytes(big.size)}: a source this large takes minutes. Cancel keeps the current results.`;
          this.progressShown.push(message);
          progress.report({ message });
        });
      }),
    );
  }

  /** Names unreadable files once per distinct set of problems, so a watcher re-run does not nag. */
  private reportProblems(model: ViewModel): void {
    const key = `${problemsKey(model)}\u0002${Math.min(model.sources.length, 2)}`;
    if (key === this.lastProblems) return;
    this.lastProblems = key;
    const message = problemsMessage(model);
    if (message && model.problems.some((p) => p.reason === 'too-large')) {
      void this.notifier.warn(message, OPEN_SETTING).then((choice) => {
        if (choice === OPEN_SETTING) void vscode.commands.executeCommand('workbench.action.openSettings', MAX_SIZE_SETTING);
      });
    } else if (message) void this.notifier.warn(message);
    else if (model.sources.length === 1) void this.notifier.warn('Corroborate: only one source in the set; add another to compare.');
  }

  private clearDebounce(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
  }

  dispose(): void {
    this.clearDebounce();
    this.current?.abort.abort('cancelled');
  }
}

/** Sources above this size get a word in the progress notification (measured: 1 MB ≈ 10 s). */
const LARGE_SOURCE_BYTES = 1024 * 1024;

/** The largest file of the set if it is large; files that cannot be looked at are skipped. */
async function largestSource(files: string[]): Promise<{ name: string; size: number } | undefined> {
  const sizes = await Promise.all(files.map((f) => stat(f).then((st) => st.size, () => 0)));
  let big: { name: string; size: number } | undefined;
  sizes.forEach((size, i) => {
    if (size > LARGE_SOURCE_BYTES && size > (big?.size ?? 0)) big = { name: files[i].replace(/^.*[\\/]/, ''), size };
  });
  return big;
}
