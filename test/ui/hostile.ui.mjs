#!/usr/bin/env node
// Issue 6, "no script from a source ever runs", in a real browser: VS Code (code-server) in
// headless Chromium on a copy of test/fixtures/hostile/sources — 170+ XSS filter-evasion
// payloads inside quotations, beside names and figures, in front matter and page heads.
//
//   node test/ui/hostile.ui.mjs [--keep] [--verbose]
//
// Every payload that could run calls a sentinel: `top.__xss(id)` (a binding installed in every
// frame), `alert(id)` (a dialog), or a request to 127.0.0.1:47391 (a server counting hits).
// The test compares the folder from the command palette, then checks in the panel that every
// payload reads as text and that no element was made from source text; hovers a payload in
// the panel and in a source editor; opens the Findings view; asks to open source addresses
// (javascript: refused; https only after the modal, which is cancelled); exports the HTML
// report and opens it in the same Chromium. Any sentinel call, dialog, CSP violation (seen by
// the page's console and by the panel's own listener) or script error fails the run.
// Screenshots: test-output/ui/hostile-*.png.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchBrowser, newRunDir, startCodeServer } from '../../scripts/vscode/server.mjs';
import { findFrame, goToLine, runCommand, waitForWorkbench } from '../../scripts/vscode/workbench.mjs';
import { uiSteps } from './uiSteps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({ options: { keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
const OUT = path.join(ROOT, 'test-output', 'ui');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'hostile');
const PAYLOADS = JSON.parse(readFileSync(path.join(FIXTURE, 'payloads.json'), 'utf8'));
const SENTINEL_PORT = 47391; // test/fixtures/hostile/payloads.ts
const VIEWPORT = { width: 1600, height: 900 };
// The panel shows bidi controls as visible tokens (src/webview/bidi.ts), not as the characters.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const squash = (s) => s.replace(BIDI, '').replace(/\s+/g, '');
/** Elements the payloads would make if any markup from a source were parsed (buttons too, but the tooltip has its own). */
const FOREIGN = ['img', 'image', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'script', 'style', 'link', 'meta', 'base',
  'a', 'form', 'input', 'select', 'textarea', 'video', 'audio', 'source', 'picture', 'details', 'marquee', 'template', 'noscript', 'xss', 'x', 'bgsound', 'table', 'td', 'body'];

const { say, check, step, state } = uiSteps('ui:hostile', { clip: 2000 });

/** Everything that would mean a payload ran. Checked after every step. */
const executions = [];
function noExecutions(where) {
  check(executions.length === 0, `nothing from a source ran (${where})`, executions);
}

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (/^hostile-.*\.png$/.test(f)) rmSync(path.join(OUT, f));
const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-hostile-'));
cpSync(path.join(FIXTURE, 'sources'), workspace, { recursive: true });
const runDir = newRunDir();

// What the engine finds in the same files (the extension's own CLI), to know what to look for.
const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'compare', workspace, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
const result = JSON.parse(cli.stdout);
const originals = result.sources.filter((s) => !s.copyOf);
const shownIds = new Set(originals.map((s) => s.id));
const textPayloads = PAYLOADS.filter((p) => !p.nul);

// A server that counts every request a payload might make (img, script, fetch, ping…).
const sentinel = http.createServer((req, res) => {
  executions.push(`request ${req.method} ${req.url}`);
  res.writeHead(204);
  res.end();
});
await new Promise((resolve, reject) => sentinel.once('error', reject).listen(SENTINEL_PORT, '127.0.0.1', resolve));

async function shot(page, name) {
  const file = path.join(OUT, `hostile-${name}.png`);
  await page.screenshot({ path: file });
  say(`  screenshot ${path.relative(ROOT, file)}`);
}

/**
 * Proves the detectors are live where payloads would land: runs a script that does what a
 * payload does, expects it to be noticed, and forgets it. A run that notices nothing here fails.
 */
async function selfTest(label, run) {
  const before = executions.length;
  await run();
  const deadline = Date.now() + 10_000;
  while (executions.length === before && Date.now() < deadline) await sleep(100);
  check(executions.length > before, `the detector notices a script that runs (${label})`);
  say(`  detector self-test (${label}): ${executions.slice(before).join('; ').slice(0, 160)}`);
  executions.splice(before);
}

