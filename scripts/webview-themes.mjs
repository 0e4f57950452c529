#!/usr/bin/env node
// Captures the real `--vscode-*` CSS variables and body classes that VS Code gives a webview,
// for a few built-in themes, into test/webview/themes/<name>.json. The webview dev harness
// (scripts/webview-dev.mjs) replays them, so the panel can be styled and screenshotted without
// starting VS Code each time. Needs code-server (node scripts/vscode/setup.mjs).
//
//   node scripts/webview-themes.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './vscode/paths.mjs';
import { launchBrowser, startCodeServer } from './vscode/server.mjs';
import { findFrame, runCommand, waitForWorkbench } from './vscode/workbench.mjs';

const THEMES = {
  'dark-plus': 'Default Dark+',
  'light-plus': 'Default Light+',
  'dark-modern': 'Default Dark Modern',
  'light-modern': 'Default Light Modern',
  'hc-dark': 'Default High Contrast',
  'hc-light': 'Default High Contrast Light',
};
const outDir = path.join(ROOT, 'test/webview/themes');
mkdirSync(outDir, { recursive: true });

for (const [file, theme] of Object.entries(THEMES)) {
  const server = await startCodeServer({
    workspace: path.join(ROOT, 'seeds'),
    extensionDevelopmentPath: path.join(ROOT, 'test/vscode/fixture-extension'),
    settings: { 'workbench.colorTheme': theme },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    await runCommand(page, 'Corroborate Fixture: Show Panel');
    const frame = await findFrame(page, '#fixture-webview');
    const captured = await frame.evaluate(() => {
      const style = document.documentElement.style;
      const vars = {};
      for (let i = 0; i < style.length; i++) {
        const name = style[i];
        if (name.startsWith('--')) vars[name] = style.getPropertyValue(name).trim();
      }
      return { bodyClass: document.body.className, themeKind: document.body.dataset.vscodeThemeKind ?? null, vars };
    });
    writeFileSync(path.join(outDir, `${file}.json`), JSON.stringify({ theme, ...captured }, null, 1) + '\n');
    console.log(`[webview-themes] ${theme}: ${Object.keys(captured.vars).length} variables, body "${captured.bodyClass}"`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}
