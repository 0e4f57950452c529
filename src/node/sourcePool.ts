import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { performTask, type OutcomeOf, type SourceOutcome, type SourceTask } from './sourceTask';

export interface PoolOptions {
  /** How many tasks are coming: decides how many workers are worth starting. */
  tasks: number;
  /** Threads at most, the calling one included; default `os.availableParallelism()`. */
  threads?: number;
  /** Workers to start, whatever `tasks` and `threads` say (tests). */
  workers?: number;
  /**
   * False: the calling thread does only what no worker can (tasks of a lost worker, or all
   * when every worker is lost), so that tests know the workers did the rest. Default true.
   */
  inProcess?: boolean;
  /** The worker's script; default `analyseWorker.js` beside this bundle (`.ts` beside this file under tsx). */
  script?: string;
  /** For tests: every worker dies (an uncaught error) when it is given a task after this many. */
  crashAfter?: number;
}

/** What the pool did, for tests and the benchmark. */
export interface PoolStats {
  workers: number;
  /** Workers that failed to start or died. */
  lost: number;
  /** Tasks done by workers, and by the calling thread. */
  byWorkers: number;
  inProcess: number;
}

/** Sent to a worker (analyseWorker.ts), and its answer: the outcome, or why the task failed there. */
export interface TaskMessage {
  n: number;
  task: SourceTask;
}
export type WorkerReply = { n: number; outcome: SourceOutcome } | { n: number; failed: string };
export interface WorkerConfig {
  crashAfter?: number;
}

/**
 * One more thread for every this many tasks. A worker costs ~100 ms to start and, measured,
 * 0.3–0.7 s of CPU more in all (its own copy of the engine to compile and warm up, its own
 * caches, the analyses cloned back): below this it costs more than it saves.
 */
const TASKS_PER_THREAD = 128;
/** The calling thread and 7 workers. */
const MAX_THREADS = 8;
/** Tasks a worker holds at once: it never waits for the calling thread, which answers between its own tasks. */
const WINDOW = 8;

/** Threads worth using for `tasks` tasks on `cores` cores, the calling thread included. */
export function threadsFor(tasks: number, cores: number): number {
  return Math.max(1, Math.min(cores, MAX_THREADS, 1 + Math.floor(tasks / TASKS_PER_THREAD)));
}

/** The worker script beside the module this code runs from: the bundle's, or the TypeScript file's under tsx. */
export function workerScriptBeside(file: string, dir: string): string {
  return join(dir, file.endsWith('.ts') ? 'analyseWorker.ts' : 'analyseWorker.js');
}

/**
 * Under `node --import tsx` (the tests) a worker cannot load TypeScript by its path (its
 * loader does not take tsx's hooks), so it is started from code that registers tsx first.
 */
function viaTsx(script: string): string {
  return `const r = require('node:module').createRequire(${JSON.stringify(script)}); r('tsx/cjs'); r(${JSON.stringify(script)});`;
}

/**
 * A task as it is sent: a structured clone copies the whole buffer under a typed array, and
 * bytes read from a file are often a view of a larger one (a 64 KB read buffer for a 3 KB file).
 */
function compact(task: SourceTask): SourceTask {
  if (task.kind !== 'parse' || task.bytes.byteLength === task.bytes.buffer.byteLength) return task;
  return { ...task, bytes: task.bytes.slice() };
}

interface Queued {
  n: number;
  task: SourceTask;
  resolve: (o: SourceOutcome) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  online: boolean;
  lost: boolean;
  inFlight: Map<number, Queued>;
}

/**
 * Runs the per-source stages (sourceTask.ts: read, decode, read as a source, analyse) on
 * every core: up to `availableParallelism() − 1` worker threads (at most 7), each doing one
 * task after another, and the calling thread doing its own share from the same queue, so
 * that the machine is used and not oversubscribed. A small set gets no worker (see
 * TASKS_PER_THREAD), nor does a machine with one core.
 *
 *   const pool = new SourcePool({ tasks: files.length });
 *   try { outcomes = await Promise.all(files.map((f) => pool.run({ kind: 'load', … }))); }
 *   finally { pool.close(); }
 *
 * Every thread runs the same `performTask`, and an analysis reaches the caller by structured
 * clone (typed arrays, ±Infinity, −0 and NaN survive it), so outcomes are what the calling
 * thread alone would give. A task a worker could not finish — it failed to start, died, or
 * the task threw there — is done again by the calling thread: nothing is lost, and an error
 * is thrown here as it would be without workers. `close()` terminates the workers; an idle
 * worker never keeps the process alive.
 */
export class SourcePool {
  private readonly queue: Queued[] = [];
  /** Tasks a worker could not finish: the calling thread does them. */
  private readonly mine: Queued[] = [];
  private readonly slots: Slot[] = [];
  private nextN = 0;
  /** Whether the calling thread's lane is taking tasks (see `lane`). */
  private laneRunning = false;
  private closed = false;
  private readonly share: boolean;
  readonly stats: PoolStats = { workers: 0, lost: 0, byWorkers: 0, inProcess: 0 };

