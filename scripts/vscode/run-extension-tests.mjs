#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code extension host (code-server + headless Chromium).
//
//   node scripts/vscode/run-extension-tests.mjs <suite/index.js> [options]
//     --extension <dir>   extension under development (default: the project root)
//     --workspace <dir>   folder to open (default: a fresh empty folder)
//     --expect <n>        fail unless at least n tests ran (default 1)
//     --timeout <sec>     give up after this long (default 300)
//     --grep <pattern>    only tests whose full title matches (CORROBORATE_TEST_GREP)
//     --keep              keep .vscode-test/runs/<id>/ even when everything passed
//     --untrusted         workspace trust on and the folder not trusted (Restricted Mode); the
//                         suite may ask for trust to be granted by writing the file named by
//                         CORROBORATE_TRUST_REQUEST: this script then clicks "Trust" in the
//                         Workspace Trust editor, like a person
//     --verbose           echo code-server's log
//
// The suite's run() must write its result to process.env.CORROBORATE_TEST_RESULT (see
// test/vscode/mocha-runner.cjs). The extension host's exit code says nothing (it is 0 even when
// run() rejects), so this script decides from that file alone: missing, a load error, any
// failure, or fewer than --expect tests all exit 1.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './paths.mjs';
import { launchBrowser, newRunDir, startCodeServer } from './server.mjs';
import { runCommand, waitForWorkbench } from './workbench.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    extension: { type: 'string', default: ROOT },
    workspace: { type: 'string' },
    expect: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '300' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    untrusted: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

if (positionals.length !== 1) {
  console.error('usage: node scripts/vscode/run-extension-tests.mjs <suite/index.js> [--extension dir] [--workspace dir] [--expect n] [--timeout sec]');
  process.exit(2);
}
const suite = path.resolve(positionals[0]);
const extension = path.resolve(opts.extension);
const expect = Number(opts.expect);
const timeoutMs = Number(opts.timeout) * 1000;
for (const [what, p] of [['suite', suite], ['extension', extension]]) {
  if (!existsSync(p)) {
    console.error(`[vscode-tests] ${what} not found: ${p}${what === 'suite' ? ' (compiled yet?)' : ''}`);
    process.exit(2);
  }
}

const say = (msg) => console.log(`[vscode-tests] ${msg}`);
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const runDir = newRunDir();
const resultFile = path.join(runDir, 'result.json');
const consoleLog = path.join(runDir, 'browser-console.log');
const trustRequest = path.join(runDir, 'trust-request');
const workspace = path.resolve(opts.workspace ?? path.join(runDir, 'workspace'));
mkdirSync(workspace, { recursive: true });
const require = createRequire(path.join(ROOT, 'package.json'));
const mochaPath = path.dirname(require.resolve('mocha/package.json'));

