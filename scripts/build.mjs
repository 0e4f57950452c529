// Bundles with esbuild: the CLI, the extension, its engine worker and the source pool's worker
// (Node, CommonJS), and the side-by-side webview (browser, one IIFE in media/). Entries whose
// source does not exist yet are skipped, so the CLI builds on its own.
//   node scripts/build.mjs [--production]
// --production (used by `npm run package`) writes no source maps and deletes those a
// development build left beside the outputs, so they cannot end up in the .vsix.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// The engine's place/organisation table is generated from compromise (scripts/gen-name-lexicon.mjs,
// committed): regenerated here when the installed compromise is not the version it came from.
const compromisePkg = new URL('../node_modules/compromise/package.json', import.meta.url);
const compromiseVersion = existsSync(compromisePkg) ? JSON.parse(readFileSync(compromisePkg, 'utf8')).version : null;
const tableFile = new URL('../src/core/extract/nameLexiconTable.ts', import.meta.url);
if (compromiseVersion && !readFileSync(tableFile, 'utf8').includes(`COMPROMISE_VERSION = ${JSON.stringify(compromiseVersion)};`)) {
  const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-name-lexicon.mjs'], { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
}
const common = {
  bundle: true,
  minify: true,
  keepNames: true,
  sourcemap: !production,
  logLevel: 'warning',
  define: { CORROBORATE_VERSION: JSON.stringify(pkg.version) },
};

const node = [
  { in: 'src/cli/index.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  { in: 'src/extension/worker/engineWorker.ts', out: 'dist/engineWorker.js' },
  // The source pool's worker thread (src/node/sourcePool.ts), started by the CLI and by the
  // engine worker from beside their own bundle.
  { in: 'src/node/analyseWorker.ts', out: 'dist/analyseWorker.js' },
];

for (const entry of node.filter((e) => existsSync(e.in))) {
  if (production) rmSync(`${entry.out}.map`, { force: true });
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    ...(entry.banner ? { banner: { js: entry.banner } } : {}),
  });
}

if (existsSync('src/webview/main.ts')) {
  if (production) rmSync('media/webview.js.map', { force: true });
  await build({
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'media/webview.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  });
  // The panel's icons: codicons ship as a font plus a stylesheet that refers to it by a
  // relative URL, so both go side by side into media/ (the webview may load only from there).
  mkdirSync('media', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/${file}`);
}