  constructor(options: PoolOptions) {
    const workers = options.workers ?? threadsFor(options.tasks, options.threads ?? availableParallelism()) - 1;
    this.share = options.inProcess ?? true;
    const script = options.script ?? workerScriptBeside(__filename, __dirname);
    const config: WorkerConfig = { crashAfter: options.crashAfter };
    for (let i = 0; i < workers; i++) this.start(script, config);
  }

  run<T extends SourceTask>(task: T): Promise<OutcomeOf<T>> {
    if (this.closed) return Promise.reject(new Error('the source pool is closed'));
    return new Promise<SourceOutcome>((resolve, reject) => {
      this.queue.push({ n: this.nextN++, task, resolve, reject });
      this.dispatch();
      this.startLane();
    }) as Promise<OutcomeOf<T>>;
  }

  /** Terminates the workers; tasks not yet done are rejected. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const left = [...this.queue.splice(0), ...this.mine.splice(0)];
    for (const s of this.slots) {
      left.push(...s.inFlight.values());
      s.inFlight.clear();
      s.worker.unref();
      void s.worker.terminate();
    }
    for (const q of left) q.reject(new Error('the source pool was closed'));
  }

  private start(script: string, config: WorkerConfig): void {
    let worker: Worker;
    try {
      worker = script.endsWith('.ts') ? new Worker(viaTsx(script), { eval: true, workerData: config }) : new Worker(script, { workerData: config });
    } catch {
      this.stats.lost++;
      return;
    }
    const slot: Slot = { worker, online: false, lost: false, inFlight: new Map() };
    this.slots.push(slot);
    this.stats.workers++;
    worker.unref();
    worker.on('online', () => {
      slot.online = true;
      this.dispatch();
    });
    worker.on('message', (reply: WorkerReply) => this.receive(slot, reply));
    worker.on('error', () => this.lose(slot));
    worker.on('exit', () => this.lose(slot));
  }

  /** Fills every live worker's window from the queue. */
  private dispatch(): void {
    if (this.closed) return;
    for (const s of this.slots) {
      if (!s.online || s.lost) continue;
      while (s.inFlight.size < WINDOW && this.queue.length > 0) {
        const q = this.queue.shift()!;
        s.inFlight.set(q.n, q);
        try {
          s.worker.postMessage({ n: q.n, task: compact(q.task) } satisfies TaskMessage);
        } catch {
          // A task that cannot be sent (it should not happen: tasks are plain data) is done here.
          s.inFlight.delete(q.n);
          this.mine.push(q);
        }
      }
      if (s.inFlight.size > 0) s.worker.ref();
    }
  }

  private receive(slot: Slot, reply: WorkerReply): void {
    const q = slot.inFlight.get(reply.n);
    if (!q) return;
    slot.inFlight.delete(reply.n);
    if (slot.inFlight.size === 0) slot.worker.unref();
    if ('outcome' in reply) {
      this.stats.byWorkers++;
      q.resolve(reply.outcome);
    } else {
      // Thrown in the worker: done again here, so that the same error is thrown here.
      this.mine.push(q);
      this.startLane();
    }
    this.dispatch();
  }

  /** A worker that failed to start or died: what it held is done by the calling thread. */
  private lose(slot: Slot): void {
    if (slot.lost || this.closed) return;
    slot.lost = true;
    this.stats.lost++;
    slot.worker.unref();
    this.mine.push(...[...slot.inFlight.values()].sort((a, b) => a.n - b.n));
    slot.inFlight.clear();
    this.startLane();
  }

  /** Starts the calling thread's lane if tasks wait for it. */
  private startLane(): void {
    if (this.laneRunning || !this.localTasks()) return;
    this.laneRunning = true;
    void this.lane();
  }

  private takesShared(): boolean {
    return this.share || this.slots.every((s) => s.lost);
  }

  private localTasks(): boolean {
    return this.mine.length > 0 || (this.takesShared() && this.queue.length > 0);
  }

  /**
   * The calling thread's lane: takes tasks while there are any, yielding to the event loop
   * before each so that the caller has queued its tasks and the workers have theirs, and
   * between tasks so that the workers' answers are taken in and their windows refilled. One
   * lane: a task runs start to end without waiting (reads block, cli/sourceBytes.ts), so more
   * lanes would only take turns.
   */
  private async lane(): Promise<void> {
    try {
      for (;;) {
        await new Promise<void>((r) => setImmediate(r));
        if (this.closed) return;
        const q = this.mine.shift() ?? (this.takesShared() ? this.queue.shift() : undefined);
        if (!q) return;
        try {
          const outcome = await performTask(q.task);
          this.stats.inProcess++;
          q.resolve(outcome);
        } catch (e) {
          q.reject(e);
        }
      }
    } finally {
      this.laneRunning = false;
    }
  }
}
