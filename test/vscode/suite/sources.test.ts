/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSeeds, seed, seedId, setSetting, snapshotFiles, waitFor, workspaceDir } from './helpers';

const ARTICLE = `---
title: "Envoy says the panel's end changes little"
outlet: "The Test Gazette"
date: "2024-03-29"
---

Russia's ambassador Vasily Nebenzia said on Friday that the panel of experts had become irrelevant.

The panel was created in 2009, the ambassador said, and its reports were one-sided.
`;

describe('the source set', () => {
  let extraDir = '';
  let extra = '';

  before(() => {
    extraDir = join(workspaceDir(), 'extra');
    mkdirSync(extraDir, { recursive: true });
    extra = join(extraDir, 'gazette.md');
    writeFileSync(extra, ARTICLE);
  });

  it('Add Source adds a file and compares again', async () => {
    const a = await compareSeeds();
    const added = await vscode.commands.executeCommand<vscode.Uri[]>('corroborate.addSource', { uris: [vscode.Uri.file(extra)] });
    assert.deepEqual(added?.map((u) => u.fsPath), [extra]);
    await a.runner.whenIdle();
    assert.equal(a.store.model!.sources.length, 6);
    const gazette = a.store.model!.sources.find((s) => s.path === extra)!;
    assert.equal(gazette.title, "Envoy says the panel's end changes little");
    assert.equal(gazette.outlet, 'The Test Gazette');
    assert.equal(a.sourcesTree.getChildren().length, 6);
  });

  it('Add Source with a folder adds the source files in it', async () => {
    const a = await compareSeeds();
    const added = await vscode.commands.executeCommand<vscode.Uri[]>('corroborate.addSource', vscode.Uri.file(extraDir));
    assert.ok(added?.some((u) => u.fsPath === extra));
    await a.runner.whenIdle();
    assert.ok(a.store.sourceSet.files.includes(extra));
  });

  it('Remove Source takes a source out of the set and leaves the file alone', async () => {
    const a = await compareSeeds();
    await vscode.commands.executeCommand('corroborate.addSource', { uris: [vscode.Uri.file(extra)] });
    await a.runner.whenIdle();
    const before = snapshotFiles([extra]);
    // As from the Sources view's context menu: the clicked node.
    const node = a.sourcesTree.getChildren().find((n) => n.path === extra)!;
    const outcome = await vscode.commands.executeCommand<{ status: string }>('corroborate.removeSource', node);
    assert.equal(outcome?.status, 'done');
    assert.ok(!a.store.sourceSet.files.includes(extra));
    assert.equal(a.store.model!.sources.length, 5);
    assert.ok(existsSync(extra));
    assert.deepEqual(snapshotFiles([extra]), before, 'the removed file is untouched');
    // And by id.
    await vscode.commands.executeCommand('corroborate.removeSource', { id: seedId('004') });
    assert.deepEqual(a.store.model!.sources.map((s) => s.id), ['000', '001', '002', '003'].map(seedId));
    assert.ok(existsSync(seed('004').fsPath));
  });

  it('Edit Source Details overrides title, outlet, date, URL and author when comparing — without writing the file', async () => {
    const a = await compareSeeds();
    const uri = seed('001');
    await vscode.commands.executeCommand('corroborate.editSourceDetails', {
      uri,
      details: { title: 'Edited headline', outlet: 'The Guardian', date: '2024-03-28', url: 'https://example.org/a', author: 'A. Reporter' },
    });
    let source = a.store.model!.sources.find((s) => s.id === seedId('001'))!;
    assert.deepEqual([source.title, source.outlet, source.date, source.url], ['Edited headline', 'The Guardian', '2024-03-28', 'https://example.org/a']);
    assert.equal(a.sourcesTree.getTreeItem(a.sourcesTree.getChildren().find((n) => n.path === uri.fsPath)!).label, 'Edited headline');
    // Emptied fields go back to what the file says.
    await vscode.commands.executeCommand('corroborate.editSourceDetails', { id: seedId('001'), details: { title: '', outlet: '', date: '', url: '', author: '' } });
    source = a.store.model!.sources.find((s) => s.id === seedId('001'))!;
    assert.equal(source.title, 'Russia uses veto to end UN monitoring of sanctions on North Korea');
    assert.equal(source.outlet, undefined);
    assert.deepEqual(a.store.detailsOf(uri.fsPath), {});
  });

  it('names unreadable files and why (empty, binary, too large) in a warning, and compares the rest', async () => {
    const a = await compareSeeds();
    const bad = join(workspaceDir(), 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'scan.txt'), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'));
    writeFileSync(join(bad, 'huge.txt'), 'word '.repeat(300_000));
    await setSetting('maxSourceSizeMB', 1);
    try {
      await a.runner.whenIdle();
      await vscode.commands.executeCommand('corroborate.addSource', { uris: ['empty.txt', 'scan.txt', 'huge.txt'].map((f) => vscode.Uri.file(join(bad, f))) });
      await a.runner.whenIdle();
      const model = a.store.model!;
      assert.equal(model.sources.length, 5, 'the readable sources are still compared');
      assert.deepEqual(model.problems.map((p) => p.reason).sort(), ['binary', 'empty', 'too-large']);
      const warning = [...a.notifications].reverse().find((n) => n.level === 'warning')!;
      assert.match(warning.message, /could not read 3 sources/);
      assert.match(warning.message, /empty\.txt \(empty file\)/);
      assert.match(warning.message, /scan\.txt \(binary file \(looks like a PDF\)/);
      assert.match(warning.message, /huge\.txt \(file is 1\.4 MiB, more than the limit of 1\.0 MiB\)/);
      assert.match(warning.message, /The other 5 were compared/);
      const unreadable = a.sourcesTree.getChildren().filter((n) => n.type === 'unreadable');
      assert.equal(unreadable.length, 3);
      assert.equal(a.sourcesTree.getTreeItem(unreadable[0]).contextValue, 'corroborate.source.unreadable');
    } finally {
      await setSetting('maxSourceSizeMB', undefined);
      await a.runner.whenIdle();
    }
  });

  it('compares again by itself when a source file changes on disk (debounced)', async () => {
    const a = await compareSeeds();
    await vscode.commands.executeCommand('corroborate.addSource', { uris: [vscode.Uri.file(extra)] });
    await a.runner.whenIdle();
    writeFileSync(extra, `${ARTICLE}\nA new paragraph says 17 inspectors left.\n`);
    await waitFor('the re-run after the change', () => a.store.sourceByPath(extra)?.text.includes('17 inspectors'), 20_000);
  });

  it('Compare Sources on one article from the Explorer compares it with its folder', async () => {
    const a = await compareSeeds();
    await vscode.commands.executeCommand('corroborate.removeSource', { id: seedId('004') });
    // Outside the current set: its folder (the seeds and nothing else at the top level).
    await vscode.commands.executeCommand('corroborate.compare', vscode.Uri.file(extra), [vscode.Uri.file(extra)]);
    await a.runner.whenIdle();
    assert.deepEqual(a.store.sourceSet.files, [extra], 'extra/ holds one article: it is compared on its own');
    // In the current set: the set as it is.
    await vscode.commands.executeCommand('corroborate.compare', { uris: ['000', '001', '002'].map(seed) });
    await vscode.commands.executeCommand('corroborate.compare', seed('001'), [seed('001')]);
    assert.equal(a.store.model!.sources.length, 3);
    // A seed outside the set: the seeds' folder.
    await vscode.commands.executeCommand('corroborate.compare', seed('004'), [seed('004')]);
    assert.equal(a.store.model!.sources.length, 5);
  });

  it('with `corroborate.sources` set, its globs decide the set; removals by hand survive a refresh', async () => {
    const a = await compareSeeds();
    await setSetting('sources', ['00[0-3]_*.txt', 'extra/*.md']);
    try {
      await a.runner.whenIdle();
      await vscode.commands.executeCommand('corroborate.compare');
      assert.equal(a.store.sourceSet.mode, 'globs');
      assert.deepEqual(a.store.model!.sources.map((s) => s.path).sort(), [...['000', '001', '002', '003'].map((p) => seed(p).fsPath), extra].sort());
      await vscode.commands.executeCommand('corroborate.removeSource', { uri: vscode.Uri.file(extra) });
      await vscode.commands.executeCommand('corroborate.refresh');
      assert.ok(!a.store.sourceSet.files.includes(extra), 'still removed after the globs were expanded again');
      assert.equal(a.store.model!.sources.length, 4);
    } finally {
      await setSetting('sources', undefined);
      await a.runner.whenIdle();
    }
    assert.equal(a.store.sourceSet.mode, 'list', 'the setting cleared: the last files stay, as a list');
  });

  it('without arguments and no source file active, Remove Source offers a pick list (dismissed: nothing changes)', async () => {
    const a = await compareSeeds();
    const pending = vscode.commands.executeCommand('corroborate.removeSource');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined);
    assert.equal(a.store.model!.sources.length, 5);
  });
});
