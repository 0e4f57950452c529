#!/usr/bin/env node
// `npm run bench:vscode`: editor responsiveness inside a real VS Code (code-server, as
// `npm run test:vscode` runs it). A workspace of N generated articles (default 500) and a
// 3,000-word draft; scripts/bench/vscodeSuite.ts runs in the extension host and measures the
// longest stretch the host's event loop is blocked while comparing (cold cache, then reopened
// from the cache) and while typing in the draft. Prints figures; never pass/fail on time.
//
//   node scripts/bench/vscode.mjs [--size=500] [--extension=<dir>] [--keep] [--profile=<dir>]
//   --extension  another build of the extension (e.g. an export of an older commit, built)
//   --profile    also write a CPU profile of the extension host per step into <dir>; read the
//                long tasks with `node scripts/bench/longTasks.mjs <dir>/<step>.cpuprofile`
//
//   node scripts/bench/vscode.mjs --reopen [--size=2000] [--runs=3] [--restart] [--extension=…] [--profile=…]
//   --reopen     instead: opening a workspace whose N sources (default 2,000) were analysed in an
//                earlier session (scripts/bench/vscodeReopen.mjs, .ts): one window compares them
//                through the UI (cold: a few minutes at 2,000), then the window is reloaded --runs
//                times; each time VS Code restores the panel, the extension compares the
//                remembered set from the disk cache, and the time from the reload until the
//                panel's webview shows rows is taken, with its steps (the extension's marks,
//                src/extension/perfMarks.ts) and the extension host's longest block.
//                --restart restarts code-server (same user data, same port) instead of reloading;
//                --globs chooses the sources by the `corroborate.sources` setting (re-expanded
//                with findFiles on every comparison) instead of the remembered list.
//                Screenshots in .bench-cache/vscode-reopen/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const opt = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const extension = path.resolve(opt('extension', root));
const keep = process.argv.includes('--keep');
const profile = opt('profile', undefined);
const reopen = process.argv.includes('--reopen');
const size = Number(opt('size', reopen ? '2000' : '500'));

const run = (args, { cwd = root, env = {} } = {}) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run([path.join(root, 'scripts', 'build.mjs')]);
run([path.join(root, 'scripts', 'vscode', 'setup.mjs')]);
const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-vscode-'));
// The bench bundle writes the workspace (the corpus generator and the draft writer are TypeScript).
run([path.join(root, 'scripts', 'bench', 'run.mjs'), '--vscode-workspace', workspace, String(size)]);
if (reopen) await reopenMain();
const suiteDir = path.join(root, '.bench-cache', 'vscode-suite');
await bundleForHost(path.join(root, 'scripts', 'bench', 'vscodeSuite.ts'), path.join(suiteDir, 'index.js'));
const figures = path.join(workspace, '..', `${path.basename(workspace)}-figures.json`);
const r = spawnSync(process.execPath, [
  path.join(root, 'scripts', 'vscode', 'run-extension-tests.mjs'), path.join(suiteDir, 'index.js'),
  '--extension', extension, '--workspace', workspace, '--expect', '1', '--timeout', '1200',
], { cwd: root, stdio: 'inherit', env: { ...process.env, CORROBORATE_BENCH_OUT: figures, ...(profile ? { CORROBORATE_BENCH_PROFILE: path.resolve(profile) } : {}) } });
if (!keep) rmSync(workspace, { recursive: true, force: true });
if (!existsSync(figures)) {
  console.error('[bench:vscode] no figures written');
  process.exit(1);
}
const f = JSON.parse(readFileSync(figures, 'utf8'));
rmSync(figures, { force: true });
const ms = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
// A step measured several times: medians, and the worst longest block in brackets.
const row = (label, m) => {
  if (!m) return;
  const all = Array.isArray(m) ? m : [m];
  const worst = Math.max(...all.map((x) => x.blocks.longestMs));
  const of = (f) => med(all.map(f));
  console.log(`| ${label}${all.length > 1 ? ` (median of ${all.length})` : ''} | ${(of((x) => x.ms) / 1000).toFixed(2)} | ${ms(of((x) => x.blocks.longestMs))}${all.length > 1 ? ` (worst ${ms(worst)})` : ''} | ${ms(of((x) => x.blocks.histogramMaxMs))} | ${ms(of((x) => x.blocks.p99Ms))} |`);
};
console.log(`\n## 6. Editor responsiveness inside VS Code (code-server ${'4.100.3'}), ${f.sources} sources\n`);
console.log('| while … | took (s) | longest block of the extension host (ms) | event-loop delay max (ms) | p99 (ms) |');
console.log('|---|---:|---:|---:|---:|');
row('idle (2 s, baseline)', f.idle && { ms: 2000, blocks: f.idle });
row(`comparing ${f.sources} sources, empty cache (+3 s after)`, f.compareCold);
row(`comparing them again after a restart of the worker, from the cache (+3 s after)`, f.compareReopened);
row('typing 200 characters into the 3,000-word draft, one every 40 ms', f.typing);
for (const [k, v] of [['cold', f.compareCold], ['reopened', f.compareReopened]]) for (const x of v ?? []) console.log(`${k}: ${JSON.stringify(x.value)}`);
if (f.error) {
  console.error(`[bench:vscode] the benchmark failed: ${f.error}`);
  process.exit(1);
}
process.exit(r.status ?? 1);

/** A TypeScript file bundled to run in the extension host (CommonJS, `vscode` left to the host). */
function bundleForHost(entry, outfile) {
  return build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
}

