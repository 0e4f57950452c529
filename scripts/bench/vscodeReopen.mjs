// `npm run bench:vscode -- --reopen`: opening a workspace whose sources were analysed in an
// earlier session. One code-server, one browser profile, one user-data-dir (so the disk cache in
// global storage, the remembered source set and the open panel all survive):
//
//   1. prepare, like a person: Quick Open the first article, "Corroborate: Compare Sources" (the
//      article's folder, N files), until the status bar counts N sources and the cache on disk
//      holds N analyses and the result;
//   2. reopen ×runs: Reload Window (a new extension host and engine worker; with --restart,
//      code-server itself is stopped and started again on the same port, so the browser keeps
//      the workbench state it stored for that origin). VS Code restores the panel, the extension
//      activates and compares the remembered set; timed from the reload until the panel's webview
//      shows rows, with the steps between from the extension's marks ($CORROBORATE_PERF_MARKS,
//      src/extension/perfMarks.ts) and the host's blocks from a probe extension
//      (scripts/bench/vscodeReopen.ts), installed from a .vsix beside it (code-server loads only
//      one extension under development).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerEntry } from '../vscode/paths.mjs';
import { launchBrowser, newRunDir, startCodeServer } from '../vscode/server.mjs';
import { quickOpen, runCommand, waitForWorkbench } from '../vscode/workbench.mjs';

/**
 * When the panel's webview shows rows of the model with their text (Date.now()), polling every
 * 25 ms, and the webview's own marks (src/webview/main.ts), as ms since the epoch. Also when the
 * status bar first counted the sources and differences (`statusAt`): the first result a user
 * sees, before the panel's page has loaded.
 */
async function waitForRows(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let statusAt;
  for (;;) {
    if (statusAt === undefined) {
      const counted = await page
        .evaluate(() => [...document.querySelectorAll('.statusbar-item')].some((e) => /\b\d+ sources · \d+ differences?\b/.test(e.textContent ?? '')))
        .catch(() => false);
      if (counted) statusAt = Date.now();
    }
    for (const frame of page.frames()) {
      const shown = await frame
        .evaluate(() => {
          const row = document.querySelector('.grid-body .row.filled');
          return !!row && !row.closest('[hidden]');
        })
        .catch(() => false);
      if (shown) {
        const at = Date.now();
        const read = () =>
          frame
            .evaluate(() => [
              { name: 'webview-start', at: performance.timeOrigin },
              ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('corroborate:')).map((m) => ({ name: m.name.slice('corroborate:'.length), at: performance.timeOrigin + m.startTime })),
              // When the page's own files (script, styles, font) were asked for and arrived.
              ...performance.getEntriesByType('resource').map((e) => ({ name: `load ${e.name.replace(/^.*\//, '').replace(/\?.*$/, '')}`, at: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd })),
              ...performance.getEntriesByType('navigation').map((e) => ({ name: 'page', at: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd, domContentLoaded: performance.timeOrigin + e.domContentLoadedEventStart, workerStart: e.workerStart })),
            ])
            .catch(() => []);
        let marks = await read();
        for (let i = 0; i < 50 && !marks.some((m) => m.name === 'model-painted'); i++) {
          await sleep(100);
          marks = await read();
        }
        return { at, marks, statusAt: statusAt ?? at };
      }
    }
    if (Date.now() > deadline) throw new Error('the panel did not show the results');
    await sleep(25);
  }
}