let server;
let browser;
let page;
let exitCode = 1;
try {
  server = await startCodeServer({
    runDir,
    workspace,
    extensionDevelopmentPath: extension,
    extensionTestsPath: suite,
    verbose: opts.verbose,
    untrusted: opts.untrusted,
    env: {
      CORROBORATE_TEST_RESULT: resultFile,
      ...(opts.untrusted ? { CORROBORATE_TRUST_REQUEST: trustRequest } : {}),
      CORROBORATE_MOCHA_PATH: mochaPath,
      ...(opts.grep ? { CORROBORATE_TEST_GREP: opts.grep } : {}),
    },
  });
  say(`code-server on ${server.url} (${secs()}); run folder ${path.relative(ROOT, runDir)}`);

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let pageCrashed = false;
  page.on('crash', () => (pageCrashed = true));
  page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.stack ?? e}\n`));
  await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
  await waitForWorkbench(page, { timeoutMs: 120_000 });
  say(`workbench loaded (${secs()}); waiting for the suite …`);

  const deadline = t0 + timeoutMs;
  let hostGoneAt = 0;
  while (!existsSync(resultFile)) {
    if (Date.now() > deadline) throw new Error(`no result after ${opts.timeout} s`);
    if (pageCrashed) throw new Error('the browser page crashed');
    if (server.process.exitCode !== null) throw new Error(`code-server exited (code ${server.process.exitCode})`);
    // The extension host exits once run() settles; a result should already be there. Give the
    // file a moment, then stop waiting (the suite did not load, or run() never wrote).
    if (!hostGoneAt && /Extension Host Process exited/.test(server.logTail(400))) hostGoneAt = Date.now();
    if (hostGoneAt && Date.now() - hostGoneAt > 5000) throw new Error('the extension host exited without writing a result');
    if (opts.untrusted && existsSync(trustRequest)) await grantTrust(page);
    await sleep(200);
  }
  exitCode = report(JSON.parse(readFileSync(resultFile, 'utf8')));
} catch (err) {
  console.error(`[vscode-tests] FAILED: ${err.message}`);
  if (page) {
    const shot = path.join(runDir, 'failure.png');
    await page.screenshot({ path: shot }).catch(() => {});
    console.error(`[vscode-tests] screenshot: ${path.relative(ROOT, shot)}`);
  }
  if (server) console.error(`[vscode-tests] code-server log (tail):\n${server.logTail(30)}`);
  if (existsSync(consoleLog)) {
    const hostLines = readFileSync(consoleLog, 'utf8').split('\n').filter((l) => /error|Extension Host/i.test(l));
    if (hostLines.length) console.error(`[vscode-tests] browser console (errors, last 30):\n${hostLines.slice(-30).join('\n')}`);
  }
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
}

if (exitCode === 0 && !opts.keep) rmSync(runDir, { recursive: true, force: true });
else say(`logs kept in ${path.relative(ROOT, runDir)}/ (server.log, browser-console.log, result.json)`);
say(`${exitCode === 0 ? 'PASSED' : 'FAILED'} in ${secs()}`);
process.exit(exitCode);

/** Grant workspace trust as a person would: Manage Workspace Trust, then the editor's Trust button. */
async function grantTrust(page) {
  renameSync(trustRequest, `${trustRequest}.seen`);
  say('the suite asks for workspace trust: clicking Trust in the Workspace Trust editor');
  const button = page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button').filter({ hasText: /Trust/, hasNotText: /Parent/ }).first();
  if (!(await button.isVisible().catch(() => false))) await runCommand(page, 'Manage Workspace Trust');
  await button.waitFor({ state: 'visible', timeout: 30_000 });
  await button.click();
}

function report(result) {
  const lines = [];
  for (const t of result.passes ?? []) lines.push(`  ✓ ${t.fullTitle}${t.duration ? ` (${t.duration} ms)` : ''}`);
  for (const t of result.pending ?? []) lines.push(`  - ${t.fullTitle} (pending)`);
  for (const t of result.failures ?? []) lines.push(`  ✗ ${t.fullTitle}`);
  console.log(lines.join('\n'));
  (result.failures ?? []).forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.fullTitle}\n     ${(t.err?.message ?? '').trim().split('\n').join('\n     ')}`);
    if (t.err?.expected !== undefined || t.err?.actual !== undefined) {
      console.log(`     expected: ${t.err.expected}\n     actual:   ${t.err.actual}`);
    }
    const stack = (t.err?.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4);
    if (stack.length) console.log(stack.map((l) => `     ${l.trim()}`).join('\n'));
  });
  const ran = (result.passes?.length ?? 0) + (result.failures?.length ?? 0);
  console.log(`\n  ${result.passes?.length ?? 0} passing, ${result.failures?.length ?? 0} failing, ${result.pending?.length ?? 0} pending`);
  if (result.error) {
    console.error(`[vscode-tests] the suite did not load: ${result.error.message}\n${result.error.stack ?? ''}`);
    return 1;
  }
  if (result.failures?.length) return 1;
  if (ran < expect) {
    console.error(`[vscode-tests] only ${ran} test(s) ran; expected at least ${expect}`);
    return 1;
  }
  return 0;
}
