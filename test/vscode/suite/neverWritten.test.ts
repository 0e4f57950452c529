/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorroborateTestApi } from '../../../src/extension/testApi';
import { compareSeeds, EXTENSION_ID, SEEDS, seed, snapshotFiles, workspaceDir } from './helpers';
import { checked, copyDraft, openDraft, quickFixes } from './draftHelpers';

const GAZETTE = `---
title: "Envoy says the panel's end changes little"
outlet: "The Test Gazette"
---

Russia's ambassador Vasily Nebenzia said on Friday that the panel of experts had become irrelevant.
`;

const PAGE = `<!doctype html><html><head><title>Veto ends UN panel</title></head><body><article>
<h1>Veto ends UN panel</h1><p>Russia vetoed the renewal of the panel of experts on Thursday, the U.S. envoy Robert Wood said.</p>
<p>The panel was created in 2009.</p></article></body></html>
`;

/** One run of a command: its arguments (made when the step runs, from the state then). */
interface Step {
  command: string;
  label: string;
  args?: () => unknown[] | Promise<unknown[]>;
}

/**
 * Issue 6: "source files are never written". Every command the extension contributes runs
 * (with ordinary arguments, with none — its quick pick or dialog dismissed — and with
 * arguments that aim at a source), and after each one every source file has the same bytes
 * and modification time as before, and no source is left changed in an editor.
 */