/** Arms a page so that anything a payload could do is recorded. */
async function watch(page, label) {
  await page.exposeBinding('__xss', (_source, id) => executions.push(`${label}: __xss(${id})`));
  page.on('dialog', async (d) => {
    executions.push(`${label}: ${d.type()} dialog "${d.message()}"`);
    await d.dismiss().catch(() => {});
  });
  page.on('popup', (p) => executions.push(`${label}: popup ${p.url()}`));
  page.on('console', (m) => {
    appendFileSync(consoleLog, `[${label}] [${m.type()}] ${m.text()}\n`);
    if (/Content.Security.Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text())) cspProblems.push(`${label}: ${m.text()}`);
    if (/__xss|x\d{3}'?\)|SecurityError/.test(m.text()) && m.type() === 'error') executions.push(`${label}: console error ${m.text()}`);
    // A webview is a sandboxed frame without allow-modals: its alert() is refused with this message, not shown.
    if (/Ignored call to '(alert|confirm|prompt)\(\)'/.test(m.text())) executions.push(`${label}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    appendFileSync(consoleLog, `[${label}] [pageerror] ${e.stack ?? e}\n`);
    if (/__xss|x\d{3}/.test(String(e))) executions.push(`${label}: page error ${e}`);
  });
  page.on('request', (r) => {
    if (/^javascript:|^data:text\/html|127\.0\.0\.1:47391/.test(r.url())) executions.push(`${label}: request ${r.url()}`);
  });
}

let server;
let browser;
let page;
let status = 1;
const consoleLog = path.join(OUT, 'hostile-browser-console.log');
rmSync(consoleLog, { force: true });
const cspProblems = [];
try {
  await step('the engine reads the hostile set', async () => {
    check(result.sources.length === 9, 'nine sources read', result.sources.map((s) => s.id));
    check(result.problems.length === 1 && /nul-bytes/.test(result.problems[0].path), 'the NUL file refused', result.problems);
    say(`  ${PAYLOADS.length} payloads (${textPayloads.length} in files read, ${PAYLOADS.length - textPayloads.length} with NUL bytes in the refused file)`);
  });

  server = await startCodeServer({ runDir, workspace, extensionDevelopmentPath: ROOT, verbose: opts.verbose, settings: { 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Dark Modern' } });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  await watch(page, 'workbench');

  await step('workbench opens; a hostile source opened by Quick Open', async () => {
    await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('wire-a.txt');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'wire-a.txt' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'wire-a.txt' }).waitFor();
  });

  let frame;
  await step('F1 → Corroborate: Compare Sources → the panel draws every row', async () => {
    await runCommand(page, 'Corroborate: Compare Sources');
    frame = await findFrame(page, '.grid .row.head', { timeoutMs: 90_000 });
    await frame.waitForFunction(() => document.body.dataset.rendered !== undefined, null, { timeout: 90_000 });
    await page.locator('.statusbar-item', { hasText: /9 sources/ }).first().waitFor({ timeout: 30_000 });
    await sleep(1000);
    await shot(page, 'panel');
    noExecutions('after the panel drew the hostile sources');
    await selfTest('panel: top.__xss', () => frame.evaluate(() => { setTimeout(() => top.__xss && top.__xss('self-test')); }));
    await selfTest('panel: alert', () => frame.evaluate(() => { setTimeout(() => alert('self-test')); }));
  });

  await step('every payload in a shown column reads as text, exactly', async () => {
    const columns = await frame.evaluate(() => {
      const out = {};
      for (const cell of document.querySelectorAll('.grid-body .cell')) {
        const k = cell.dataset.source;
        out[k] = (out[k] ?? '') + (cell.querySelector('.text')?.textContent ?? '');
      }
      return out;
    });
    const idx = Object.fromEntries(result.sources.map((s, i) => [s.id, i]));
    // Every payload not from the refused file is in one of the .txt reports, which are all shown.
    const txt = result.sources.filter((s) => s.id.endsWith('.txt') && shownIds.has(s.id));
    check(txt.length === 3, 'the three plain-text reports have columns', [...shownIds]);
    const haystack = txt.map((s) => squash(columns[idx[s.id]] ?? '')).join('\n');
    const missing = textPayloads.filter((p) => !haystack.includes(squash(p.text)));
    check(missing.length === 0, `all ${textPayloads.length} payloads appear as text in the panel`, missing.map((p) => p.id));
    // Payloads in front matter: the titles of the Markdown reports in the column headers, as text.
    const titles = await frame.locator('.grid-head .col-head .title').allTextContents();
    for (const s of originals.filter((x) => x.id.endsWith('.md'))) check(titles.some((t) => squash(t) === squash(s.title)), `the title of ${s.id} reads as written`, titles);
  });

  await step('no element in the panel came from source text; only the page’s own script', async () => {
    const dom = await frame.evaluate(() => {
      const tags = {};
      const handlers = [];
      const links = [];
      const styles = [];
      for (const el of document.querySelectorAll('*')) {
        const t = el.tagName.toLowerCase();
        tags[t] = (tags[t] ?? 0) + 1;
        for (const a of el.attributes) {
          if (a.name.startsWith('on')) handlers.push(`${t} ${a.name}`);
          if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href', 'background', 'poster', 'data'].includes(a.name)) links.push(`${t} ${a.name}=${a.value.slice(0, 160)}`);
          // The panel sets custom properties through CSSOM (--cols, --est…); no style may load or run
          // anything. (<html>'s style is VS Code's theme variables.)
          if (a.name === 'style' && t !== 'html' && /url\(|expression|javascript:|behavior|binding|@import/i.test(a.value)) styles.push(`${t} style=${a.value.slice(0, 160)}`);
        }
      }
      const scripts = [...document.scripts].map((s) => ({ src: s.src, nonce: s.nonce !== '', inline: s.src ? '' : s.textContent }));
      return { tags, handlers, links, styles, scripts, csp: document.body.dataset.cspViolations ?? '0' };
    });
    const allowed = new Set(['html', 'head', 'meta', 'link', 'title', 'body', 'script', 'div', 'span', 'button', 'mark', 'label', 'input', 'kbd', 'strong', 'em', 'p', 'ul', 'li', 'br', 'section', 'header', 'nav', 'dl', 'dt', 'dd', 'svg', 'path', 'style']);
    const foreign = Object.keys(dom.tags).filter((t) => !allowed.has(t));
    check(foreign.length === 0, 'only the elements the panel itself makes', dom.tags);
    check(!dom.tags.img && !dom.tags.iframe && !dom.tags.a && !dom.tags.object && !dom.tags.embed && !dom.tags.math && !dom.tags.form, 'no img, iframe, a, object, embed, math or form', dom.tags);
    check(dom.handlers.length === 0, 'no element has an on* attribute', dom.handlers);
    const loaded = dom.scripts.filter((x) => x.src);
    check(loaded.length === 1 && loaded[0].nonce && /\/media\/webview\.js$/.test(loaded[0].src), 'one loaded script: the panel’s own, with its nonce', loaded);
    // VS Code puts its own inline script (acquireVsCodeApi) into every webview page; nothing else.
    const inline = dom.scripts.filter((x) => !x.src);
    check(inline.every((x) => x.inline.includes('acquireVsCodeApi') && !/__xss|alert\(|x\d{3}/.test(x.inline)), 'inline scripts are only VS Code’s own', inline.map((x) => x.inline.slice(0, 200)));
    check(dom.links.every((l) => /^(link href|script src)=https:\/\/[^ ]*\/media\/(webview\.css|codicon\.css|webview\.js)$/.test(l)), 'the only addresses are the panel’s own media', dom.links);
    check(dom.styles.length === 0, 'no inline style loads or runs anything', dom.styles);
    if (dom.tags.input) check(await frame.locator('input:not([type="checkbox"]):not([type="search"]):not([type="text"])').count() === 0, 'inputs are the panel’s own');
    check(dom.csp === '0', 'the panel’s securitypolicyviolation listener saw nothing', dom.csp);
    noExecutions('in the panel');
  });

  await step('a mention tooltip in the panel shows a payload as text', async () => {
    const mark = frame.locator('.grid-body mark.m').filter({ hasText: /<|javascript:|onerror/ }).first();
    check(await mark.count() === 1, 'a mark holds a payload');
    const want = await mark.textContent();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const tip = frame.locator('.tooltip:visible, [role="tooltip"]:visible').first();
    await tip.waitFor({ state: 'visible', timeout: 10_000 });
    const tipText = await tip.textContent();
    check(squash(tipText).includes(squash(want).slice(0, 40)), 'the tooltip quotes the wording as text', { want, tipText });
    const inside = await tip.evaluate((el, foreign) => [...el.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => foreign.includes(t)), FOREIGN);
    check(inside.length === 0, 'the tooltip holds no element that markup from a source would make', inside);
    await sleep(500);
    await shot(page, 'tooltip');
    noExecutions('tooltip');
  });

  await step('a source’s javascript: address is refused with a message; nothing opens', async () => {
    const head = frame.locator('.grid-head .col-head').filter({ has: frame.locator('.src-id', { hasText: 'daily-a.md' }) });
    const button = head.locator('button.head-url');
    check(await button.count() === 1, 'daily-a.md has an address button');
    check((await button.getAttribute('title')).includes('javascript:alert(1)'), 'the button says where it points', await button.getAttribute('title'));
    await button.click();
    const toast = page.locator('.notification-toast', { hasText: 'opens only http and https' }).first();
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    check(await page.locator('.monaco-dialog-box').count() === 0, 'no confirmation for an address that is never opened');
    await shot(page, 'refused-url');
    await toast.locator('.codicon-notifications-clear, .codicon-close').first().click({ timeout: 2000 }).catch(() => {});
    noExecutions('javascript: address');
  });

  await step('an https address asks first, showing the exact address; Cancel opens nothing', async () => {
    const head = frame.locator('.grid-head .col-head').filter({ has: frame.locator('.src-id', { hasText: 'daily-c.md' }) });
    await head.locator('button.head-url').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await dialog.innerText();
    check(text.includes('https://example.org/news/drava-dam?ref=%3Cscript%3Ealert(%27fm-url-c%27)%3C/script%3E'), 'the dialog shows the normalised address that would open', text);
    check(text.includes('Open in Browser'), 'an explicit button to open', text);
    await shot(page, 'confirm-url');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    check(browser.contexts().every((c) => c.pages().length === 1), 'no window or tab was opened', browser.contexts().map((c) => c.pages().map((p) => p.url())));
    noExecutions('https address, cancelled');
  });

  await step('hovering a payload in a source editor: the hover shows it as text', async () => {
    // A quotation that holds a payload and has another wording in a second source.
    const f = result.findings.find((x) => x.kind === 'quote' && x.mentions.some((m) => m.source === 'wire-a.txt' && /<script/i.test(m.text)) && x.mentions.some((m) => m.source !== 'wire-a.txt'));
    check(!!f, 'a quotation with a payload in wire-a.txt');
    const m = f.mentions.find((x) => x.source === 'wire-a.txt');
    const text = readFileSync(path.join(workspace, 'wire-a.txt'), 'utf8');
    const line = text.slice(0, m.start).split('\n').length;
    const col = m.start - (text.lastIndexOf('\n', m.start - 1) + 1) + 3;
    await page.locator('.tab', { hasText: 'wire-a.txt' }).first().click();
    await goToLine(page, line, col);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover').filter({ hasText: /Quote (agrees|differs)/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const hoverText = await hover.innerText();
    const other = f.mentions.find((x) => x.source !== 'wire-a.txt');
    check(squash(hoverText).includes(squash(other.text).slice(0, 60)), 'the hover quotes the other source’s wording, markup and all, as text', { hoverText, other: other.text });
    const dom = await hover.evaluate((el) => ({
      tags: [...new Set([...el.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))],
      links: [...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('data-href') ?? a.getAttribute('href')]),
    }));
    check(!dom.tags.some((t) => ['img', 'svg', 'iframe', 'script', 'object', 'embed', 'math', 'form', 'input', 'video', 'audio'].includes(t)) || dom.tags.includes('svg') === false, 'no element from the payload in the hover', dom.tags);
    check(dom.links.every(([t, href]) => t === 'open' && /^command:corroborate\.openSourceAt\?/.test(href ?? '')), 'the only links are the extension’s “open” links', dom.links);
    await sleep(700); // the hover fades in
    await shot(page, 'editor-hover');
    await page.keyboard.press('Escape');
    noExecutions('editor hover');
  });

  await step('the Findings view lists payloads as plain labels', async () => {
    await runCommand(page, 'Corroborate: Focus on Findings View');
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Findings/i }) }).first();
    await pane.locator('.monaco-list-row', { hasText: 'Figures' }).first().waitFor({ timeout: 20_000 });
    const row = pane.locator('.monaco-list-row').filter({ hasText: /<|javascript:|onerror|fetch\(|__xss/ }).first();
    check(await row.count() === 1, 'a finding row shows a payload', await pane.locator('.monaco-list-row').allInnerTexts());
    // VS Code draws labels and row actions as <a> without an address; one with an address is foreign.
    const tags = await pane.evaluate((el, foreign) => [...el.querySelectorAll('.monaco-list-row *')]
      .filter((e) => foreign.includes(e.tagName.toLowerCase()) && !(e.tagName === 'A' && !e.hasAttribute('href')))
      .map((e) => e.outerHTML.slice(0, 200)), FOREIGN);
    check(tags.length === 0, 'rows hold no element from source text', tags);
    await sleep(500);
    await shot(page, 'findings-view');
    noExecutions('Findings view');
  });

  let reportPath;
  await step('Export Report… as HTML, through the palette and the save dialog', async () => {
    await runCommand(page, 'Corroborate: Export Report…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'HTML' }).first().waitFor();
    await input.fill('HTML');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'HTML' }).waitFor();
    await page.keyboard.press('Enter');
    // code-server's save dialog is a quick input holding the path; take the offered one.
    await page.waitForFunction(() => /corroborate-report\.html$/.test(document.querySelector('.quick-input-widget .quick-input-box input')?.value ?? ''), null, { timeout: 15_000 });
    await page.keyboard.press('Enter');
    reportPath = path.join(workspace, 'corroborate-report.html');
    const deadline = Date.now() + 60_000;
    while (!existsSync(reportPath) && Date.now() < deadline) await sleep(250);
    check(existsSync(reportPath), 'the report was written', readdirSync(workspace));
    noExecutions('export');
  });

  await step('the exported HTML report, opened in the same Chromium: nothing runs, every payload is text', async () => {
    const reportPage = await browser.newPage({ viewport: VIEWPORT }); // same Chromium, a context of its own
    await watch(reportPage, 'report');
    await reportPage.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
    await sleep(1500);
    noExecutions('opening the report');
    // The report's CSP forbids scripts; the detector is tested from outside the page's rules.
    await selfTest('report: top.__xss', () => reportPage.evaluate(() => { top.__xss('self-test'); }));
    const dom = await reportPage.evaluate(() => ({
      text: document.body.textContent,
      tags: [...new Set([...document.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()))],
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      hrefs: [...document.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.rel]),
      scripts: document.scripts.length,
    }));
    check(dom.scripts === 0, 'the report has no script');
    check(dom.handlers.length === 0, 'no on* attribute', dom.handlers);
    check(!dom.tags.some((t) => ['img', 'svg', 'iframe', 'object', 'embed', 'math', 'form', 'input', 'video', 'audio', 'base', 'link'].includes(t)), 'no element from source text', dom.tags);
    check(dom.hrefs.every(([h, rel]) => /^https?:\/\//.test(h) && rel === 'noopener noreferrer'), 'links only http(s), noopener noreferrer', dom.hrefs);
    const quoted = textPayloads.filter((p) => result.findings.some((f) => f.mentions.some((m) => m.text.includes(p.text))));
    const missing = quoted.filter((p) => !squash(dom.text).includes(squash(p.text)));
    check(quoted.length > 20 && missing.length === 0, `the ${quoted.length} payloads quoted in findings read as text in the report`, missing.map((p) => p.id));
    await reportPage.screenshot({ path: path.join(OUT, 'hostile-report.png') });
    say('  screenshot test-output/ui/hostile-report.png');
    await reportPage.close();
    noExecutions('HTML report');
  });

  await step('after all of it: no sentinel call, dialog, request, popup or CSP violation', async () => {
    await sleep(1000);
    noExecutions('at the end');
    const panelCsp = await frame.evaluate(() => document.body.dataset.cspViolations ?? '0').catch(() => '0');
    check(panelCsp === '0', 'the panel’s listener saw no CSP violation', panelCsp);
    check(cspProblems.length === 0, 'no Content Security Policy violation in any page', cspProblems);
  });

  status = 0;
  say(`PASSED: ${state.passed} checks; ${PAYLOADS.length} payloads tried, nothing executed; screenshots in ${path.relative(ROOT, OUT)}/hostile-*.png`);
} catch (err) {
  console.error(`[ui:hostile] FAILED in "${state.currentStep}": ${err.message}`);
  if (page) await page.screenshot({ path: path.join(OUT, 'hostile-failure.png') }).catch(() => {});
  if (server) console.error(`[ui:hostile] code-server log (tail):\n${server.logTail(20)}`);
  console.error(`[ui:hostile] browser console: ${path.relative(ROOT, consoleLog)}; run folder: ${path.relative(ROOT, runDir)}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  sentinel.close();
  if (!opts.keep) {
    rmSync(workspace, { recursive: true, force: true });
    if (status === 0) rmSync(runDir, { recursive: true, force: true });
  }
}
process.exit(status);
