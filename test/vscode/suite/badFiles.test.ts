/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBadFiles, makeProseFile, PROSE, type BadFile } from '../../badFiles';
import { compareSeeds, SEEDS, seed, setSetting, snapshotSeeds, waitFor, workspaceDir } from './helpers';

/**
 * Issue 6, bad files, inside VS Code: the files of test/badFiles.ts (the same table the CLI
 * test checks) in the workspace, compared through the commands a user runs.
 */
describe('bad files', () => {
  let dir = '';
  let cases: BadFile[] = [];

  before(() => {
    dir = join(workspaceDir(), 'bad-files');
    cases = makeBadFiles(dir);
  });

  after(async () => {
    await compareSeeds();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every bad file is named with its reason in one warning and in the Sources view; the rest are compared; nothing fails', async () => {
    const a = await compareSeeds();
    const seedsBefore = snapshotSeeds();
    const shown = a.notifications.length;
    // The folder as from the Explorer, and by name the PDF (a folder brings in only source
    // extensions) and the link loop (VS Code's folder listing leaves out entries it cannot
    // stat, so a loop inside a folder is skipped without a word, harmlessly).
    const named = ['scan.pdf', 'loop.txt'].map((f) => vscode.Uri.file(join(dir, f)));
    await vscode.commands.executeCommand('corroborate.compare', { uris: [...SEEDS.map(seed), vscode.Uri.file(dir), ...named] });
    await a.runner.whenIdle();
    const model = a.store.model!;
    const refused = cases.filter((c) => c.outcome === 'refused');
    const readable = cases.filter((c) => c.outcome === 'read');

    assert.deepEqual(
      model.problems.map((p) => `${p.path} | ${p.reason} | ${p.message}`).sort(),
      refused.map((c) => `${join(dir, c.name)} | ${c.outcome === 'refused' && c.reason} | ${c.outcome === 'refused' && c.message}`).sort(),
    );
    assert.equal(model.sources.length, 5 + readable.length, 'the seeds and the odd encodings are compared');
    for (const c of readable) {
      const s = model.sources.find((x) => x.path === join(dir, c.name));
      assert.ok(s, `${c.name} compared`);
      if (c.outcome === 'read' && c.text !== undefined) assert.equal(s.text, c.text, c.name);
    }
    assert.ok(model.findings.length > 0);

    const warnings = a.notifications.slice(shown).filter((n) => n.level === 'warning');
    assert.equal(warnings.length, 1, 'one warning for all of them');
    assert.ok(warnings[0].message.startsWith(`Corroborate could not read ${refused.length} sources: `), warnings[0].message);
    for (const c of refused) assert.ok(warnings[0].message.includes(`${c.name} (${c.outcome === 'refused' && c.message})`), c.name);
    assert.match(warnings[0].message, new RegExp(`The other ${5 + readable.length} were compared\\.$`));
    assert.deepEqual(a.notifications.slice(shown).filter((n) => n.level === 'error'), [], 'no error');
    assert.equal(a.store.error, undefined);

    const unreadable = a.sourcesTree.getChildren().filter((n) => n.type === 'unreadable');
    assert.deepEqual(unreadable.map((n) => n.path).sort(), refused.map((c) => join(dir, c.name)).sort());
    for (const c of refused) {
      const item = a.sourcesTree.getTreeItem(unreadable.find((n) => n.path === join(dir, c.name))!);
      assert.equal(item.description, c.outcome === 'refused' && c.message, c.name);
      assert.equal(item.tooltip, `${join(dir, c.name)}\nCould not be read: ${c.outcome === 'refused' && c.message}`);
    }
    assert.deepEqual(snapshotSeeds(), seedsBefore, 'the sources are only read');
  });

  it('a UTF-16 source opened in the editor shows the same text the engine compared', async () => {
    const a = await compareSeeds();
    const utf16 = vscode.Uri.file(join(dir, 'utf16le-bom.txt'));
    await vscode.commands.executeCommand('corroborate.addSource', { uris: [utf16] });
    await a.runner.whenIdle();
    const doc = await vscode.workspace.openTextDocument(utf16);
    assert.equal(doc.getText(), PROSE);
    assert.equal(a.store.sourceByPath(utf16.fsPath)?.text, doc.getText());
  });

  describe('a 50 MB source', () => {
    let huge = '';
    before(() => {
      huge = join(dir, 'huge.txt');
      makeProseFile(huge, SEEDS.map((p) => readFileSync(seed(p).fsPath, 'utf8')), 50);
    });
    after(async () => {
      await setSetting('maxSourceSizeMB', undefined);
      rmSync(huge, { force: true });
    });

    it('is refused by default, with its size, the limit of 10 MB and the setting that raises it', async () => {
      const a = await compareSeeds();
      const shown = a.notifications.length;
      await vscode.commands.executeCommand('corroborate.addSource', { uris: [vscode.Uri.file(huge)] });
      await a.runner.whenIdle();
      assert.equal(a.store.model!.sources.length, 5);
      assert.deepEqual(a.store.model!.problems, [{ path: huge, reason: 'too-large', message: 'file is 50.0 MiB, more than the limit of 10.0 MiB' }]);
      const warning = a.notifications.slice(shown).find((n) => n.level === 'warning');
      assert.equal(warning?.message, 'Corroborate could not read 1 source: huge.txt (file is 50.0 MiB, more than the limit of 10.0 MiB). The other 5 were compared. The size limit is the setting corroborate.maxSourceSizeMB.');
    });

    it('with the limit raised it is compared in the background: progress names it, Cancel keeps the previous results, the host stays responsive, the next comparison works', async () => {
      const a = await compareSeeds();
      await vscode.commands.executeCommand('corroborate.addSource', { uris: [vscode.Uri.file(huge)] });
      await a.runner.whenIdle();
      const before = a.store.model!;
      assert.equal(before.problems[0]?.reason, 'too-large');
      const progress = a.runner.progressShown.length;
      // Raising the limit compares the set again by itself, now reading the 50 MB file.
      await setSetting('maxSourceSizeMB', 60);
      await waitFor('the comparison to start', () => a.store.busy);
      await waitFor('the progress notification naming the large source', () =>
        a.runner.progressShown.slice(progress).find((m) => m === 'huge.txt is 50.0 MiB: a source this large takes minutes. Cancel keeps the current results.'));
      assert.ok(a.runner.progressShown.slice(progress).includes('Corroborate: comparing 6 sources…'));
      // The extension host answers while the worker is busy: commands run, documents open.
      const doc = await vscode.workspace.openTextDocument(seed('001'));
      assert.ok(doc.getText().length > 0);
      const only = a.store.filter.onlyDifferences;
      assert.equal(await vscode.commands.executeCommand('corroborate.toggleOnlyDifferences'), !only);
      await vscode.commands.executeCommand('corroborate.toggleOnlyDifferences');
      assert.ok(a.store.busy, 'still comparing');
      a.runner.cancel();
      await a.runner.whenIdle();
      assert.equal(a.store.busy, false);
      assert.equal(a.store.model, before, 'the previous results stay');
      assert.ok(a.store.sourceSet.files.includes(huge), 'the file stays in the set');
      const again = await compareSeeds();
      assert.equal(again.store.model!.sources.length, 5);
    });
  });

  it('a source deleted while a comparison runs, or between listing and reading, is named as missing; the watcher’s re-run names it by itself', async function () {
    // Each wait below gives up well before the test does, so a failure names its step.
    this.timeout(60_000);
    const a = await compareSeeds();
    const extra = join(dir, 'extra.txt');
    writeFileSync(extra, PROSE);
    await vscode.commands.executeCommand('corroborate.addSource', { uris: [vscode.Uri.file(extra)] });
    await a.runner.whenIdle();
    assert.equal(a.store.model!.sources.length, 6);
    // The set's new folder is watched from now on, but VS Code starts that watcher through the
    // window and the server, after the command returns; and its folder-wide watcher drops a
    // file created and deleted in one batch of events. A user does not delete a file within a
    // second of adding it; the test waits, as they would, until a change to it is seen.
    writeFileSync(extra, `${PROSE}\n\nA line added later.`);
    await waitFor('the re-run after a change to the new source (its watcher is live)', () => a.store.model?.sources.find((s) => s.path === extra)?.text.includes('A line added later.'), 15_000);
    await a.runner.whenIdle();
    // Deleted on disk: the watcher compares again and names it.
    unlinkSync(extra);
    const missing = await waitFor('the re-run after the deletion', () => a.store.model?.problems.find((p) => p.path === extra), 15_000);
    assert.deepEqual(missing, { path: extra, reason: 'missing', message: 'no such file or folder' });
    assert.equal(a.store.model!.sources.length, 5, 'the rest compared');
    assert.ok(a.sourcesTree.getChildren().some((n) => n.type === 'unreadable' && n.path === extra));
    // Back, then deleted in the middle of a comparison: that comparison names it, or (when the
    // engine worker read it first) the watcher's re-run does.
    writeFileSync(extra, PROSE);
    await waitFor('the re-run after it came back', () => a.store.model?.sources.some((s) => s.path === extra), 15_000);
    await a.runner.whenIdle();
    const run = a.runner.run();
    unlinkSync(extra);
    const outcome = await run;
    assert.ok(['done', 'superseded'].includes(outcome.status), outcome.status);
    await waitFor('a comparison that names the deleted file', () => a.store.model?.problems.some((p) => p.path === extra && p.reason === 'missing'), 15_000);
    await a.runner.whenIdle();
    assert.equal(a.store.model!.sources.length, 5);
    assert.equal(a.store.error, undefined);
  });

  it('a source replaced by a folder of the same name is named, not fatal', async () => {
    const a = await compareSeeds();
    const odd = join(dir, 'folder.txt');
    writeFileSync(odd, PROSE);
    await vscode.commands.executeCommand('corroborate.addSource', { uris: [vscode.Uri.file(odd)] });
    await a.runner.whenIdle();
    unlinkSync(odd);
    mkdirSync(odd);
    await a.runner.run();
    await a.runner.whenIdle();
    assert.ok(a.store.model!.problems.some((p) => p.path === odd && p.message === 'is a folder, not a file'), JSON.stringify(a.store.model!.problems));
    assert.equal(a.store.model!.sources.length, 5);
    rmSync(odd, { recursive: true });
  });
});