describe('source files are never written', () => {
  let a: CorroborateTestApi;
  let sources: string[] = [];
  let outside = '';
  let draft: vscode.Uri;
  const ran = new Set<string>();

  before(async () => {
    a = await compareSeeds();
    const dir = join(workspaceDir(), 'never-sources');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'gazette.md'), GAZETTE);
    writeFileSync(join(dir, 'wire.html'), PAGE);
    sources = [...SEEDS.map((p) => seed(p).fsPath), join(dir, 'gazette.md'), join(dir, 'wire.html')];
    // Reports go outside the sources; the link and the "..", to a source, must be refused.
    outside = mkdtempSync(join(tmpdir(), 'corroborate-never-'));
    symlinkSync(seed('000').fsPath, join(outside, 'link-to-a-source.json'));
    draft = copyDraft('veto-draft.md', 'never-drafts');
    await compare();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    for (const d of vscode.workspace.textDocuments) {
      if (d.isDirty && d.uri.scheme === 'file') {
        await vscode.window.showTextDocument(d);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(outside, { recursive: true, force: true });
    await compareSeeds();
  });

  async function compare(): Promise<void> {
    await vscode.commands.executeCommand('corroborate.compare', { uris: sources.map((p) => vscode.Uri.file(p)) });
    await a.runner.whenIdle();
    assert.equal(a.store.model?.sources.length, sources.length);
  }

  /** The draft, open and checked, and the first of our code actions running `command` on it. */
  async function draftAction(command: string): Promise<vscode.Command> {
    const doc = (await openDraft(draft)).document;
    await checked(a, doc);
    for (const d of vscode.languages.getDiagnostics(draft)) {
      const action = (await quickFixes(doc, d.range)).find((x) => x.command?.command === command);
      if (action?.command) return action.command;
    }
    assert.fail(`a code action running ${command} on the draft`);
  }

  const offsetIn = async (uri: vscode.Uri, words: string) => (await vscode.workspace.openTextDocument(uri)).getText().indexOf(words);
  const uri = (p: string) => vscode.Uri.file(p);

  const STEPS: Step[] = [
    { command: 'corroborate.compare', label: 'with the sources', args: () => [{ uris: sources.map(uri) }] },
    { command: 'corroborate.compare', label: 'from the palette (pick dismissed)' },
    { command: 'corroborate.removeSource', label: 'a source', args: () => [{ uris: [uri(sources[5])] }] },
    { command: 'corroborate.addSource', label: 'it again', args: () => [{ uris: [uri(sources[5])] }] },
    { command: 'corroborate.addSource', label: 'from the palette (dismissed)' },
    { command: 'corroborate.removeSource', label: 'from the palette (dismissed)' },
    { command: 'corroborate.editSourceDetails', label: 'a title', args: () => [{ uri: uri(sources[0]), details: { title: 'Edited headline', outlet: 'Gazette' } }] },
    { command: 'corroborate.editSourceDetails', label: 'back to the file', args: () => [{ uri: uri(sources[0]), details: { title: '', outlet: '' } }] },
    { command: 'corroborate.editSourceDetails', label: 'from the palette (dismissed)' },
    { command: 'corroborate.exportReport', label: 'JSON outside the sources', args: () => [{ format: 'json', uri: uri(join(outside, 'report.json')) }] },
    { command: 'corroborate.exportReport', label: 'HTML outside the sources', args: () => [{ format: 'html', uri: uri(join(outside, 'report.html')) }] },
    { command: 'corroborate.exportReport', label: 'onto a source (refused)', args: () => [{ format: 'markdown', uri: uri(sources[1]) }] },
    { command: 'corroborate.exportReport', label: 'onto a link to a source (refused)', args: () => [{ format: 'json', uri: uri(join(outside, 'link-to-a-source.json')) }] },
    { command: 'corroborate.exportReport', label: 'onto a source by a path with .. (refused)', args: () => [{ format: 'json', uri: uri(join(workspaceDir(), 'never-sources', '..', seed('002').path.replace(/^.*\//, ''))) }] },
    { command: 'corroborate.exportReport', label: 'from the palette (dismissed)' },
    { command: 'corroborate.showPanel', label: '' },
    { command: 'corroborate.nextDifference', label: '' },
    { command: 'corroborate.previousDifference', label: '' },
    { command: 'corroborate.toggleOnlyDifferences', label: 'on' },
    { command: 'corroborate.toggleOnlyDifferences', label: 'off' },
    { command: 'corroborate.refresh', label: '' },
    { command: 'corroborate.openSource', label: 'a source', args: () => [{ path: sources[6] }] },
    { command: 'corroborate.openSourceAt', label: 'a mention', args: () => [{ source: a.store.model!.sources[0].id, start: 0, end: 6 }] },
    { command: 'corroborate.revealFinding', label: 'the first finding', args: () => [{ findingId: a.store.model!.findings[0].id, mention: 0 }] },
    { command: 'corroborate.checkDraft', label: 'the draft', args: () => [{ uri: draft }] },
    { command: 'corroborate.checkDraft', label: 'a source (refused)', args: () => [{ uri: uri(sources[2]) }] },
    { command: 'corroborate.checkDraft', label: 'from the palette, a source active', args: async () => (await vscode.window.showTextDocument(uri(sources[3])), []) },
    { command: 'corroborate.insertCitation', label: 'into the draft', args: async () => [{ uri: draft, at: await offsetIn(draft, 'The move sparked'), source: 'best' }] },
    { command: 'corroborate.insertCitation', label: 'into a source (refused)', args: () => [{ uri: uri(sources[1]), at: 10, source: 'best' }] },
    { command: 'corroborate.insertCitation', label: 'from the palette, a source active', args: async () => (await vscode.window.showTextDocument(uri(sources[4])), []) },
    { command: 'corroborate.insertCitation', label: 'into the draft, pick dismissed', args: async () => [{ uri: draft, at: await offsetIn(draft, 'Ukrainian prosecutors said') }] },
    { command: 'corroborate.citeAllVerifiedQuotes', label: 'in the draft', args: () => [{ uri: draft }] },
    { command: 'corroborate.citeAllVerifiedQuotes', label: 'in a source (refused)', args: () => [{ uri: uri(sources[0]) }] },
    { command: 'corroborate.applyDraftFix', label: 'a quick fix of the draft', args: async () => (await draftAction('corroborate.applyDraftFix')).arguments ?? [] },
    {
      command: 'corroborate.applyDraftFix',
      label: 'arguments aimed at an open source (refused)',
      args: async () => {
        const doc = await vscode.workspace.openTextDocument(uri(sources[1]));
        return [{ uri: doc.uri.toString(), version: doc.version, title: 'Forged', edits: [{ start: 0, end: 0, newText: 'FORGED ' }] }];
      },
    },
    { command: 'corroborate.ignoreFinding', label: 'a finding of the draft', args: async () => (await draftAction('corroborate.ignoreFinding')).arguments ?? [] },
    { command: 'corroborate.clearIgnored', label: '' },
    { command: 'corroborate.clearCache', label: '' },
    { command: 'corroborate.compare', label: 'again at the end', args: () => [{ uris: sources.map(uri) }] },
  ];

  /**
   * Runs a command to its end; a quick pick, input box or file dialog it opens (all quick
   * input in this VS Code) is dismissed, as a user pressing Escape would.
   */
  async function settle(run: Thenable<unknown>): Promise<void> {
    let done = false;
    let failure: unknown;
    Promise.resolve(run).then(() => (done = true), (e: unknown) => ((done = true), (failure = e)));
    while (!done) {
      await new Promise((r) => setTimeout(r, 150));
      if (!done) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    if (failure) throw failure;
  }

  it('every contributed command has a step here', () => {
    const contributed: string[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const covered = new Set(STEPS.map((s) => s.command));
    assert.deepEqual(contributed.filter((c) => !covered.has(c)), [], 'commands without a step');
  });

  it('after every command, every source file has the same bytes and modification time, and no source is changed in an editor', async () => {
    for (const step of STEPS) {
      const what = `${step.command} ${step.label}`.trim();
      const args = step.args ? await step.args() : [];
      const before = snapshotFiles(sources);
      await settle(vscode.commands.executeCommand(step.command, ...args));
      await a.runner.whenIdle();
      await a.drafts.whenIdle();
      assert.deepEqual(snapshotFiles(sources), before, `${what} wrote a source`);
      const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && sources.includes(d.uri.fsPath)).map((d) => d.uri.fsPath);
      assert.deepEqual(dirty, [], `${what} changed a source in its editor`);
      ran.add(step.command);
    }
    assert.equal(ran.size, new Set(STEPS.map((s) => s.command)).size);
    // The refusals said so.
    const said = a.notifications.map((n) => n.message).join('\n');
    assert.match(said, /that is one of the sources; source files are never overwritten/);
    assert.match(said, /the fix “Forged” was not applied: 001_[0-9a-f]+\.txt is a source, and sources are never written/);
  });
});
