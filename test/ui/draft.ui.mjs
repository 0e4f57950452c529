#!/usr/bin/env node
// The browser test of drafts: a journalist's draft checked against the sources in a real VS Code
// (code-server + headless Chromium), on a fresh temporary copy of seeds/ with the draft fixture
// test/fixtures/drafts/veto-draft.md in drafts/ and `corroborate.sources` naming the seeds.
// Screenshots go to test-output/ui/draft-squiggles.png and test-output/ui/draft-hover.png.
//
//   npm run build && node test/ui/draft.ui.mjs [--keep] [--verbose]
//
// What it does: Quick Open the draft → F1 "Corroborate: Check Draft" (which compares the seeds
// first: nothing has been compared in this window) → squiggles on the misquote, the misspelt
// name and the conflicting figure, the Problems panel listing them under "Corroborate" → the
// hover on "Woodard" with the sources' spelling and a link to the evidence. Each step asserts
// what a person would see; expectations come from the extension's own CLI on the same files.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchBrowser, startCodeServer } from '../../scripts/vscode/server.mjs';
import { quickOpen, runCommand, waitForWorkbench } from '../../scripts/vscode/workbench.mjs';
import { uiSteps } from './uiSteps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({ options: { keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
const OUT = path.join(ROOT, 'test-output', 'ui');
const VIEWPORT = { width: 1600, height: 900 };
const { say, check } = uiSteps('ui:draft');

// The workspace: the seeds at the top, the draft in drafts/, the sources named in the settings.
mkdirSync(OUT, { recursive: true });
for (const f of ['draft-squiggles.png', 'draft-hover.png', 'draft-failure.png', 'draft-browser-console.log']) rmSync(path.join(OUT, f), { force: true });
const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-ui-draft-'));
cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
mkdirSync(path.join(workspace, 'drafts'));
const draftPath = path.join(workspace, 'drafts', 'veto-draft.md');
cpSync(path.join(ROOT, 'test', 'fixtures', 'drafts', 'veto-draft.md'), draftPath);
mkdirSync(path.join(workspace, '.vscode'));
writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'corroborate.sources': ['0*.txt'] }, null, 2));
const draftText = readFileSync(draftPath, 'utf8');

// What the engine says about the draft, from the CLI the extension ships with.
const seeds = readdirSync(workspace).filter((f) => /^0\d\d_.*\.txt$/.test(f)).map((f) => path.join(workspace, f));
const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', draftPath, '--sources', ...seeds, '--json'], { encoding: 'utf8' });
const expected = JSON.parse(cli.stdout).diagnostics;
const warnings = expected.filter((d) => d.severity === 'warning');
check(warnings.some((d) => d.text === 'Woodard'), 'the engine reports “Woodard”', warnings.map((d) => d.text));
check(warnings.length >= 5, 'the engine reports at least five warnings on the draft', warnings.length);

let server;
let browser;
let page;
let status = 1;
try {
  server = await startCodeServer({ workspace, extensionDevelopmentPath: ROOT, verbose: opts.verbose, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.wordWrap': 'on', 'editor.minimap.enabled': false } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  const consoleLog = path.join(OUT, 'draft-browser-console.log');
  page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
  await waitForWorkbench(page);
  say('workbench loaded');

  // Open the draft through Quick Open, as a person would.
  await quickOpen(page, 'veto-draft.md');
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  await page.locator('.tab.active', { hasText: 'veto-draft.md' }).waitFor();
  say('the draft is open');

  await runCommand(page, 'Corroborate: Check Draft');
  // Squiggles: warnings for the misquote, the misattribution, the unknown quote, the figure, the name.
  await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 5, null, { timeout: 60_000 });
  const squiggles = {
    warning: await editor.locator('.squiggly-warning').count(),
    info: await editor.locator('.squiggly-info').count(),
    hint: await editor.locator('.squiggly-hint').count(),
  };
  say(`squiggles in view: ${JSON.stringify(squiggles)}`);
  check(squiggles.info >= 1, 'information squiggles (the sources disagree, a figure no source gives)', squiggles);

  // The Problems panel lists them, from "Corroborate".
  await page.locator('.monaco-workbench').focus().catch(() => {});
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel .monaco-list-row');
  await problems.first().waitFor({ timeout: 15_000 });
  await sleep(500);
  const rows = await problems.allInnerTexts();
  check(rows.some((r) => /No source spells it “Woodard”/.test(r) && /Corroborate/.test(r)), 'the Problems panel lists the misspelt name, from Corroborate', rows.slice(0, 8));
  check(rows.some((r) => /the source has “a guilty plea”/.test(r)), 'the Problems panel lists the misquote with the source’s wording', rows.slice(0, 8));
  // Back to the editor, scrolled to the top, for the picture.
  await editor.click({ position: { x: 400, y: 20 } });
  await page.keyboard.press('Control+Home');
  await sleep(800);
  await page.screenshot({ path: path.join(OUT, 'draft-squiggles.png') });
  say('screenshot test-output/ui/draft-squiggles.png');

  // The hover on “Woodard”: the cursor on it (Find, then close the find widget), then Show Hover.
  await page.keyboard.press('Control+F');
  await page.keyboard.type('Woodard');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'Spelt differently from the sources' }).first();
  await hover.waitFor({ timeout: 15_000 });
  const hoverText = await hover.innerText();
  check(/Barbara Woodward/.test(hoverText), 'the hover shows how the sources spell the name', hoverText);
  check(/open/.test(hoverText), 'the hover links to the evidence', hoverText);
  check(!/<|&lt;|\\\[/.test(hoverText), 'no markup or escapes leak into the hover text', hoverText);
  await sleep(500);
  await page.screenshot({ path: path.join(OUT, 'draft-hover.png') });
  say('screenshot test-output/ui/draft-hover.png');
  await page.keyboard.press('Escape');

  // Nothing was written: the draft is as it was, and so are the sources (the CLI read them above).
  check(readFileSync(draftPath, 'utf8') === draftText, 'the draft file is unchanged');
  status = 0;
  say('passed');
} catch (err) {
  console.error(`[ui:draft] FAILED: ${err.message}`);
  await page?.screenshot({ path: path.join(OUT, 'draft-failure.png') }).catch(() => {});
  if (server) console.error(server.logTail(20));
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (!opts.keep) {
    rmSync(workspace, { recursive: true, force: true });
    if (status === 0 && server) rmSync(server.runDir, { recursive: true, force: true });
  } else say(`kept ${workspace}`);
}
process.exit(status);
