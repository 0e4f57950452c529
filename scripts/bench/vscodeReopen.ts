/**
 * The probe of `npm run bench:vscode -- --reopen` (scripts/bench/vscodeReopen.mjs drives the
 * browser): a tiny second extension under development, activated on start-up (`*`) in the same
 * extension host as Corroborate, which it never touches. It measures how long that host's event
 * loop is blocked (HostBlockMonitor) from its activation until the harness — which looks into
 * the panel's webview — says the results are shown, plus 2 s, and writes that with the host's
 * start time to the file the control names. Corroborate's own steps come from its marks
 * (src/extension/perfMarks.ts), written to $CORROBORATE_PERF_MARKS.
 *
 * The window is not in ExtensionMode.Test (no extensionTestsPath): VS Code does not restore
 * webview panels in a test window, and restoring the panel is what is measured.
 */
import * as vscode from 'vscode';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { HostBlockMonitor } from '../../src/extension/worker/hostBlocks';

interface Control {
  phase: 'prepare' | 'reopen';
  run?: number;
  /** Where the probe writes what it saw. */
  out: string;
  /** Set by the harness: when the webview showed the results (ms since the epoch). */
  shownAt?: number;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const control = (): Control | undefined => {
  try {
    return JSON.parse(readFileSync(process.env.CORROBORATE_BENCH_CONTROL!, 'utf8')) as Control;
  } catch {
    return undefined;
  }
};

/** With $CORROBORATE_BENCH_PROFILE set, a CPU profile of the extension host from the probe's activation (`reopen-<run>.cpuprofile`). */
const PROFILE_DIR = process.env.CORROBORATE_BENCH_PROFILE;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
}

async function startProfile(): Promise<Session | undefined> {
  if (!PROFILE_DIR) return undefined;
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
  await post(session, 'Profiler.start');
  return session;
}

export function activate(): void {
  const c = control();
  if (c?.phase !== 'reopen') return;
  void watch(c);
}

async function watch(c: Control): Promise<void> {
  const activatedAt = now();
  const monitor = new HostBlockMonitor();
  monitor.start();
  const profile = await startProfile();
  const out: Record<string, unknown> = { run: c.run, hostOrigin: performance.timeOrigin, probeActivatedAt: activatedAt };
  // Every block over 30 ms with when it ended, so the harness can tell VS Code's start-up
  // (built-in extensions activating) from what the comparison's result sets off.
  const gaps: Array<{ at: number; ms: number }> = [];
  let last = now();
  const corroborate = vscode.extensions.getExtension('corroborate.corroborate');
  const ticker = setInterval(() => {
    const t = now();
    if (out.corroborateActiveAt === undefined && corroborate?.isActive) out.corroborateActiveAt = t;
    if (t - last - 5 > 30) gaps.push({ at: t, ms: t - last - 5 });
    last = t;
  }, 5);
  const deadline = Date.now() + 600_000;
  let shownAt: number | undefined;
  while (!(shownAt = control()?.shownAt) && Date.now() < deadline) await sleep(50);
  if (shownAt) await sleep(Math.max(0, shownAt + 2000 - now()));
  else out.error = 'the harness never said the results were shown';
  out.blocks = monitor.stop();
  clearInterval(ticker);
  out.gaps = gaps;
  if (profile) {
    const { profile: cpu } = await post<{ profile: unknown }>(profile, 'Profiler.stop');
    mkdirSync(PROFILE_DIR!, { recursive: true });
    writeFileSync(join(PROFILE_DIR!, `reopen-${c.run ?? 0}.cpuprofile`), JSON.stringify(cpu));
    profile.disconnect();
  }
  // Renamed into place, so the harness never reads half of it.
  writeFileSync(`${c.out}.tmp`, JSON.stringify(out, null, 2));
  renameSync(`${c.out}.tmp`, c.out);
}
