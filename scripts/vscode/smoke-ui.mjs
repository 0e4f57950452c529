#!/usr/bin/env node
// UI smoke test: open the real workbench with the fixture extension, run its command from the
// command palette like a person (F1, type the title, Enter), check the notification it shows,
// open its webview panel and read the heading inside the webview's iframe, and save a screenshot
// to test-output/smoke.png.
//
//   node scripts/vscode/smoke-ui.mjs [--extension dir] [--workspace dir] [--theme "Default Light Modern"] [--out file.png]
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './paths.mjs';
import { launchBrowser, startCodeServer } from './server.mjs';
import { findFrame, notifications, runCommand, waitForWorkbench } from './workbench.mjs';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: path.join(ROOT, 'test/vscode/fixture-extension') },
    workspace: { type: 'string', default: path.join(ROOT, 'seeds') },
    command: { type: 'string', default: 'Corroborate Fixture: Say Hello' },
    expect: { type: 'string', default: 'Hello from the Corroborate fixture' },
    theme: { type: 'string', default: 'Default Dark Modern' },
    out: { type: 'string', default: path.join(ROOT, 'test-output/smoke.png') },
    webview: { type: 'boolean', default: true },
    verbose: { type: 'boolean', default: false },
  },
});

const t0 = Date.now();
const say = (msg) => console.log(`[smoke-ui] ${msg} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
let server;
let browser;
let page;
let ok = false;
try {
  server = await startCodeServer({
    workspace: opts.workspace,
    extensionDevelopmentPath: opts.extension,
    settings: { 'workbench.colorTheme': opts.theme },
    verbose: opts.verbose,
  });
  say(`code-server on ${server.url}`);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
  await waitForWorkbench(page);
  say('workbench rendered');

  await runCommand(page, opts.command);
  const toast = page.locator('.notification-toast', { hasText: opts.expect });
  await toast.first().waitFor({ state: 'visible', timeout: 30_000 });
  say(`notification shown: ${JSON.stringify(await notifications(page))}`);

  if (opts.webview) {
    // Webviews are an iframe inside an iframe: find the frame whose document holds our element.
    await runCommand(page, 'Corroborate Fixture: Show Panel');
    const frame = await findFrame(page, '#fixture-webview');
    const heading = await frame.locator('#fixture-webview').innerText();
    if (heading !== 'Fixture webview') throw new Error(`webview heading: ${JSON.stringify(heading)}`);
    say(`webview rendered: ${JSON.stringify(heading)}`);
  }
  ok = true;
} catch (err) {
  console.error(`[smoke-ui] FAILED: ${err.stack ?? err}`);
  if (server) console.error(server.logTail(30));
} finally {
  if (page) {
    mkdirSync(path.dirname(opts.out), { recursive: true });
    await page.screenshot({ path: opts.out }).catch((e) => console.error(`[smoke-ui] screenshot failed: ${e.message}`));
    say(`screenshot: ${path.relative(process.cwd(), opts.out)}`);
  }
  await browser?.close().catch(() => {});
  await server?.stop();
}
if (ok && server) rmSync(server.runDir, { recursive: true, force: true });
else if (server) console.error(`[smoke-ui] logs kept in ${path.relative(ROOT, server.runDir)}/`);
process.exit(ok ? 0 : 1);
