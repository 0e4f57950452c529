#!/usr/bin/env node
// The browser test: Corroborate used in a real VS Code (code-server + headless Chromium) the
// way a person uses it, on a fresh temporary copy of seeds/, with assertions at every step and
// screenshots in test-output/ui/ (test-output/ui/vsix/ for the .vsix run).
//
//   node test/ui/compare.ui.mjs                   # the extension from the development folder
//   node test/ui/compare.ui.mjs --vsix corroborate.vsix   # installed from the package instead
//   options: --keep (keep the workspace and .vscode-test/runs/<id>/), --verbose, --slow-mo <ms>
//
// What it does, in order:
//   F1 → "Corroborate: Compare Sources" → the folder picker (first run) → the panel;
//   columns, the folded copy, differing / agreeing marks; "Only differences"; `n` twice; a hover
//   card; dark and light themes; a click on a passage opening its source at the right line;
//   the Corroborate view (Sources, Findings); a hover in a source editor.
// Expectations come from the engine itself (the extension's own dist/cli.js, run on the same
// copy of seeds/), so the test checks what the UI shows against what the engine found.
//
// The run needs code-server and Chromium (node scripts/vscode/setup.mjs) and a build.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerEntry } from '../../scripts/vscode/paths.mjs';
import { launchBrowser, newRunDir, startCodeServer } from '../../scripts/vscode/server.mjs';
import { findFrame, goToLine, quickOpen, runCommand, waitForWorkbench } from '../../scripts/vscode/workbench.mjs';
import { uiSteps } from './uiSteps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'slow-mo': { type: 'string' },
  },
});
const mode = opts.vsix ? 'vsix' : 'dev';
const OUT = path.join(ROOT, 'test-output', 'ui', ...(mode === 'vsix' ? ['vsix'] : []));
const EXTENSION_ID = 'corroborate.corroborate';
const VIEWPORT = { width: 1600, height: 900 };

const { say, secs, check, step, state } = uiSteps(`ui:${mode}`);

// ---------------------------------------------------------------------------------------------
// The workspace, the extension, and what the engine says about the seeds.

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (/\.(png|log)$/.test(f)) rmSync(path.join(OUT, f));
const workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-ui-'));
cpSync(path.join(ROOT, 'seeds'), workspace, { recursive: true });
const runDir = newRunDir();
const extensionsDir = path.join(runDir, 'extensions');
mkdirSync(extensionsDir, { recursive: true });

/** Installs the .vsix into this run's fresh extensions folder with code-server's own CLI. */
function installVsix(vsix) {
  const file = path.resolve(vsix);
  if (!existsSync(file)) throw new Error(`${file} not found (npm run package)`);
  const xdg = path.join(runDir, 'xdg');
  const res = spawnSync(
    process.execPath,
    [codeServerEntry(), '--extensions-dir', extensionsDir, '--user-data-dir', path.join(runDir, 'user-data'), '--install-extension', file],
    { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data') }, timeout: 120_000 },
  );
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`;
  if (res.status !== 0 || !/successfully installed/i.test(output)) throw new Error(`code-server --install-extension failed (exit ${res.status}):\n${output}`);
  const dir = readdirSync(extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`));
  if (!dir) throw new Error(`no ${EXTENSION_ID}-* folder in ${extensionsDir} after installing: ${readdirSync(extensionsDir).join(', ')}`);
  return path.join(extensionsDir, dir);
}

