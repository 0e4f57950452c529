import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './messages';
import type { EngineWorkerData } from './workerCache';
import { mark } from '../perfMarks';

/** A request that was cancelled (the worker was terminated) rather than failed. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * One engine worker thread, started on first use. Cancelling terminates the thread: the
 * engine has no yield points, and a terminated worker frees its memory at once. The next
 * request starts a fresh one. Imports nothing from vscode, so it is testable under node.
 */
export class EngineClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `data` reaches the worker as its `workerData` (the cache folder). */
  constructor(
    private readonly scriptPath: string,
    private readonly data: EngineWorkerData = {},
  ) {}

  get busy(): boolean {
    return this.pending.size > 0;
  }

  request(req: Request, signal?: AbortSignal): Promise<WorkerResponse> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerResponse>((resolve, reject) => {
      const onAbort = () => this.terminate();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        this.pending.delete(id);
        if (this.pending.size === 0) this.worker?.unref();
      };
      this.pending.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
      worker.ref();
      const message = { ...req, id } as WorkerRequest;
      // Page bytes are handed over, not copied.
      const transfer = message.type === 'extract' ? [message.bytes.buffer as ArrayBuffer] : [];
      worker.postMessage(message, transfer);
    });
  }

  /**
   * Starts the thread now if it is not running, so that the first request does not wait for
   * it to load (a few hundred ms while VS Code is busy starting up).
   */
  warm(): void {
    this.ensureWorker();
  }

  /** Stops the thread; every request in flight rejects with `CancelledError`. */
  terminate(): void {
    const w = this.worker;
    this.worker = undefined;
    this.failAll(new CancelledError());
    void w?.terminate();
  }

  dispose(): void {
    this.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    mark('worker-start');
    const w = new Worker(this.scriptPath, { workerData: this.data });
    w.on('message', (res: WorkerResponse) => this.pending.get(res.id)?.resolve(res));
    w.on('error', (e) => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(e instanceof Error ? e : new Error(String(e)));
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return; // terminated on purpose
      this.worker = undefined;
      this.failAll(new Error(`the engine stopped unexpectedly (exit code ${code})`));
    });
    // An idle worker must not keep a Node process alive (no matter in the extension host,
    // but it does for unit tests); it is referenced only while a request is in flight.
    w.unref();
    this.worker = w;
    return w;
  }

  private failAll(e: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(e);
  }
}
