#!/usr/bin/env node
// `npm run test:vscode`: runs the extension's mocha suite (dist-test/suite/, built by
// scripts/build-vscode-tests.mjs) inside a real VS Code, on a temporary copy of seeds/ so
// that nothing the tests do (new sources, reports, settings) touches the repository.
// Extra arguments go to run-extension-tests.mjs (e.g. --grep, --keep, --verbose).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.mjs';

/** Tests in the suite; the harness fails if fewer ran (a file that silently did not load). */
const EXPECTED_TESTS = 65;

const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-vscode-'));
cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
let status = 1;
try {
  const res = spawnSync(process.execPath, [
    path.join(ROOT, 'scripts/vscode/run-extension-tests.mjs'),
    path.join(ROOT, 'dist-test/suite/index.js'),
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
