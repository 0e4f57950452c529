#!/usr/bin/env node
// Drives the extension in a real VS Code like a person would, and saves screenshots to
// test-output/extension/: the command palette's "Corroborate: Compare Sources" on an open
// seed, the panel beside the source with its highlights, a hover, and the Corroborate views.
// It fails on a missing panel, missing highlights or hover, or a CSP violation in the page.
//
//   npm run build && node scripts/vscode/extension-ui.mjs [--keep]
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './paths.mjs';
import { launchBrowser, startCodeServer } from './server.mjs';
import { findFrame, quickOpen, runCommand, waitForWorkbench } from './workbench.mjs';

const out = path.join(ROOT, 'test-output', 'extension');
mkdirSync(out, { recursive: true });
const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-ui-'));
cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
const say = (m) => console.log(`[extension-ui] ${m}`);
const problems = [];
let server;
let browser;
let status = 1;
try {
  server = await startCodeServer({ workspace, extensionDevelopmentPath: ROOT, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const consoleLog = path.join(out, 'browser-console.log');
  rmSync(consoleLog, { force: true });
  page.on('console', (m) => {
    appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`);
    if (/Content.Security.Policy|Refused to (load|execute|apply)/i.test(m.text())) problems.push(m.text());
  });
  await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
  await waitForWorkbench(page);

  // Open the first seed through Quick Open, as a person would.
  await quickOpen(page, '000_');

  await runCommand(page, 'Corroborate: Compare Sources');
  await findFrame(page, '#app *', { timeoutMs: 60_000 });
  say('the panel shows content');
  await page.locator('.statusbar-item', { hasText: /5 sources · \d+ differences/ }).first().waitFor({ timeout: 30_000 });
  await sleep(1000);
  await page.screenshot({ path: path.join(out, 'panel-and-source.png') });

  // Highlights in the source editor (first editor group).
  const editor = page.locator('.editor-group-container').first();
  const highlighted = await editor.locator('.view-overlays [class*="ced-"], .view-lines [class*="ced-"]').count();
  if (highlighted === 0) throw new Error('no decorations in the source editor');
  say(`${highlighted} decorated spans in view`);

  // A hover on "Nebenzya": find it, then Show Hover (Ctrl+K Ctrl+I) at the cursor.
  await editor.locator('.monaco-editor').first().click({ position: { x: 200, y: 100 } });
  await page.keyboard.press('Control+F');
  await page.keyboard.type('Nebenzya');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'Name differs' }).first();
  await hover.waitFor({ timeout: 15_000 });
  const hoverText = await hover.innerText();
  if (!/Vassily Nebenzia/.test(hoverText)) throw new Error(`hover without the other spellings: ${hoverText}`);
  await page.screenshot({ path: path.join(out, 'hover.png') });
  await page.keyboard.press('Escape');

  await runCommand(page, 'Corroborate: Focus on Sources View');
  await page.locator('.pane-header', { hasText: 'Findings' }).first().waitFor();
  await sleep(1000);
  await page.screenshot({ path: path.join(out, 'views.png') });

  if (problems.length) throw new Error(`CSP violations:\n${problems.join('\n')}`);
  say(`screenshots in ${path.relative(ROOT, out)}/`);
  status = 0;
} catch (err) {
  console.error(`[extension-ui] FAILED: ${err.message}`);
  if (browser) {
    const [page] = browser.contexts()[0]?.pages() ?? [];
    await page?.screenshot({ path: path.join(out, 'failure.png') }).catch(() => {});
  }
  if (server) console.error(server.logTail(20));
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (!process.argv.includes('--keep')) {
    rmSync(workspace, { recursive: true, force: true });
    // The server's logs are kept only when something failed.
    if (status === 0 && server) rmSync(server.runDir, { recursive: true, force: true });
  }
}
process.exit(status);
