import { appendFileSync } from 'node:fs';

/**
 * Moments of the extension's own work (activation, a restored panel, a comparison's steps, the
 * panel getting its model), so that the benchmark can tell where the time goes between
 * opening a window and seeing results (`npm run bench:vscode -- --reopen`). They are written
 * only when the extension host's environment names a file in CORROBORATE_PERF_MARKS (the
 * benchmark starts code-server so); otherwise `mark` does nothing.
 */
export interface PerfMark {
  name: string;
  /** Milliseconds since the epoch (comparable with other processes on the machine). */
  at: number;
  /** Figures of the step, e.g. the worker's own timings. */
  detail?: Record<string, number | string>;
}

const file = process.env.CORROBORATE_PERF_MARKS;

export function mark(name: string, detail?: PerfMark['detail']): void {
  if (!file) return;
  const m: PerfMark = { name, at: performance.timeOrigin + performance.now(), ...(detail ? { detail } : {}) };
  try {
    appendFileSync(file, `${JSON.stringify(m)}\n`);
  } catch {
    // A benchmark's file; never a reason to fail.
  }
}
