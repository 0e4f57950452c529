import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * How long the extension host's event loop was blocked, for the responsiveness benchmark and
 * tests (exposed through the test API only). Two samplers over the same stretch: Node's
 * event-loop delay histogram (its max is the longest delay of a timer, at 10 ms resolution),
 * and a 5 ms interval timer whose longest gap beyond 5 ms is the longest stretch the loop
 * did not run timers — the same thing measured without the histogram's bucketing.
 */
export class HostBlockMonitor {
  private histogram: IntervalHistogram | undefined;
  private timer: NodeJS.Timeout | undefined;
  private last = 0;
  private longest = 0;
  private started = 0;

  start(): void {
    this.stop();
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.longest = 0;
    this.started = this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.longest = Math.max(this.longest, now - this.last - INTERVAL_MS);
      this.last = now;
    }, INTERVAL_MS);
  }

  /** The longest block since `start` (ms), by both samplers, and how long it ran. */
  stop(): HostBlocks {
    const h = this.histogram;
    const out: HostBlocks = {
      longestMs: Math.max(0, this.longest, performance.now() - this.last - INTERVAL_MS),
      histogramMaxMs: h ? h.max / 1e6 : 0,
      p99Ms: h ? h.percentile(99) / 1e6 : 0,
      durationMs: performance.now() - this.started,
    };
    h?.disable();
    this.histogram = undefined;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return out;
  }
}

export interface HostBlocks {
  longestMs: number;
  histogramMaxMs: number;
  p99Ms: number;
  durationMs: number;
}

const INTERVAL_MS = 5;
