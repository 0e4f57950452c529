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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const opt = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const size = Number(opt('size', '500'));
const extension = path.resolve(opt('extension', root));
const keep = process.argv.includes('--keep');
const profile = opt('profile', undefined);

const run = (args, env = {}) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run([path.join(root, 'scripts', 'build.mjs')]);
run([path.join(root, 'scripts', 'vscode', 'setup.mjs')]);
const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-vscode-'));
// The bench bundle writes the workspace (the corpus generator and the draft writer are TypeScript).
run([path.join(root, 'scripts', 'bench', 'run.mjs'), '--vscode-workspace', workspace, String(size)]);
const suiteDir = path.join(root, '.bench-cache', 'vscode-suite');
await build({
  entryPoints: [path.join(root, 'scripts', 'bench', 'vscodeSuite.ts')],
  outfile: path.join(suiteDir, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});
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
