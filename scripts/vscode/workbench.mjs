// Helpers for driving the VS Code web workbench like a person, with playwright-core.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Wait until the workbench is rendered: the `.monaco-workbench` root, its status bar and its
 * activity bar or side bar. The extension host may still be starting: use runCommand (which
 * retries) or wait for something your extension shows before asserting on it.
 */
export async function waitForWorkbench(page, { timeoutMs = 120_000 } = {}) {
  await page.waitForSelector('.monaco-workbench', { state: 'attached', timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench .part.statusbar', { state: 'visible', timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench .part.activitybar, .monaco-workbench .part.sidebar', { state: 'visible', timeout: timeoutMs });
}

/**
 * Open a file through Quick Open (Ctrl+P), as a person would: type part of its name, take the
 * highlighted entry once it shows it, and wait for its tab and its text. Retried, as Go to
 * Line is: a picker can close before it is typed into.
 */
export async function quickOpen(page, name) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // The highlighted row, not any row: Enter opens the focused one.
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await input.isVisible())) await page.keyboard.press('Control+P');
      await input.fill(name, { timeout: 5000 });
      await row.waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      // The picker closed under us (focus moved a moment late), or had not listed the file yet.
      if (attempt >= 4) throw new Error(`Quick Open did not offer ${name}: ${err.message.split('\n')[0]}`);
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).first().waitFor();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor();
  await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/**
 * Go to Line (Ctrl+G, Quick Open with a colon) in the active editor, at a column when given,
 * until the status bar shows the cursor on that line. Retried: under load the picker can close before it is typed into
 * (focus moving to the editor a moment late), and Enter before the picker has read the
 * number does nothing.
 */
export async function goToLine(page, line, column) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const goTo = page.locator('.quick-input-list .monaco-list-row', { hasText: `line ${line}` }).first();
  // The line only: the status bar counts a column in tabs and wide characters its own way.
  const status = page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col`) }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(column ? `:${line}:${column}` : `:${line}`, { timeout: 5000 });
      await goTo.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      await page.keyboard.press('Enter');
      await status.waitFor({ timeout: 5000 });
      break;
    } catch (err) {
      if (attempt >= 4) throw new Error(`Go to Line ${line}${column ? `:${column}` : ''} did not move the cursor: ${await page.locator('.statusbar-item', { hasText: /^Ln / }).first().innerText().catch(() => '?')} (${err.message.split('\n')[0]})`);
    }
  }
  await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/**
 * Open the command palette (F1), type a command's title, and run the matching entry.
 * Retries the whole thing: right after load the keybinding service may not listen yet, and a
 * palette opened before the extension host has registered the extension's commands shows
 * "No matching commands" and never refreshes.
 */
export async function runCommand(page, title, { timeoutMs = 30_000 } = {}) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const match = page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: title }).first();
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (!(await input.isVisible())) {
        await page.locator('.monaco-workbench').focus().catch(() => {});
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 2000 });
      }
      await input.fill(`>${title}`);
      // The highlighted row must be the command, not a stale entry from before the filter.
      await match.waitFor({ state: 'visible', timeout: 3000 });
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      return;
    } catch (err) {
      lastError = err;
      await page.keyboard.press('Escape').catch(() => {});
      await sleep(500);
    }
  }
  throw new Error(`could not run "${title}" from the command palette within ${timeoutMs} ms: ${lastError?.message}`);
}

/**
 * The frame whose document matches `selector`, searched through every frame of the page
 * (webviews are an iframe holding another iframe with the extension's HTML).
 */
export async function findFrame(page, selector, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        /* frame detached while we looked */
      }
    }
    if (Date.now() > deadline) throw new Error(`no frame contains ${selector}`);
    await sleep(250);
  }
}

/** Notification toasts currently shown, as text. */
export async function notifications(page) {
  return page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
}