async function waitForFile(file, timeoutMs, server) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no ${path.basename(file)} after ${timeoutMs / 1000} s:\n${server.logTail(20)}`);
    await sleep(100);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Entries of a cache folder's kind (no temporary files). */
const entries = (dir, kind) => (existsSync(path.join(dir, kind)) ? readdirSync(path.join(dir, kind)).filter((f) => !f.endsWith('.tmp')).length : 0);

/**
 * @param {{ extension: string, workspace: string, probeVsix: string, size: number, runs: number, restart: boolean, globs?: boolean, keep?: boolean, profile?: string, shots?: string, say: (m: string) => void, timeoutMs?: number }} o
 * @returns {Promise<{ prepare: object, reopened: object[] }>}
 */
export async function reopenBench(o) {
  const runDir = newRunDir();
  const controlFile = path.join(runDir, 'bench-control.json');
  const marksFile = path.join(runDir, 'perf-marks.jsonl');
  const writeControl = (c) => {
    writeFileSync(`${controlFile}.tmp`, JSON.stringify(c));
    renameSync(`${controlFile}.tmp`, controlFile);
  };
  writeControl({ phase: 'prepare' });
  const env = {
    CORROBORATE_BENCH_CONTROL: controlFile,
    CORROBORATE_PERF_MARKS: marksFile,
    ...(o.profile ? { CORROBORATE_BENCH_PROFILE: path.resolve(o.profile) } : {}),
  };
  if (o.globs) {
    // The sources chosen by the setting instead: re-expanded (findFiles) on every comparison.
    mkdirSync(path.join(o.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(o.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'corroborate.sources': ['sources/**'] }, null, 2));
  }
  const extensionsDir = path.join(runDir, 'extensions');
  const userDataDir = path.join(runDir, 'user-data');
  installVsix(o.probeVsix, extensionsDir, userDataDir, runDir);
  const serverOptions = { runDir, workspace: o.workspace, env, extensionDevelopmentPath: o.extension, extensionsDir, userDataDir };
  let server = await startCodeServer(serverOptions);
  const url = () => server.buildUrl();
  const cacheDir = path.join(server.userDataDir, 'User', 'globalStorage', 'corroborate.corroborate', 'cache', 'v1');
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  page.on('console', (m) => appendFileSync(path.join(runDir, 'browser-console.log'), `[${m.type()}] ${m.text()}\n`));
  const result = { prepare: undefined, reopened: [] };
  try {
    o.say('prepare: Compare Sources on the folder of the first article, so the cache and the remembered set are there');
    const t = Date.now();
    await page.goto(url(), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    await quickOpen(page, 'r0001');
    await runCommand(page, 'Corroborate: Compare Sources');
    const status = page.locator('.statusbar-item', { hasText: new RegExp(`\\b${o.size} sources\\b`) }).first();
    await status.waitFor({ timeout: 1_800_000 });
    // The worker writes the cache after it answers.
    for (let last = -1; ; await sleep(1000)) {
      const n = entries(cacheDir, 'analyses') + entries(cacheDir, 'aliases') + entries(cacheDir, 'results');
      if (entries(cacheDir, 'results') > 0 && entries(cacheDir, 'analyses') >= o.size && n === last) break;
      if (Date.now() - t > 2_400_000) throw new Error(`the cache was not written: ${n} entries in ${cacheDir}`);
      last = n;
    }
    await waitForRows(page, 120_000);
    result.prepare = { ms: Date.now() - t, status: await status.innerText(), cache: { analyses: entries(cacheDir, 'analyses'), aliases: entries(cacheDir, 'aliases'), results: entries(cacheDir, 'results') } };
    o.say(`prepared in ${(result.prepare.ms / 1000).toFixed(0)} s: "${result.prepare.status}", cache ${JSON.stringify(result.prepare.cache)}`);
    await sleep(3000);

    for (let run = 0; run < o.runs; run++) {
      const out = path.join(runDir, `bench-reopen-${run}.json`);
      writeControl({ phase: 'reopen', run, out });
      // With --profile: the browser's main thread too (the workbench and the panel's webview,
      // which runs in the same process), from just before the reload until the rows are shown.
      let cdp;
      if (o.profile && !o.restart) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      }
      const t0 = Date.now();
      if (o.restart) {
        await server.stop();
        server = await startCodeServer({ ...serverOptions, port: server.port });
        await page.goto(url(), { waitUntil: 'domcontentloaded' });
      } else {
        await page.reload({ waitUntil: 'domcontentloaded' });
      }
      await waitForWorkbench(page);
      const workbenchAt = Date.now();
      const { at: shownAt, marks: webviewMarks, statusAt } = await waitForRows(page, o.timeoutMs ?? 300_000);
      writeControl({ phase: 'reopen', run, out, shownAt });
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(o.profile, { recursive: true });
        writeFileSync(path.join(o.profile, `browser-${run}.cpuprofile`), JSON.stringify(profile));
        await cdp.detach().catch(() => {});
      }
      const seen = await waitForFile(out, 120_000, server);
      if (seen.error) throw new Error(`reopen ${run}: ${seen.error}`);
      if (o.shots) {
        mkdirSync(o.shots, { recursive: true });
        await page.screenshot({ path: path.join(o.shots, `reopen-${run}.png`) });
      }
      const marks = existsSync(marksFile)
        ? readFileSync(marksFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((m) => m.at >= t0)
        : [];
      const r = { t0, workbenchAt, shownAt, statusAt, ...seen, marks, webviewMarks };
      o.say(`reopen ${run + 1}/${o.runs}: results shown ${((shownAt - t0) / 1000).toFixed(2)} s after the ${o.restart ? 'restart' : 'reload'}`);
      result.reopened.push(r);
      await sleep(2000);
    }
  } catch (e) {
    if (o.shots) {
      mkdirSync(o.shots, { recursive: true });
      await page.screenshot({ path: path.join(o.shots, 'failure.png') }).catch(() => {});
    }
    o.say(`failed; run folder kept: ${runDir}; code-server log (tail):\n${server.logTail(15)}`);
    throw e;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  // The run's user data holds the whole cache (~110 MB at 2,000 sources): kept only on failure or with --keep.
  if (!o.keep) rmSync(runDir, { recursive: true, force: true });
  return result;
}

/** Installs a .vsix with code-server's own CLI (as test/ui/compare.ui.mjs does). */
function installVsix(file, extensionsDir, userDataDir, runDir) {
  const xdg = path.join(runDir, 'xdg');
  const res = spawnSync(process.execPath, [codeServerEntry(), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', file], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data') },
    timeout: 120_000,
  });
  if (res.status !== 0 || !/successfully installed/i.test(`${res.stdout}${res.stderr}`)) {
    throw new Error(`code-server --install-extension ${file} failed (exit ${res.status}):\n${res.stdout}${res.stderr}`);
  }
}

/** The steps of one reopen: times from the reload (or restart), and durations of the steps after. */
export function reopenSteps(r) {
  const marks = r.marks ?? [];
  const first = (name, after = 0) => marks.find((m) => m.name === name && m.at >= after);
  const activate = first('activate');
  const restore = first('restore') ?? first('views-compare');
  const restoreCompare = first('restore-compare') ?? first('views-compare');
  const set = first('set', restoreCompare?.at ?? restore?.at ?? 0);
  const run = first('run', set?.at ?? 0);
  const answer = first('answer', run?.at ?? 0);
  const model = first('model', answer?.at ?? 0);
  const panelModel = first('panel-model', model?.at ?? 0);
  const w = answer?.detail ?? {};
  const webEntry = (name) => (r.webviewMarks ?? []).find((m) => m.name === name);
  const web = (name) => webEntry(name)?.at;
  const sub = (a, b) => (a === undefined || b === undefined ? undefined : a - b);
  return {
    total: r.shownAt - r.t0,
    workbench: r.workbenchAt - r.t0,
    hostStarted: r.hostOrigin - r.t0,
    // The extension's mark, or (a build without marks) when the probe saw it active.
    activated: sub(activate?.at ?? r.corroborateActiveAt, r.t0),
    restored: sub(restore?.at, r.t0),
    fromActivation: sub(r.shownAt, activate?.at ?? r.corroborateActiveAt),
    statusFromActivation: sub(r.statusAt, activate?.at ?? r.corroborateActiveAt),
    set: sub(set?.at, restore?.at),
    request: sub(w.receivedAt, set?.at),
    readHash: w.readMs,
    lookup: w.lookupMs,
    transfer: sub(answer?.at, w.answeredAt),
    store: sub(model?.at, answer?.at),
    webviewLoaded: sub(web('ready'), restore?.at),
    // Inside the page's load: its frame created (VS Code's webview host writes our document
    // into a frame of its own), the document there, our script loaded, the script said ready.
    frameStarted: sub(web('webview-start'), restore?.at),
    documentIn: sub(webEntry('page')?.end, web('webview-start')),
    // Of that, the wait for VS Code's webview service worker to start (navigation timing's workerStart).
    serviceWorker: webEntry('page')?.workerStart || undefined,
    scriptIn: sub(webEntry('load webview.js')?.end, webEntry('page')?.end),
    readyAfterScript: sub(web('ready'), webEntry('load webview.js')?.end),
    // The model posted while the page loaded: where its first and last parts arrived, from `ready`.
    firstPartAfterReady: sub(web('model-first-part'), web('ready')),
    receivedAfterReady: sub(web('model-received'), web('ready')),
    panelPosted: sub(panelModel?.at, model?.at),
    received: sub(web('model-received'), panelModel?.at),
    decoded: sub(web('model-decoded'), web('model-received')),
    indexed: sub(web('model-indexed'), web('model-decoded')),
    drawnSync: sub(web('model-drawn'), web('model-indexed')),
    painted: sub(web('model-painted'), web('model-drawn')),
    polled: sub(r.shownAt, web('model-painted')),
    toPaint: sub(web('model-painted'), r.t0),
    paintedFromActivation: sub(web('model-painted'), activate?.at ?? r.corroborateActiveAt),
    longestBlock: r.blocks?.longestMs,
    // The longest block from the worker's answer reaching the host until 2 s after the rows were shown.
    longestAfterAnswer: answer ? Math.max(0, ...(r.gaps ?? []).filter((g) => g.at > answer.at).map((g) => g.ms)) : undefined,
    // From Corroborate's activation (seen by the probe, so also for a build without marks).
    longestAfterActivation: r.corroborateActiveAt ? Math.max(0, ...(r.gaps ?? []).filter((g) => g.at > r.corroborateActiveAt).map((g) => g.ms)) : undefined,
    jsonMB: w.jsonBytes ? w.jsonBytes / 1e6 : undefined,
    result: w.result,
    comparisons: marks.filter((m) => m.name === 'run').length,
    // Who asked for the comparison first: the restored panel or the views.
    startedBy: restoreCompare?.name,
    workers: marks.filter((m) => m.name === 'worker-start').length,
    // The page missed the model posted while it loaded and asked for it again.
    resends: marks.filter((m) => m.name === 'panel-resend').length,
  };
}
