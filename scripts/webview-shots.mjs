#!/usr/bin/env node
// Screenshots and checks of the side-by-side panel in the webview harness (webview-dev.mjs),
// in headless Debian Chromium: light and dark themes, high contrast, a tooltip, "Only
// differences", navigation with `n`, twelve sources, a 2,000-row model (timed), a hostile
// model (no dialog, no CSP violation, all text visible), and a reload that restores state.
//
//   npm run build && node --import tsx scripts/webview-shots.mjs [--only name,name] [--out dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startDevServer } from './webview-dev.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'test-output/webview') },
  },
});
mkdirSync(opts.out, { recursive: true });

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1400, height: 900 };

/** Watches a page for what must never happen: dialogs, CSP violations, script errors. */
async function watch(page) {
  const problems = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  // Injected by the browser itself (not by the page), so the page's CSP does not apply.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* no long task timing */
    }
  });
  return problems;
}

async function open(browser, url, query, viewport = VIEWPORT) {
  const page = await browser.newPage({ viewport });
  const problems = await watch(page);
  const t0 = Date.now();
  await page.goto(`${url}?${new URLSearchParams(query)}`, { waitUntil: 'load' });
  if (query.model !== 'none') await page.waitForFunction(() => document.body.dataset.rendered !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  return { page, problems, loadMs: Date.now() - t0 };
}

async function finish(name, page, problems, extra = {}) {
  const file = path.join(opts.out, `${name}.png`);
  await page.screenshot({ path: file });
  const csp = await page.evaluate(() => window.__csp);
  const posted = await page.evaluate(() => window.__posted);
  await page.close();
  const all = [...problems, ...csp.map((c) => `csp: ${c}`)];
  console.log(`[shots] ${name}: ${path.relative(ROOT, file)}${all.length ? `  PROBLEMS: ${all.join(' | ')}` : ''}`);
  return { name, file, problems: all, posted, ...extra };
}

const scenarios = {
  async dark(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'seeds' });
    return finish('dark', page, problems);
  },
  async light(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'light-plus', model: 'seeds' });
    return finish('light', page, problems);
  },
  async 'dark-modern'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-modern', model: 'seeds' });
    return finish('dark-modern', page, problems);
  },
  async 'hc-dark'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'hc-dark', model: 'seeds' });
    return finish('hc-dark', page, problems);
  },
  async 'hc-light'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'hc-light', model: 'seeds' });
    return finish('hc-light', page, problems);
  },
  async fallbacks(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'light-plus', model: 'seeds', colors: '0' });
    return finish('fallbacks-light', page, problems);
  },
  async tooltip(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'seeds' });
    // A differing name: hover it like a reader would.
    const mark = page.locator('mark.m.v-differ.k-name').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await page.locator('.tip:not([hidden])').waitFor({ timeout: 5000 });
    return finish('tooltip-dark', page, problems);
  },
  async 'tooltip-light'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'light-plus', model: 'seeds' });
    const mark = page.locator('mark.m.v-differ.k-figure').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await page.locator('.tip:not([hidden])').waitFor({ timeout: 5000 });
    return finish('tooltip-light', page, problems);
  },
  async 'only-differences'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'seeds' });
    await page.getByRole('button', { name: /Only differences/ }).click();
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
    await page.waitForTimeout(300);
    return finish('only-differences', page, problems);
  },
  async 'next-twice'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'light-plus', model: 'seeds' });
    await page.locator('body').press('n');
    await page.locator('body').press('n');
    await page.waitForTimeout(300);
    const focused = await page.evaluate(() => ({ key: document.activeElement?.getAttribute('data-key'), text: document.activeElement?.textContent, position: document.querySelector('.nav-position')?.textContent }));
    return finish('next-twice', page, problems, { focused });
  },
  async twelve(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'twelve' });
    return finish('twelve', page, problems);
  },
  async 'twelve-scrolled'(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'light-plus', model: 'twelve' });
    await page.evaluate(() => {
      const s = document.querySelector('.scroller');
      s.scrollLeft = 900;
      s.scrollTop = 700;
    });
    await page.waitForTimeout(200);
    return finish('twelve-scrolled', page, problems);
  },
  async big(browser, url) {
    const { page, problems, loadMs } = await open(browser, url, { theme: 'dark-plus', model: 'big' });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { rows: Number(document.body.dataset.rendered), longTasks: window.__longTasks, domContentLoaded: Math.round(nav.domContentLoadedEventEnd) };
    });
    // Time a second, fresh render (the filter toggled) in the page, without page load costs.
    const rerender = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.__longTasks.length = 0;
          const t0 = performance.now();
          let first = 0;
          requestAnimationFrame(() => (first = performance.now() - t0));
          document.addEventListener('corroborate-rendered', (e) => resolve({ firstFrameMs: Math.round(first), completeMs: Math.round(performance.now() - t0), reportedMs: Math.round(e.detail.ms), rows: e.detail.rows, longTasks: [...window.__longTasks] }), { once: true });
          document.querySelector('.toggle[title^="Show quotes"]').click();
        }),
    );
    await page.locator('body').press('n');
    await page.waitForTimeout(200);
    const scroll = await page.evaluate(() => ({ scrollHeight: document.querySelector('.scroller').scrollHeight }));
    console.log(`[shots] big: page load ${loadMs} ms, ${timing.rows} rows; long tasks at load ${JSON.stringify(timing.longTasks)}; re-render ${JSON.stringify(rerender)}; ${JSON.stringify(scroll)}`);
    return finish('big', page, problems, { timing, rerender, loadMs });
  },
  async hostile(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'hostile' });
    // Hover everything that could carry a handler, then open a tooltip of a finding.
    for (const m of await page.locator('mark.m').all()) await m.hover().catch(() => {});
    const mark = page.locator('mark.m').first();
    if (await mark.count()) {
      await mark.hover();
      await page.locator('.tip:not([hidden])').waitFor({ timeout: 5000 });
    }
    await page.waitForTimeout(500);
    const check = await page.evaluate(() => ({
      imgs: document.querySelectorAll('#app img, #app script, #app iframe, #app svg, #app a, #app b').length,
      text: document.getElementById('app').innerText,
      rlo: document.querySelectorAll('.cell .bidi-ctrl[data-name="RLO"]').length,
    }));
    const missing = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(document.domain)', 'gnp.exe', '<iframe srcdoc=', '<svg onload=alert(5)>'].filter((s) => !check.text.includes(s));
    if (check.imgs) problems.push(`${check.imgs} elements made from source text`);
    // Bidi overrides are shown as tokens, never left in the page to reorder what follows.
    if (/[\u202A-\u202E\u2066-\u2069]/.test(check.text)) problems.push('a bidi control character reached the page');
    if (check.rlo < 2) problems.push(`expected the RLO characters as visible tokens, found ${check.rlo}`);
    if (missing.length) problems.push(`not shown as text: ${JSON.stringify(missing)}`);
    return finish('hostile', page, problems);
  },
  async restore(browser, url) {
    // Scroll, filter and select, then reload with the state the panel saved: it must come back.
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'big' });
    await page.getByRole('button', { name: /Names/ }).click();
    await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
    await page.locator('body').press('n');
    await page.evaluate(() => (document.querySelector('.scroller').scrollTop += 3000));
    await page.waitForTimeout(600);
    const before = await page.evaluate(() => ({ state: window.__host.state(), top: document.elementFromPoint(700, 400)?.closest('.row')?.dataset.row }));
    await page.close();
    const again = await open(browser, url, { theme: 'dark-plus', model: 'big', state: JSON.stringify(before.state) });
    await again.page.waitForTimeout(300);
    const after = await again.page.evaluate(() => ({
      top: document.elementFromPoint(700, 400)?.closest('.row')?.dataset.row,
      names: document.querySelector('.toggle[title^="Show names"]').getAttribute('aria-pressed'),
      posted: window.__posted,
    }));
    const ok = before.top === after.top && after.names === 'false';
    if (!ok) again.problems.push(`not restored: before row ${before.top}, after row ${after.top}, names pressed ${after.names}`);
    console.log(`[shots] restore: row ${before.top} → ${after.top}; posted after reload ${JSON.stringify(after.posted)}`);
    return finish('restore', again.page, again.problems);
  },
  async loading(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'none' }, { width: 900, height: 500 });
    await page.waitForTimeout(200);
    const a = await finish('loading', page, problems);
    const { page: p2, problems: pr2 } = await open(browser, url, { theme: 'light-plus', model: 'none' }, { width: 900, height: 500 });
    await p2.evaluate(() => window.__host.send({ type: 'error', message: 'Could not read 003_8abdaca7980a2ebd.txt: permission denied' }));
    await p2.waitForTimeout(100);
    await finish('error', p2, pr2);
    const { page: p3, problems: pr3 } = await open(browser, url, { theme: 'dark-plus', model: 'seeds' }, { width: 1000, height: 600 });
    await p3.evaluate(() => window.__host.send({ type: 'busy', message: 'Comparing 5 sources…' }));
    await p3.waitForTimeout(300);
    await finish('busy', p3, pr3);
    return a;
  },
  async interactions(browser, url) {
    // Not a picture: the behaviour the host relies on, checked through the messages posted.
    const { page, problems } = await open(browser, url, { theme: 'dark-plus', model: 'seeds' });
    const expect = (cond, what) => (cond ? null : problems.push(`interaction: ${what}`));
    const last = () => page.evaluate(() => window.__posted[window.__posted.length - 1]);
    const posted = () => page.evaluate(() => window.__posted);
    const seeds = await page.evaluate(() => JSON.parse(document.getElementById('harness-data').textContent).model);
    const slice = (m) => seeds.sources.find((x) => x.id === m.source).text.slice(m.start, m.end);
    expect((await posted())[0]?.type === 'ready', 'first message is ready');

    // Clicking plain text opens its sentence.
    const cell = page.locator('.row.passage .cell:not(.empty) .text').first();
    const box = await cell.boundingBox();
    await page.mouse.click(box.x + 30, box.y + 8);
    const open1 = await last();
    expect(open1?.type === 'open' && /^Russia on March 28 vetoed/.test(slice(open1)) && slice(open1).endsWith('programs.'), `click opens the sentence: ${JSON.stringify(open1)}`);

    // Clicking a mention opens exactly the mention and selects its finding.
    const mark = page.locator('mark.m.v-differ').first();
    const markText = await mark.textContent();
    await mark.click();
    const msgs = await posted();
    const open2 = msgs.findLast((m) => m.type === 'open');
    expect(open2 && slice(open2) === markText, `click on a mention opens it: ${JSON.stringify(open2)} vs ${markText}`);
    expect(msgs.some((m) => m.type === 'selectFinding' && m.findingId), 'selectFinding posted');

    // Selecting text to copy it does not open anything.
    const before = (await posted()).length;
    const para = page.locator('.row.passage .cell:not(.empty) .text').nth(1);
    const pb = await para.boundingBox();
    await page.mouse.move(pb.x + 5, pb.y + 10);
    await page.mouse.down();
    await page.mouse.move(pb.x + 200, pb.y + 30, { steps: 5 });
    await page.mouse.up();
    expect((await posted()).length === before, 'a text selection posts nothing');

    // Keyboard: Escape closes the card and then clears the selection; Enter on a cell opens it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect((await last()).type === 'selectFinding' && (await last()).findingId === null, 'second Escape clears the selection');
    await page.locator('.cell[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect((await last()).type === 'open', 'Enter on a cell opens it');

    // Filters: a toggle posts filterChanged; a filter from the host applies without an echo.
    await page.getByRole('button', { name: 'Quotes' }).click();
    const f = await last();
    expect(f.type === 'filterChanged' && f.filter.kinds.quote === false, 'toggle posts filterChanged');
    const n0 = (await posted()).length;
    await page.evaluate(() => window.__host.send({ type: 'filter', filter: { onlyDifferences: true, kinds: { figure: true, name: true, quote: true } } }));
    await page.waitForTimeout(100);
    expect((await page.getByRole('button', { name: 'Only differences' }).getAttribute('aria-pressed')) === 'true', 'host filter applied');
    expect((await posted()).length === n0, 'host filter not echoed');

    // navigate and reveal from the host.
    await page.evaluate(() => window.__host.send({ type: 'navigate', direction: 'next' }));
    await page.waitForTimeout(100);
    const active = await page.evaluate(() => document.activeElement?.matches('mark.m.v-differ.is-current'));
    expect(active, 'navigate focuses the next difference');
    const agree = seeds.findings.find((x) => x.verdict === 'agree');
    await page.evaluate((id) => window.__host.send({ type: 'reveal', findingId: id }), agree.id);
    await page.waitForTimeout(150);
    const revealed = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    expect(revealed?.startsWith(`${agree.id}#`), `reveal shows an agreement even under "only differences": ${revealed}`);
    const lastMsgs = await posted();
    expect(lastMsgs.some((m) => m.type === 'filterChanged' && m.filter.onlyDifferences === false), 'reveal widened the filter and said so');
    expect(!(await page.locator('.tip').isHidden()), 'reveal shows the card');

    // Show copies reveals the copy's column with its badge.
    await page.getByRole('button', { name: 'Show copies' }).click();
    await page.waitForTimeout(100);
    expect(await page.locator('.col-head.is-copy .badge-copy').count() === 1, 'copy column shown with a badge');
    return finish('interactions', page, problems);
  },
  async legend(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'light-plus', model: 'seeds' });
    await page.getByRole('button', { name: 'Legend and keys' }).click();
    await page.waitForTimeout(100);
    return finish('legend', page, problems);
  },
  async narrow(browser, url) {
    const { page, problems } = await open(browser, url, { theme: 'dark-modern', model: 'seeds' }, { width: 580, height: 800 });
    // Beside an editor: the toolbar must stay on one line.
    const lines = await page.evaluate(() => Math.round(document.querySelector('.toolbar').getBoundingClientRect().height));
    if (lines > 40) problems.push(`toolbar wraps at 580px (${lines}px tall)`);
    return finish('narrow', page, problems);
  },
};

const server = await startDevServer();
const browser = await chromium.launch({ executablePath: process.env.CORROBORATE_CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const results = [];
try {
  const names = opts.only ? opts.only.split(',') : Object.keys(scenarios);
  for (const name of names) {
    if (!scenarios[name]) throw new Error(`no scenario ${name}`);
    results.push(await scenarios[name](browser, server.url));
  }
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(path.join(opts.out, 'results.json'), JSON.stringify(results, null, 1));
const failed = results.filter((r) => r.problems.length);
if (failed.length) {
  console.error(`[shots] ${failed.length} scenario(s) with problems: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
