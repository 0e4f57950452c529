#!/usr/bin/env node
// `npm run test:vscode`: runs the extension's mocha suite (dist-test/suite/, built by
// scripts/build-vscode-tests.mjs) inside a real VS Code, on a temporary copy of seeds/ so
// that nothing the tests do (new sources, reports, settings) touches the repository.
// Extra arguments go to run-extension-tests.mjs (e.g. --grep, --keep, --verbose).
// `--untrusted` (`npm run test:vscode:untrusted`) runs test/vscode/untrusted/ instead
// (dist-test/untrusted/), with workspace trust on and the folder not trusted.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/**
 * At least as many tests must run as there are `it(` calls written in the suite's files (a test
 * written in a loop counts once), so a file that silently did not load fails the run.
 */
const untrusted = process.argv.includes('--untrusted');
const SUITE = path.join(ROOT, untrusted ? 'test/vscode/untrusted' : 'test/vscode/suite');
const EXPECTED_TESTS = readdirSync(SUITE)
  .filter((f) => f.endsWith('.test.ts'))
  .reduce((n, f) => n + (readFileSync(path.join(SUITE, f), 'utf8').match(/^\s*it\(/gm)?.length ?? 0), 0);

const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-vscode-'));
cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
let status = 1;
try {
  const res = spawnSync(process.execPath, [
    path.join(ROOT, 'scripts/vscode/run-extension-tests.mjs'),
    path.join(ROOT, untrusted ? 'dist-test/untrusted/index.js' : 'dist-test/suite/index.js'),
    '--extension', ROOT,
    '--workspace', workspace,
    '--expect', String(EXPECTED_TESTS),
    ...process.argv.slice(2),
  ], { stdio: 'inherit' });
  status = res.status ?? 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(status);
