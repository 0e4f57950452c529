// Bundles the in-VS Code test suite (test/vscode/suite/*.ts) into dist-test/suite/, one
// CommonJS file per test file, so mocha inside the extension host can load them in order.
// `vscode` comes from the extension host; mocha is the project's own (see mocha-runner.cjs).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'test/vscode/suite';
const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`);
rmSync('dist-test/suite', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist-test/suite',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
