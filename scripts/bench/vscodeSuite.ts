/**
 * The responsiveness benchmark's "suite": loaded by VS Code's extension host (code-server,
 * through scripts/vscode/run-extension-tests.mjs) as extensionTestsPath, so it runs on the
 * extension host's own event loop. It measures how long that loop is blocked (HostBlockMonitor)
 * while the extension compares the workspace's 500 sources (cold cache, then reopened from the
 * cache) and while a person types into a 3,000-word draft, and writes the figures to
 * $CORROBORATE_BENCH_OUT. It asserts nothing about time; the harness's result file only says
 * whether it ran.
 */
import * as vscode from 'vscode';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { HostBlockMonitor, type HostBlocks } from '../../src/extension/worker/hostBlocks';

interface Api {
  store: { model?: { sources: unknown[]; findings: unknown[] }; setModel(m: undefined): void; onDidChange(f: (c: string) => void): { dispose(): void } };
  runner: { whenIdle(): Promise<void> };
  cache?: { since(mark: number): unknown[]; runs(): number; restartWorker(): Promise<void> };
  drafts: { whenIdle(uri?: vscode.Uri): Promise<void>; result(uri: vscode.Uri): { version: number } | undefined };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** With $CORROBORATE_BENCH_PROFILE set, each measured step also writes a CPU profile of the extension host there (`<step>.cpuprofile`). */
const PROFILE_DIR = process.env.CORROBORATE_BENCH_PROFILE;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
}

async function measure<T>(name: string, what: () => Promise<T>, settleMs: number): Promise<{ blocks: HostBlocks; ms: number; value: T }> {
  let session: Session | undefined;
  if (PROFILE_DIR) {
    session = new Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 500 });
    await post(session, 'Profiler.start');
    await sleep(300); // starting the profiler blocks the loop once; not part of what is measured
  }
  const m = new HostBlockMonitor();
  m.start();
  const t = performance.now();
  const value = await what();
  const ms = performance.now() - t;
  await sleep(settleMs); // whatever the model set off (views, decorations, the panel) runs now
  const blocks = m.stop();
  if (session) {
    const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
    mkdirSync(PROFILE_DIR!, { recursive: true });
    writeFileSync(join(PROFILE_DIR!, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  return { blocks, ms, value };
}

export async function run(): Promise<void> {
  const out: Record<string, unknown> = { started: new Date().toISOString() };
  const write = () => writeFileSync(process.env.CORROBORATE_BENCH_OUT!, JSON.stringify(out, null, 2));
  const result = { passes: [] as Array<{ fullTitle: string }>, failures: [] as Array<{ fullTitle: string; err: { message: string; stack?: string } }>, pending: [] };
  try {
    const ext = vscode.extensions.getExtension<Api>('corroborate.corroborate')!;
    const api = (ext.isActive ? ext.exports : await ext.activate())!;
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const dir = join(root, 'sources');
    const uris = readdirSync(dir).sort().map((f) => vscode.Uri.file(join(dir, f)));
    out.sources = uris.length;

    out.idle = (await measure('idle', () => sleep(2000), 0)).blocks;

    const compare = async () => {
      // When the host saw what: the run start (busy), the model, the command's return.
      const t0 = performance.now();
      const seen: Record<string, number> = {};
      const sub = api.store.onDidChange((c) => (seen[c] ??= Math.round(performance.now() - t0)));
      await vscode.commands.executeCommand('corroborate.compare', { uris });
      seen.command = Math.round(performance.now() - t0);
      await api.runner.whenIdle();
      seen.idle = Math.round(performance.now() - t0);
      sub.dispose();
      return { sources: api.store.model?.sources.length, findings: api.store.model?.findings.length, cache: api.cache?.since(api.cache.runs() - 1)[0], ms: seen };
    };
    // Each comparison RUNS times: cold (cache cleared, worker restarted, model dropped), then
    // reopened (worker restarted, model dropped: only the disk cache is left). A build without the
    // cache compares from scratch both times.
    const RUNS = Number(process.env.CORROBORATE_BENCH_RUNS ?? 3);
    const fresh = async (clear: boolean) => {
      if (clear && api.cache) await vscode.commands.executeCommand('corroborate.clearCache');
      await api.cache?.restartWorker();
      api.store.setModel(undefined);
      await sleep(1000);
    };
    out.compareCold = [];
    for (let i = 0; i < RUNS; i++) {
      await fresh(true);
      (out.compareCold as unknown[]).push(await measure(`compare-cold-${i}`, compare, 3000));
      write();
    }
    out.compareReopened = [];
    for (let i = 0; i < RUNS; i++) {
      await fresh(false);
      (out.compareReopened as unknown[]).push(await measure(`compare-reopened-${i}`, compare, 3000));
      write();
    }

    // Typing: a 3,000-word draft open beside the panel, checked; then 200 keystrokes, one every 40 ms.
    const draftUri = vscode.Uri.file(join(root, 'draft.md'));
    const doc = await vscode.workspace.openTextDocument(draftUri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    await vscode.commands.executeCommand('corroborate.checkDraft');
    await api.drafts.whenIdle(draftUri);
    const typed = await measure('typing', async () => {
      const line = Math.floor(doc.lineCount / 2);
      let pos = new vscode.Position(line, 0);
      const text = 'The minister said 14 ships were seized on Tuesday. ';
      for (let i = 0; i < 200; i++) {
        const ch = text[i % text.length];
        await editor.edit((e) => e.insert(pos, ch), { undoStopBefore: false, undoStopAfter: false });
        pos = pos.translate(0, 1);
        await sleep(40);
      }
      await api.drafts.whenIdle(draftUri);
      return { version: api.drafts.result(draftUri)?.version, docVersion: doc.version };
    }, 1000);
    out.typing = typed;
    write();
    result.passes.push({ fullTitle: 'responsiveness benchmark ran' });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    out.error = err.stack ?? err.message;
    result.failures.push({ fullTitle: 'responsiveness benchmark', err: { message: err.message, stack: err.stack } });
  }
  write();
  writeFileSync(process.env.CORROBORATE_TEST_RESULT!, JSON.stringify(result));
}
