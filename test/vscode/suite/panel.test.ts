/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { compareSeeds, panelReady, seed, seedId, waitFor } from './helpers';
import type { ToWebview } from '../../../src/shared/protocol';

const nonceOf = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1];

describe('the side-by-side panel', () => {
  before(async () => {
    await compareSeeds();
  });

  it('has a strict CSP with a nonce, loads only from media/, and keeps no state when hidden', async () => {
    const a = await compareSeeds();
    const p = await waitFor('the panel', () => a.panel());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(p.html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    const nonce = nonceOf(p.html);
    assert.ok(nonce && nonce.length >= 16, 'a script nonce');
    const directives = csp.replace(/&#39;|'/g, "'").split(';').map((d) => d.trim()).filter(Boolean);
    assert.equal(directives[0], "default-src 'none'");
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.ok(directives.includes(`style-src ${cspSourceOf(directives)}`));
    assert.ok(directives.includes(`font-src ${cspSourceOf(directives)}`));
    assert.ok(directives.includes(`img-src ${cspSourceOf(directives)} data:`));
    assert.equal(directives.length, 5, 'nothing else is allowed');
    assert.match(p.html, /<div id="app"><\/div>/);
    assert.equal((p.html.match(/<script/g) ?? []).length, 1, 'one script');
    assert.match(p.html, /<script nonce="[^"]+" src="[^"]*media\/webview\.js"><\/script>/);
    assert.match(p.html, /<link rel="stylesheet" href="[^"]*media\/webview\.css">/);
    assert.match(p.html, /<link rel="stylesheet" href="[^"]*media\/codicon\.css">/);
    assert.equal(p.options.enableScripts, true);
    const roots = (p.options.localResourceRoots ?? []).map((u) => u.path);
    assert.equal(roots.length, 1);
    assert.match(roots[0], /\/media$/);
    assert.equal(p.panelOptions.retainContextWhenHidden, false);
  });

  it('answers `ready` with the model and the filter', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    p.receive({ type: 'ready' });
    const last = [...p.delivered].reverse().find((m) => m.type === 'model') as Extract<ToWebview, { type: 'model' }> | undefined;
    assert.ok(last, 'a model message');
    assert.equal(last.model.sources.length, 5);
    assert.deepEqual(last.filter, a.store.filter);
  });

  it('ignores messages that are not in the protocol', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const before = p.rejected;
    for (const bad of [null, 'ready', { type: 'open', source: 1, start: 0, end: 1 }, { type: 'open', source: 'x', start: 0.5, end: 1 }, { type: 'eval', code: '1' }]) {
      p.receive(bad);
    }
    assert.equal(a.panel()!.rejected, before + 5);
  });

  it('`open` shows the source left of the panel with the place selected', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const source = a.store.model!.sources.find((s) => s.id === seedId('001'))!;
    const start = source.text.indexOf('Nebenzia');
    assert.ok(start > 0);
    p.receive({ type: 'open', source: source.id, start, end: start + 'Nebenzia'.length });
    const editor = await waitFor('the editor of 001', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.fsPath === seed('001').fsPath && e.document.getText(e.selection) === 'Nebenzia' && e;
    });
    const panelColumn = a.panel()!.viewColumn!;
    assert.ok(editor.viewColumn! < panelColumn || panelColumn === 1, `editor column ${editor.viewColumn} left of the panel (${panelColumn})`);
  });

  it('`open` with offsets outside the source does nothing', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    // Compare Sources reveals the panel, and VS Code moves the focus a moment later: wait until
    // the active editor has stayed the same for 300 ms, so that only what `open` does is seen.
    let active = vscode.window.activeTextEditor?.document.uri.toString();
    for (let still = 0, i = 0; still < 6 && i < 60; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const now = vscode.window.activeTextEditor?.document.uri.toString();
      still = now === active ? still + 1 : 0;
      active = now;
    }
    p.receive({ type: 'open', source: seedId('000'), start: 10, end: 10_000_000 });
    p.receive({ type: 'open', source: 'not-a-source.txt', start: 0, end: 1 });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), active);
  });

  it('Next / Previous Difference tell the panel to navigate', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    assert.ok(p.ready);
    await vscode.commands.executeCommand('corroborate.nextDifference');
    await vscode.commands.executeCommand('corroborate.previousDifference');
    const sent = a.panel()!.delivered.filter((m) => m.type === 'navigate');
    assert.deepEqual(sent.slice(-2), [{ type: 'navigate', direction: 'next' }, { type: 'navigate', direction: 'previous' }]);
  });

  it('Next Difference opens the panel when it is closed, with a fresh nonce, and navigates once it is ready', async () => {
    const a = await compareSeeds();
    const first = nonceOf(a.panel()!.html);
    await closePanel();
    assert.equal(a.panel(), undefined);
    await vscode.commands.executeCommand('corroborate.nextDifference');
    const p = await waitFor('the panel again', () => a.panel());
    assert.notEqual(nonceOf(p.html), first, 'a fresh nonce');
    const ready = await panelReady(a);
    await waitFor('navigate after ready', () => ready.delivered.some((m) => m.type === 'navigate' && m.direction === 'next'));
    const kinds = a.panel()!.delivered.map((m) => m.type);
    assert.ok(kinds.indexOf('model') < kinds.lastIndexOf('navigate'), 'the model first, then where to go');
  });

  it('Toggle Only Differences flips the filter, tells the panel, and filters the Findings view', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const was = a.store.filter.onlyDifferences;
    const now = await vscode.commands.executeCommand<boolean>('corroborate.toggleOnlyDifferences');
    assert.equal(now, !was);
    assert.equal(a.store.filter.onlyDifferences, !was);
    assert.deepEqual(a.panel()!.delivered.at(-1), { type: 'filter', filter: a.store.filter });
    assert.equal(a.context['corroborate.onlyDifferences'], !was);
    const verdicts = () => new Set(a.findingsTree.getChildren().flatMap((g) => a.findingsTree.getChildren(g))
      .map((n) => (n.type === 'finding' ? a.store.findingById(n.id)?.verdict : undefined)));
    assert.deepEqual([...verdicts()].sort(), now ? ['differ'] : ['agree', 'differ']);
    await vscode.commands.executeCommand('corroborate.toggleOnlyDifferences');
    assert.equal(a.store.filter.onlyDifferences, was);
    assert.deepEqual([...verdicts()].sort(), was ? ['differ'] : ['agree', 'differ']);
    assert.equal(p.delivered.filter((m) => m.type === 'filter').length >= 2, true);
  });

  it('after a window reload, the serializer takes the restored panel over', async () => {
    const { a, p } = await revivedPanel();
    assert.match(p.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.equal(p.options.enableScripts, true);
    assert.match((p.options.localResourceRoots ?? [])[0]?.path ?? '', /\/media$/);
    const ready = await panelReady(a);
    ready.receive({ type: 'ready' });
    assert.ok(ready.delivered.some((m) => m.type === 'model' && m.model.sources.length === 5));
    // And it is the one the commands talk to.
    await vscode.commands.executeCommand('corroborate.nextDifference');
    assert.deepEqual(a.panel()!.delivered.at(-1), { type: 'navigate', direction: 'next' });
  });

  it('a page that is loading is sent the model before it asks, and asks again if it missed it', async () => {
    const { a, p } = await revivedPanel();
    const models = () => a.panel()!.delivered.filter((m) => m.type === 'model').length;
    // Posted with the page, before its script could have said `ready`.
    assert.equal(models(), 1, 'the model went out while the page loaded');
    assert.equal(p.ready, false);
    // The real page says `ready`: it is answered with the id of the model sent, not the model
    // again; it asks again only if it missed it (VS Code hands a slow page its messages early).
    await waitFor('the page to say ready', () => a.panel()!.ready);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(models(), 1 + a.panel()!.resends, 'sent again only when asked');
    assert.ok(a.panel()!.resends <= 1);
    // A page that did not get it whole asks again.
    const before = models();
    a.panel()!.receive({ type: 'resendModel' });
    assert.equal(models(), before + 1);
    const last = [...a.panel()!.delivered].reverse().find((m) => m.type === 'model') as Extract<ToWebview, { type: 'model' }>;
    assert.equal(last.model.sources.length, 5);
  });

  it('takes the filter the webview reports', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const filter = { onlyDifferences: false, kinds: { figure: true, name: false, quote: true } };
    p.receive({ type: 'filterChanged', filter });
    await waitFor('the store filter', () => a.store.filter.kinds.name === false);
    p.receive({ type: 'filterChanged', filter: { onlyDifferences: false, kinds: { figure: true, name: true, quote: true } } });
    await waitFor('the store filter back', () => a.store.filter.kinds.name === true);
  });
});

/** The webview's cspSource, as the style-src directive names it. */
function cspSourceOf(directives: string[]): string {
  const style = directives.find((d) => d.startsWith('style-src '));
  assert.ok(style);
  return style.slice('style-src '.length);
}

/** The seeds compared, the panel closed, and a panel restored as after a window reload, taken over by the serializer. */
async function revivedPanel() {
  const a = await compareSeeds();
  await closePanel();
  // What VS Code hands the serializer: a bare panel of our view type, without our page or options.
  const restored = vscode.window.createWebviewPanel('corroborate.compare', 'Corroborate', vscode.ViewColumn.Two, {});
  await a.serializer.deserializeWebviewPanel(restored, undefined);
  return { a, p: await waitFor('the revived panel', () => a.panel()) };
}

async function closePanel(): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('corroborate.compare')) await vscode.window.tabGroups.close(tab);
    }
  }
}