function engineResult(extensionDir) {
  const cli = path.join(extensionDir, 'dist', 'cli.js');
  const res = spawnSync(process.execPath, [cli, 'compare', workspace, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(res.stdout);
  } catch {
    throw new Error(`${cli} compare --json did not give JSON (exit ${res.status}):\n${res.stderr}`);
  }
}

let extensionDir;
let result;
try {
  extensionDir = mode === 'vsix' ? installVsix(opts.vsix) : ROOT;
  if (mode === 'vsix') {
    // What was installed is the package, not the project: no sources, tests or modules beside it.
    const shipped = readdirSync(extensionDir).sort();
    check(!shipped.includes('src') && !shipped.includes('node_modules') && !shipped.includes('test'), 'the installed extension holds only the package', shipped);
    say(`installed ${path.basename(opts.vsix)} into ${path.relative(ROOT, extensionDir)}`);
  }
  result = engineResult(extensionDir);
} catch (err) {
  console.error(`[ui:${mode}] FAILED before VS Code started: ${err.message}`);
  rmSync(workspace, { recursive: true, force: true });
  process.exit(1);
}
/** The extension's manifest as VS Code reads it (its colour defaults are checked in the panel). */
const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
const sources = result.sources;
const copies = sources.filter((s) => s.copyOf);
const originals = sources.filter((s) => !s.copyOf);
const differences = result.findings.filter((f) => f.verdict === 'differ');
const findingWith = (kind, verdict, text) =>
  result.findings.find((f) => f.kind === kind && f.verdict === verdict && f.mentions.some((m) => m.text.includes(text)));
const nebenz = findingWith('name', 'differ', 'Nebenzya');
const plea = findingWith('quote', 'agree', 'a guilty plea');

// ---------------------------------------------------------------------------------------------
// Small helpers on top of the harness.

/** Seed text and the 1-based line of an offset in it. */
const seedText = (id) => readFileSync(path.join(workspace, id), 'utf8');
const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;
const columnOf = (text, offset) => offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;

async function shot(page, name) {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  say(`  screenshot ${path.relative(ROOT, file)}`);
}

/** Waits until the webview has drawn every row (it fires `corroborate-rendered` then). */
async function armRendered(frame) {
  await frame.evaluate(() => {
    window.__uiRendered = new Promise((resolve) => document.addEventListener('corroborate-rendered', (e) => resolve(e.detail), { once: true }));
  });
}
async function awaitRendered(frame, what) {
  const detail = await Promise.race([
    frame.evaluate(() => window.__uiRendered),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`the panel did not finish drawing after ${what} within 30 s`)), 30_000)),
  ]);
  return detail;
}

/**
 * Runs a palette command whose title the palette does not rank first (runCommand presses
 * Enter on the highlighted row; "Preferences: Color Theme" comes after "Browse Color Themes in
 * Marketplace"), by clicking the row with exactly that title.
 */
