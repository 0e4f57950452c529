// Bundles the in-VS Code test suite (test/vscode/suite/*.ts) into dist-test/suite/, one
// CommonJS file per test file, so mocha inside the extension host can load them in order.
// `vscode` comes from the extension host; mocha is the project's own (see mocha-runner.cjs).
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

// test/vscode/untrusted/ (the Restricted Mode suite) goes the same way into dist-test/untrusted/.
for (const [dir, outdir] of [['test/vscode/suite', 'dist-test/suite'], ['test/vscode/untrusted', 'dist-test/untrusted']]) {
  if (!existsSync(dir)) continue;
  const entryPoints = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