/** `--reopen`: see the header. Prints the steps of each reopen and their medians; exits. */
async function reopenMain() {
  const { reopenBench, reopenSteps } = await import('./vscodeReopen.mjs');
  // The probe: a second extension under development, in the same extension host (vscodeReopen.ts).
  const probe = path.join(root, '.bench-cache', 'vscode-reopen', 'probe');
  await bundleForHost(path.join(root, 'scripts', 'bench', 'vscodeReopen.ts'), path.join(probe, 'extension.js'));
  writeFileSync(path.join(probe, 'package.json'), JSON.stringify({
    name: 'bench-probe', publisher: 'corroborate', version: '0.0.0', license: 'MIT', engines: { vscode: '^1.90.0' },
    main: './extension.js', activationEvents: ['*'],
  }, null, 2));
  writeFileSync(path.join(probe, 'README.md'), 'The probe of `npm run bench:vscode -- --reopen` (scripts/bench/vscodeReopen.ts).\n');
  const probeVsix = path.join(probe, '..', 'probe.vsix');
  run([path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', probeVsix], { cwd: probe });
  const runs = Number(opt('runs', '3'));
  const restart = process.argv.includes('--restart');
  let status = 0;
  let res;
  try {
    res = await reopenBench({
      extension, workspace, probeVsix, size, runs, restart, profile, keep, globs: process.argv.includes('--globs'),
      shots: path.join(root, '.bench-cache', 'vscode-reopen'),
      say: (m) => console.log(`[bench:vscode] ${m}`),
    });
  } catch (e) {
    console.error(`[bench:vscode] the benchmark failed: ${e.stack ?? e}`);
    status = 1;
  }
  if (!keep) rmSync(workspace, { recursive: true, force: true });
  if (!res) process.exit(status || 1);
  const steps = res.reopened.map(reopenSteps);
  const fmt = (x) => (x === undefined || Number.isNaN(x) ? '–' : typeof x === 'string' ? x : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
  const how = restart ? 'restart' : 'reload';
  const cols = [
    ['total', `**${how} → rows shown in the panel**`],
    ['workbench', `workbench drawn (from the ${how})`],
    ['hostStarted', `extension host started (from the ${how})`],
    ['activated', `Corroborate activated (from the ${how})`],
    ['restored', `panel restored: serializer called (from the ${how})`],
    ['fromActivation', '**activation → rows shown**'],
    ['statusFromActivation', 'activation → the status bar counts sources and differences'],
    ['set', 'source set resolved (after the restore)'],
    ['request', 'worker started, request received (after the set)'],
    ['readHash', 'worker: read + hash the files'],
    ['lookup', 'worker: result read from the disk cache'],
    ['transfer', 'answer reached the host (after the worker sent it)'],
    ['store', 'model in the store (after the answer)'],
    ['webviewLoaded', 'webview loaded, said ready (after the restore)'],
    ['frameStarted', '… its frame started (after the restore)'],
    ['documentIn', '… its document arrived (after the frame started)'],
    ['serviceWorker', '… … of it, waiting for VS Code’s webview service worker to start'],
    ['scriptIn', '… our script loaded (after the document)'],
    ['readyAfterScript', '… said ready (after the script loaded)'],
    ['firstPartAfterReady', 'first part of the model in the webview (from ready; < 0: before)'],
    ['receivedAfterReady', 'last part of the model in the webview (from ready; < 0: before)'],
    ['panelPosted', 'model posted to the panel (after the store; waits for ready)'],
    ['received', 'webview received it (after the post)'],
    ['decoded', 'webview: JSON decoded'],
    ['indexed', 'webview: model indexed'],
    ['drawnSync', 'webview: rows laid out, those in view filled'],
    ['painted', 'webview: painted (next frame)'],
    ['polled', 'harness saw the rows (after the paint; it polls every 25 ms)'],
    ['toPaint', `**${how} → rows painted (webview's clock)**`],
    ['paintedFromActivation', "**activation → rows painted (webview's clock)**"],
    ['longestBlock', 'longest block of the extension host (from its start-up: mostly built-in extensions)'],
    ['longestAfterActivation', 'longest block of the extension host from Corroborate’s activation (to 2 s after shown)'],
    ['longestAfterAnswer', 'longest block of the extension host once the answer arrived (to 2 s after shown)'],
    ['jsonMB', 'model JSON for the panel (MB)'],
    ['comparisons', 'comparisons started'],
    ['workers', 'engine workers started'],
    ['resends', 'the page asked for the model again (missed the one sent while it loaded)'],
    ['result', 'result'],
  ];
  const med = (xs) => {
    const v = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
    return v.length ? v[Math.floor((v.length - 1) / 2)] : undefined;
  };
  console.log(`\n## Reopening a workspace of ${size} analysed sources in VS Code (code-server 4.100.3), window ${restart ? 'of a restarted code-server' : 'reloaded'}\n`);
  console.log(`prepared (cold, through the UI) in ${(res.prepare.ms / 1000).toFixed(0)} s; cache ${JSON.stringify(res.prepare.cache)}\n`);
  console.log(`| ms | ${steps.map((_, i) => `run ${i + 1}`).join(' | ')} | median |`);
  console.log(`|---|${steps.map(() => '---:').join('|')}|---:|`);
  for (const [k, label] of cols) console.log(`| ${label} | ${steps.map((x) => fmt(x[k])).join(' | ')} | ${fmt(med(steps.map((x) => x[k])))} |`);
  process.exit(status);
}
