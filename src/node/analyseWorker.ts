import { parentPort, workerData } from 'node:worker_threads';
import { performTask } from './sourceTask';
import type { TaskMessage, WorkerConfig, WorkerReply } from './sourcePool';

/**
 * A worker thread of the source pool (sourcePool.ts; bundled as dist/analyseWorker.js): does
 * the tasks it is given, one after another (the next file is read while one is analysed),
 * and answers each with its outcome, or with why it failed here (the pool then does that
 * task itself, so that the error is thrown where it would be without workers).
 */

const port = parentPort;
if (!port) throw new Error('analyseWorker runs as a worker thread of the source pool');
const config = (workerData ?? {}) as WorkerConfig;
const inbox: TaskMessage[] = [];
let received = 0;
let lanes = 0;

port.on('message', (m: TaskMessage) => {
  received++;
  // For the pool's tests: a worker that dies with tasks in hand.
  if (config.crashAfter !== undefined && received > config.crashAfter) throw new Error('analyseWorker: crash injected for a test');
  inbox.push(m);
  while (lanes < 2 && inbox.length > 0) {
    lanes++;
    void lane().finally(() => lanes--);
  }
});

async function lane(): Promise<void> {
  for (let m = inbox.shift(); m; m = inbox.shift()) {
    let reply: WorkerReply;
    try {
      reply = { n: m.n, outcome: await performTask(m.task) };
    } catch (e) {
      reply = { n: m.n, failed: e instanceof Error ? e.message : String(e) };
    }
    try {
      port!.postMessage(reply);
    } catch (e) {
      // An outcome that cannot be cloned: the pool does the task itself.
      port!.postMessage({ n: m.n, failed: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  }
}