async function runCommandByClick(page, title, { timeoutMs = 30_000 } = {}) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }) }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 2000 });
      }
      await input.fill(`>${title}`);
      await row.waitFor({ state: 'visible', timeout: 3000 });
      await row.click();
      await input.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`could not run "${title}" from the command palette: ${err.message}`);
      if (opts.verbose) say(`  retrying "${title}": ${err.message.split('\n')[0]}`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Switches the colour theme through "Preferences: Color Theme", as a person does. Retried: right
 * after the window loads, the picker may open before the built-in themes are registered and
 * list only "Browse Additional Color Themes…".
 */
async function setTheme(page, label, themeClass, frame) {
  // The workbench names its theme in a class once the theme extensions are read; the picker
  // opened before that lists none of them.
  await page.waitForFunction(() => /\bvscode-theme-/.test(document.querySelector('.monaco-workbench')?.className ?? ''), null, { timeout: 60_000 });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(label)}$`) }) }).first();
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await runCommandByClick(page, 'Preferences: Color Theme');
      await input.waitFor({ state: 'visible' });
      await input.fill(label);
      await row.waitFor({ state: 'visible', timeout: 1500 });
      await row.click();
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`could not pick the theme "${label}": ${err.message}`);
      if (opts.verbose) say(`  retrying the theme "${label}": ${err.message.split('\n')[0]}`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  await page.waitForFunction((c) => document.querySelector('.monaco-workbench')?.classList.contains(c), themeClass, { timeout: 15_000 });
  await input.waitFor({ state: 'hidden', timeout: 5000 });
  const kind = label.startsWith('Light') ? 'vscode-light' : 'vscode-dark';
  if (frame) await frame.waitForFunction((k) => document.body.classList.contains(k), kind, { timeout: 15_000 });
}

/**
 * The extension's theme colours as VS Code hands them to the webview (--vscode-corroborate-*),
 * against the manifest's defaults for the theme's kind: proves contributes.colors is read.
 */
async function checkContributedColours(frame, kind) {
  const got = await frame.evaluate((ids) => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(ids.map((id) => [id, style.getPropertyValue(`--vscode-${id.replace(/\./g, '-')}`).trim().toLowerCase()]));
  }, manifest.contributes.colors.map((c) => c.id));
  for (const c of manifest.contributes.colors) {
    const want = c.defaults[kind];
    const [a, b] = [rgba(want), rgba(got[c.id])];
    check(!!b && a.every((v, i) => Math.abs(v - b[i]) <= (i === 3 ? 0.01 : 0)), `${c.id} reaches the panel with its ${kind} default ${want}`, got[c.id]);
  }
  for (const id of ['corroborate.agreeBackground', 'corroborate.diffWordBackground', 'corroborate.differBackground']) check(id in got, `${id} is contributed`, Object.keys(got));
}

/** [r, g, b, alpha] of "#rgb(a)", "#rrggbb(aa)" or "rgb(a)(…)"; null for anything else. */
function rgba(css) {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(css ?? '');
  if (hex) {
    let h = hex[1];
    if (h.length <= 4) h = [...h].map((x) => x + x).join('');
    const n = (i) => parseInt(h.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(css ?? '');
  if (!fn) return null;
  const [r, g, b, a = '1'] = fn[1].split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

/** Lets fonts load and two frames pass, so a screenshot shows the settled page. */
async function settle(frame) {
  await frame.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

// ---------------------------------------------------------------------------------------------

let server;
let browser;
let page;
let status = 1;
const consoleLog = path.join(OUT, 'browser-console.log');
const cspProblems = [];
try {
  // The seeds are fixed test data: these facts are what the test is about, so say clearly when
  // the engine stopped finding them rather than failing somewhere in the UI.
  await step('the engine finds what the test looks for', async () => {
    check(sources.length === 5, 'the engine reads the five seeds', sources.map((s) => s.id));
    check(copies.length === 1, 'the engine finds one copy among the seeds', copies.map((s) => s.id));
    check(!!nebenz && nebenz.mentions.some((m) => m.text.includes('Nebenzia')), 'the engine marks "Nebenzya" / "Nebenzia" as one name spelled differently');
    check(!!plea, 'the engine finds "a guilty plea" quoted alike');
  });

  server = await startCodeServer({
    runDir,
    workspace,
    extensionsDir,
    verbose: opts.verbose,
    ...(mode === 'dev' ? { extensionDevelopmentPath: ROOT } : {}),
    // More room for the text in the narrow editor beside the panel. (No colour theme here: with
    // the development folder it would be ignored, see test/vscode/README.md; setTheme picks it.)
    settings: { 'editor.minimap.enabled': false },
    // The panel's model in 4 KB parts (src/extension/panel/comparePanel.ts), so that putting a
    // model together from parts is checked by everything below; other UI tests send it whole.
    env: { CORROBORATE_MODEL_PART_BYTES: '4096' },
  });
  say(`code-server on ${server.url}; run folder ${path.relative(ROOT, runDir)}`);
  browser = await launchBrowser(opts['slow-mo'] ? { slowMo: Number(opts['slow-mo']) } : {});
  page = await browser.newPage({ viewport: VIEWPORT });
  page.on('console', (m) => {
    appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`);
    if (/Content.Security.Policy|Refused to (load|execute|apply)/i.test(m.text())) cspProblems.push(m.text());
  });
  page.on('pageerror', (e) => appendFileSync(consoleLog, `[pageerror] ${e.stack ?? e}\n`));

  await step('workbench opens', async () => {
    await page.goto(server.buildUrl(), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page);
    const title = await page.title();
    if (mode === 'dev') check(title.includes('[Extension Development Host]'), 'the window runs the extension under development', title);
    else check(!title.includes('[Extension Development Host]'), 'the window runs the installed extension, not a development copy', title);
  });

  // Dark first (VS Code's default, but the development host starts in Light+); light follows
  // for the second screenshot, then dark again for the rest.
  await step('dark theme', () => setTheme(page, 'Dark Modern', 'vscode-theme-defaults-themes-dark_modern-json'));

  let frame;
  await step('F1 → Corroborate: Compare Sources → choose the folder → the panel', async () => {
    await runCommand(page, 'Corroborate: Compare Sources');
    // Nothing is open and nothing was compared yet: the extension asks which articles to compare,
    // offering the workspace folder. Accept it, as a person would.
    const dialog = page.locator('.quick-input-widget', { hasText: 'choose the articles to compare' });
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const input = dialog.locator('.quick-input-box input');
    // The dialog fills its path in as it reads the folder: wait for the whole of it.
    await page
      .waitForFunction((want) => { const v = document.querySelector('.quick-input-widget .quick-input-box input')?.value ?? ''; return v.replace(/\/+$/, '') === want; }, workspace, { timeout: 10_000 })
      .catch(() => {});
    const offered = await input.inputValue();
    check(path.resolve(offered) === path.resolve(workspace), 'the picker offers the workspace folder', offered);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    frame = await findFrame(page, '.grid .row.head', { timeoutMs: 60_000 });
    await frame.waitForFunction(() => document.body.dataset.rendered !== undefined, null, { timeout: 60_000 });
    const tab = page.locator('.tab', { hasText: 'Corroborate' }).first();
    check((await tab.innerText()).includes(`${sources.length} sources`), 'the panel tab names the number of sources', await tab.innerText());
    await page.locator('.statusbar-item', { hasText: `${sources.length} sources · ${differences.length} differences` }).first().waitFor({ timeout: 30_000 });
  });

  await step('the five sources in columns, the copy folded into its original', async () => {
    const summary = await frame.locator('.toolbar .summary').innerText();
    check(summary.includes(`${sources.length} sources`) && summary.includes(`${originals.length} independent`), 'the toolbar counts 5 sources, 4 independent', summary);
    check(summary.includes(`${differences.length} differences`), `the toolbar counts ${differences.length} differences`, summary);
    const heads = frame.locator('.grid-head .col-head');
    const ids = await heads.locator('.src-id').allInnerTexts();
    check(JSON.stringify(ids) === JSON.stringify(originals.map((s) => s.id)), 'one column per original source, in order', ids);
    for (const copy of copies) {
      const head = heads.filter({ has: frame.locator('.src-id', { hasText: copy.copyOf }) });
      const badge = await head.locator('.badge-copies').innerText();
      check(badge.includes('copy') && badge.includes(copy.id), `the column of ${copy.copyOf} carries a "copy" mark naming ${copy.id}`, badge);
      check((await frame.locator('.grid-head .col-head .src-id', { hasText: copy.id }).count()) === 0, `${copy.id} has no column of its own`);
    }
    const independent = await heads.locator('.badge-independent').count();
    check(independent === originals.length, 'every column is marked independent', independent);
    const showCopies = await frame.locator('button.toggle[aria-label="Show copies"] .count').innerText();
    check(showCopies === String(copies.length), 'the "Show copies" toggle counts the copy', showCopies);
    // Every cell of a row lines up under its header (one CSS grid template for all rows).
    const lefts = await frame.evaluate(() => {
      const head = [...document.querySelectorAll('.grid-head .col-head')].map((e) => Math.round(e.getBoundingClientRect().left));
      const row = document.querySelector('.grid-body .row.passage.filled');
      const cells = row ? [...row.querySelectorAll(':scope > .cell')].map((e) => Math.round(e.getBoundingClientRect().left)) : [];
      return { head, cells };
    });
    check(JSON.stringify(lefts.head) === JSON.stringify(lefts.cells), 'cells line up under their column headers', lefts);
  });

  await step('"Nebenzya" and "Nebenzia" marked as differing name mentions; "a guilty plea" as an agreeing quote', async () => {
    const marks = await frame.evaluate(() =>
      [...document.querySelectorAll('.grid-body mark.m')].map((m) => ({
        text: m.textContent,
        cls: m.className,
        key: m.dataset.key,
        desc: m.getAttribute('aria-description'),
        source: Number(m.closest('.cell')?.dataset.source),
      })),
    );
    const ofFinding = (f) => marks.filter((m) => m.key?.startsWith(`${f.id}#`));
    const neb = ofFinding(nebenz);
    for (const spelling of ['Nebenzya', 'Nebenzia']) {
      const m = neb.find((x) => x.text.includes(spelling));
      check(!!m, `a mark holds "${spelling}"`, neb.map((x) => x.text));
      check(/\bk-name\b/.test(m.cls) && /\bv-differ\b/.test(m.cls), `"${spelling}" is marked as a differing name (k-name v-differ)`, m.cls);
      check(/differs/.test(m.desc ?? ''), `"${spelling}" says "differs" to screen readers, not by colour only`, m.desc);
    }
    // Every independent source that names him shows the mark (the copy's own is folded away).
    const shownSources = new Set(originals.map((s) => sources.indexOf(s)));
    const expected = new Set(nebenz.mentions.map((m) => sources.findIndex((s) => s.id === m.source)).filter((i) => shownSources.has(i)));
    check(JSON.stringify([...new Set(neb.map((m) => m.source))].sort()) === JSON.stringify([...expected].sort()), 'the name is marked in every column that has it', neb);
    const pleaMarks = ofFinding(plea);
    const p = pleaMarks.find((m) => m.text.includes('a guilty plea'));
    check(!!p, 'a mark holds "a guilty plea"', pleaMarks);
    check(/\bk-quote\b/.test(p.cls) && /\bv-agree\b/.test(p.cls), '"a guilty plea" is marked as an agreeing quote (k-quote v-agree)', p.cls);
    check(/agrees/.test(p.desc ?? ''), '"a guilty plea" says "agrees"', p.desc);
    check(!marks.some((m) => /\bv-agree\b/.test(m.cls) && m.key?.startsWith(`${nebenz.id}#`)), 'no Nebenzya mark is drawn as agreeing');
  });

  await step('screenshot: the panel, dark', async () => {
    await checkContributedColours(frame, 'dark');
    await settle(frame);
    await shot(page, 'panel-dark.png');
  });

  await step('the panel follows a light theme', async () => {
    await setTheme(page, 'Light Modern', 'vscode-theme-defaults-themes-light_modern-json', frame);
    await checkContributedColours(frame, 'light');
    await settle(frame);
    await shot(page, 'panel-light.png');
    await setTheme(page, 'Dark Modern', 'vscode-theme-defaults-themes-dark_modern-json', frame);
  });

  const counts = () =>
    frame.evaluate(() => ({
      rows: document.querySelectorAll('.grid-body > .row').length,
      rowsWithoutDiff: document.querySelectorAll('.grid-body > .row:not(.has-diff)').length,
      agreeMarks: document.querySelectorAll('.grid-body mark.m.v-agree').length,
      differKeys: [...new Set([...document.querySelectorAll('.grid-body mark.m.v-differ')].map((m) => m.dataset.key))].length,
      pressed: document.querySelector('button.toggle[aria-label="Only differences"]')?.getAttribute('aria-pressed'),
    }));

  await step('"Only differences" hides agreements and rows without a difference', async () => {
    const before = await counts();
    check(before.pressed === 'false' && before.agreeMarks > 0 && before.rowsWithoutDiff > 0, 'at first everything shows: agreements and rows without differences', before);
    await armRendered(frame);
    await frame.locator('button.toggle[aria-label="Only differences"]').click();
    await awaitRendered(frame, 'turning "Only differences" on');
    const after = await counts();
    check(after.pressed === 'true', 'the toggle shows as pressed', after);
    check(after.agreeMarks === 0, 'no agreeing mark is left', after);
    check(after.rows < before.rows && after.rows > 0, `fewer rows (${before.rows} before)`, after);
    check(after.rowsWithoutDiff === 0, 'every row left holds a difference', after);
    check(after.differKeys === before.differKeys, 'every difference is still shown', { before, after });
    await settle(frame);
    await shot(page, 'only-differences.png');
    await armRendered(frame);
    await frame.locator('button.toggle[aria-label="Only differences"]').click();
    await awaitRendered(frame, 'turning "Only differences" off');
    const back = await counts();
    check(back.rows === before.rows && back.agreeMarks === before.agreeMarks && back.pressed === 'false', 'turning it off brings everything back', { before, back });
  });

  await step('`n` moves to the next difference, twice', async () => {
    // The reading order: row by row, left to right across the columns, then along the text.
    const order = await frame.evaluate(() => {
      document.querySelector('.scroller').scrollTop = 0;
      const seen = [];
      for (const m of document.querySelectorAll('.grid-body mark.m.v-differ')) if (!seen.some((s) => s.key === m.dataset.key)) seen.push({ key: m.dataset.key, text: m.textContent });
      return seen;
    });
    check(order.length >= 2, 'at least two places to check', order);
    // Give the panel the keyboard focus without clicking a passage (that would open a file).
    await frame.locator('.toolbar .summary').click();
    check(await frame.evaluate(() => document.hasFocus()), 'the panel has the keyboard focus');
    for (const [i, expected] of order.slice(0, 2).entries()) {
      await page.keyboard.press('n');
      await frame.waitForFunction((key) => document.activeElement?.dataset?.key === key, expected.key, { timeout: 10_000 }).catch(() => {});
      const focused = await frame.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        const s = document.querySelector('.scroller').getBoundingClientRect();
        return { tag: a.tagName, key: a.dataset?.key, text: a.textContent, cls: a.className, inView: r.top >= s.top && r.bottom <= s.bottom, position: document.querySelector('.nav-position')?.textContent };
      });
      check(focused.key === expected.key && focused.text === expected.text, `n #${i + 1} focuses "${expected.text}" (${expected.key})`, focused);
      check(/\bv-differ\b/.test(focused.cls) && /\bis-current\b/.test(focused.cls), 'the focused mark is a difference and shows as current', focused.cls);
      check(focused.inView, 'the focused mark is scrolled into view', focused);
      check(focused.position === `${i + 1} of ${order.length}`, `the toolbar says "${i + 1} of ${order.length}"`, focused.position);
      const finding = result.findings.find((f) => expected.key.startsWith(`${f.id}#`));
      check(finding?.verdict === 'differ' && finding.mentions.some((m) => m.text === expected.text), 'the engine lists that mention under a difference', finding?.summary);
      say(`  n → "${expected.text}" (${finding.kind}: ${finding.summary.slice(0, 70)}…)`);
    }
    await page.keyboard.press('Escape');
    await frame.locator('.tip').waitFor({ state: 'hidden' });
  });

  await step('hovering a differing name shows every source\'s version', async () => {
    const target = frame.locator(`mark.m.v-differ[data-key^="${nebenz.id}#"]`, { hasText: 'Nebenzia' }).first();
    await target.scrollIntoViewIfNeeded();
    await target.hover();
    const tip = frame.locator('.tip');
    await tip.waitFor({ state: 'visible', timeout: 5000 });
    const text = await tip.innerText();
    check(text.includes('Nebenzya') && text.includes('Nebenzia'), 'the card shows both spellings', text);
    check((await tip.locator('.verdict').textContent()).trim() === 'Differ', 'the card says the sources differ', await tip.locator('.verdict').textContent());
    const versions = await tip.locator('.tip-version').count();
    check(versions === nebenz.mentions.length, `the card lists all ${nebenz.mentions.length} versions, the copy's too`, versions);
    for (const m of nebenz.mentions) check(text.includes(m.source), `the card names ${m.source}`, text);
    const box = await frame.evaluate(() => {
      const r = document.querySelector('.tip').getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: document.documentElement.clientWidth, h: document.documentElement.clientHeight };
    });
    check(box.left >= 0 && box.top >= 0 && box.right <= box.w && box.bottom <= box.h, 'the card fits inside the panel', box);
    await shot(page, 'tooltip.png');
    await page.mouse.move(5, VIEWPORT.height / 2);
    await tip.waitFor({ state: 'hidden', timeout: 5000 });
  });

  await step('clicking a passage opens that source beside the panel at the right line', async () => {
    // A plain word (not a mark) of a sentence of the second source.
    const sourceId = originals[1].id;
    const phrase = 'earlier said that';
    const text = seedText(sourceId);
    const at = text.indexOf(phrase);
    check(at >= 0, `${sourceId} contains "${phrase}"`);
    // The sentence around the phrase: from the line start to its end (this line is one sentence).
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const sentence = text.slice(lineStart, lineEnd).trim();
    check(!/[.!?]["'”’]?\s+\S/.test(sentence), 'the chosen line is a single sentence', sentence);
    const end = lineStart + text.slice(lineStart, lineEnd).trimEnd().length;
    const expectedStatus = `Ln ${lineOf(text, end)}, Col ${columnOf(text, end)} (${sentence.length} selected)`;
    const col = sources.findIndex((s) => s.id === sourceId);
    const point = await frame.evaluate(
      ({ col, phrase }) => {
        // The cell holding the phrase, then its first word as drawn (word-diff spans may split the phrase).
        const cell = [...document.querySelectorAll(`.grid-body .cell[data-source="${col}"]`)].find((c) => c.textContent.includes(phrase));
        if (!cell) return null;
        const word = phrase.split(' ')[0];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(word);
          if (i < 0 || n.parentElement.closest('mark')) continue;
          n.parentElement.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + word.length);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
        return null;
      },
      { col, phrase },
    );
    check(point !== null, `the panel shows "${phrase}" in the column of ${sourceId}`);
    const grid = frame.locator('.grid-body');
    const gridBox = await grid.boundingBox(); // page coordinates of the body
    const local = await frame.evaluate(() => {
      const r = document.querySelector('.grid-body').getBoundingClientRect();
      return { left: r.left, top: r.top };
    });
    await page.mouse.click(gridBox.x + (point.x - local.left), gridBox.y + (point.y - local.top));
    const active = page.locator('.editor-group-container.active .tab.active');
    await active.filter({ hasText: sourceId }).waitFor({ timeout: 15_000 });
    const groups = await page.locator('.editor-group-container').count();
    check(groups === 2, 'the source opens in a group of its own beside the panel', groups);
    const status = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
    await status.filter({ hasText: expectedStatus }).waitFor({ timeout: 10_000 }).catch(() => {});
    const shown = (await status.innerText()).trim();
    check(shown === expectedStatus, `the cursor is at the end of the clicked sentence: "${expectedStatus}"`, shown);
    say(`  opened ${sourceId} at "${shown}"`);
  });

  await step('the Corroborate view: Sources and Findings', async () => {
    const activity = page.locator('.activitybar .action-item', { has: page.locator('a[aria-label^="Corroborate"]') });
    const badge = await activity.locator('a').getAttribute('aria-label');
    check(badge === `Corroborate - ${differences.length} differences`, 'the activity bar icon counts the differences', badge);
    await activity.click();
    // Widen the side bar, as a person does to read the items' descriptions, and give the
    // window some height for the screenshot.
    await page.setViewportSize({ width: VIEWPORT.width, height: 1100 });
    const bar = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(bar.x + bar.width - 1, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width + 240, bar.y + bar.height / 2, { steps: 8 });
    await page.mouse.up();
    const widened = await page.locator('.part.sidebar').boundingBox();
    check(widened.width > bar.width + 100, 'the side bar widens when its edge is dragged', { before: bar.width, after: widened.width });
    const sourcesPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Sources/i }) }).first();
    const findingsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Findings/i }) }).first();
    await sourcesPane.locator('.monaco-list-row').nth(sources.length - 1).waitFor({ timeout: 15_000 });
    const rows = await sourcesPane.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((e) => ({
        label: e.querySelector('.label-name')?.textContent ?? '',
        description: e.querySelector('.label-description')?.textContent ?? '',
        icon: [...(e.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-')) ?? '',
      })),
    );
    check(rows.length === sources.length, `the Sources view lists ${sources.length} sources`, rows);
    for (const s of sources) {
      const row = rows.find((r) => r.description.includes(s.id));
      check(!!row, `the Sources view lists ${s.id}`, rows);
      if (s.copyOf) check(row.description.includes(`copy of ${s.copyOf}`) && row.icon === 'codicon-copy', `${s.id} is marked as a copy of ${s.copyOf}`, row);
      else check(!row.description.includes('copy of') && row.icon !== 'codicon-copy', `${s.id} is not marked as a copy`, row);
    }

    // Findings: the three kinds, each expanded, differences before agreements.
    await findingsPane.locator('.monaco-list-row', { hasText: 'Quotes' }).first().waitFor({ timeout: 15_000 });
    const findingRows = async () =>
      findingsPane.locator('.monaco-list-row').evaluateAll((els) =>
        els.map((e) => ({
          level: Number(e.getAttribute('aria-level')),
          label: e.querySelector('.label-name')?.textContent ?? '',
          description: e.querySelector('.label-description')?.textContent ?? '',
          icon: [...(e.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-')) ?? '',
        })),
      );
    // The list draws only the rows in view: make room, then read it (a person would scroll).
    await sourcesPane.locator('.pane-header .title').click(); // collapse Sources
    await findingsPane.locator('.monaco-list-row').nth(result.findings.length + 2).waitFor({ timeout: 10_000 });
    const seen = await findingRows();
    const groups = seen.filter((r) => r.level === 1).map((r) => r.label);
    check(JSON.stringify(groups) === JSON.stringify(['Figures', 'Names', 'Quotes']), 'findings are grouped by kind: Figures, Names, Quotes', groups);
    for (const [kind, label] of [['figure', 'Figures'], ['name', 'Names'], ['quote', 'Quotes']]) {
      const start = seen.findIndex((r) => r.level === 1 && r.label === label);
      const next = seen.findIndex((r, i) => i > start && r.level === 1);
      const items = seen.slice(start + 1, next < 0 ? undefined : next).filter((r) => r.level === 2);
      const expected = result.findings.filter((f) => f.kind === kind);
      check(items.length === expected.length, `${label}: ${expected.length} findings`, items);
      const verdicts = items.map((r) => (r.icon === 'codicon-pass' ? 'agree' : 'differ'));
      const firstAgree = verdicts.indexOf('agree');
      check(firstAgree < 0 || verdicts.slice(firstAgree).every((v) => v === 'agree'), `${label}: differences first`, items);
      check(JSON.stringify(items.map((r) => r.label)) === JSON.stringify(expected.map((f) => f.summary)), `${label}: the engine's findings, in its order`, items.map((r) => r.label));
      const group = seen[start];
      const differ = expected.filter((f) => f.verdict === 'differ').length;
      check(group.description === `${differ} differ · ${expected.length - differ} agree`, `${label}: the group counts ${differ} differ`, group.description);
    }
    await sourcesPane.locator('.pane-header .title').click(); // expand it again
    await sourcesPane.locator('.monaco-list-row').nth(sources.length - 1).waitFor();
    await findingsPane.locator('.monaco-list-row', { hasText: 'Quotes' }).first().waitFor();
    await shot(page, 'findings-view.png');
    await page.setViewportSize(VIEWPORT);
  });

  await step('hovering a highlighted name in a source editor shows the other spellings', async () => {
    const file = nebenz.mentions.find((m) => m.text.includes('Nebenzya')).source;
    const text = seedText(file);
    const line = lineOf(text, text.indexOf('Nebenzya'));
    // Quick Open the file, go to the line (Ctrl+G), as a person would.
    await quickOpen(page, file);
    await goToLine(page, line);
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    // Where the name is drawn, and whether a decoration of the extension lies under it (Monaco
    // draws background decorations as overlays beside the text, at the same top).
    const span = editor.locator('.view-line span span', { hasText: /Nebenzya/ }).last();
    await span.waitFor({ timeout: 15_000 });
    const spot = await span.evaluate((el) => {
      const node = [...el.childNodes].find((n) => n.nodeType === 3 && n.data.includes('Nebenzya'));
      const range = document.createRange();
      const i = node.data.indexOf('Nebenzya');
      range.setStart(node, i);
      range.setEnd(node, i + 'Nebenzya'.length);
      const r = range.getBoundingClientRect();
      const top = el.closest('.view-line').style.top;
      const overlays = [...el.closest('.monaco-editor').querySelectorAll('.view-overlays > div')].filter((d) => d.style.top === top);
      const decorated = overlays.flatMap((d) => [...d.querySelectorAll('[class*="ced-"]')]).some((d) => {
        const b = d.getBoundingClientRect();
        return b.left <= r.left + 1 && b.right >= r.right - 1;
      });
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, decorated };
    });
    check(spot.decorated, 'the name is highlighted in the editor (a decoration lies under it)', spot);
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Nebenzia' });
    for (let attempt = 0; attempt < 3 && !(await hover.first().isVisible()); attempt++) {
      await page.mouse.move(spot.x, spot.y - 40);
      await page.mouse.move(spot.x, spot.y, { steps: 4 });
      await hover.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    }
    check(await hover.first().isVisible(), 'hovering the name opens a hover with the other spellings');
    const hoverText = await hover.first().innerText();
    for (const m of nebenz.mentions) check(hoverText.includes(m.text), `the hover shows "${m.text}"`, hoverText);
    await shot(page, 'editor-hover.png');
  });

  check(cspProblems.length === 0, 'no Content Security Policy violations', cspProblems);
  status = 0;
  say(`PASSED: ${state.passed} checks, ${secs()} s; screenshots in ${path.relative(ROOT, OUT)}/`);
} catch (err) {
  console.error(`[ui:${mode}] FAILED in "${state.currentStep}": ${err.message}`);
  if (page) {
    const file = path.join(OUT, 'failure.png');
    await page.screenshot({ path: file }).catch(() => {});
    console.error(`[ui:${mode}] screenshot of the failure: ${path.relative(ROOT, file)}`);
  }
  if (server) console.error(`[ui:${mode}] code-server log (tail):\n${server.logTail(20)}`);
  console.error(`[ui:${mode}] browser console: ${path.relative(ROOT, consoleLog)}; run folder kept: ${path.relative(ROOT, runDir)}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (!opts.keep) {
    rmSync(workspace, { recursive: true, force: true });
    if (status === 0) rmSync(runDir, { recursive: true, force: true });
  }
}
process.exit(status);
