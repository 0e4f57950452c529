/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import { SEEDS, api, compareSeeds, seed, seedId, workspaceDir } from './helpers';

/** The cached analyses and comparisons: in global storage, reused after a restart, invalidated by an edit. */
describe('Cache', () => {
  it('Clear Cache empties it; a comparison fills it in global storage, never beside the sources', async () => {
    const a = await api();
    const freed = await vscode.commands.executeCommand<number>('corroborate.clearCache');
    assert.equal(typeof freed, 'number');
    assert.ok(a.notifications.some((n) => n.level === 'info' && /cache cleared/.test(n.message)));
    assert.equal((await a.cache.usage()).bytes, 0);

    await compareSeeds();
    const stats = a.cache.since(a.cache.runs() - 1)[0];
    assert.deepEqual(stats, { sources: 5, memory: 0, disk: 0, computed: 5, result: 'miss' }, 'every source analysed once');
    const usage = await a.cache.usage();
    assert.deepEqual(usage.files, { analyses: 5, aliases: 5, results: 1 });
    assert.ok(usage.dir && isAbsolute(usage.dir));
    assert.match(usage.dir, /corroborate\.corroborate[\\/]cache[\\/]v1$/, 'in the extension’s global storage');
    assert.ok(relative(workspaceDir(), usage.dir).startsWith('..'), 'not inside the workspace');
    assert.equal(readdirSync(join(usage.dir, 'analyses')).filter((f) => !f.endsWith('.tmp')).length, 5, 'the files are there');
    assert.ok(usage.bytes > 0 && usage.bytes < usage.maxBytes);
  });

  it('after a restart of the worker, the same set is answered from the cache with an identical model', async () => {
    const a = await api();
    const before = a.store.model!;
    await a.cache.restartWorker();
    const n = a.cache.runs();
    const outcome = await vscode.commands.executeCommand<{ status: string }>('corroborate.refresh');
    assert.equal(outcome?.status, 'done');
    assert.deepEqual(a.cache.since(n), [{ sources: 5, memory: 0, disk: 0, computed: 0, result: 'hit' }], 'nothing analysed or compared');
    assert.notEqual(a.store.model, before, 'a new model object');
    assert.deepEqual(a.store.model, before, 'identical to the computed one, rows included');
  });

  it('editing one source re-analyses only it (the rest from disk), and never shows the stale result', async () => {
    const a = await api();
    // A copy of the seeds outside the workspace: the suite checks that the seeds themselves are never written.
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-cache-suite-'));
    const uris = SEEDS.map((p) => {
      const to = join(dir, seedId(p));
      copyFileSync(seed(p).fsPath, to);
      return vscode.Uri.file(to);
    });
    try {
      await vscode.commands.executeCommand('corroborate.compare', { uris });
      await a.runner.whenIdle();
      const original = a.store.model!;
      assert.equal(original.sources.length, 5);
      const file = uris[1].fsPath;
      const text = readFileSync(file, 'utf8');
      const added = '\n\nLate addition: the ministry said 17 vessels were inspected on Friday.\n';
      await a.cache.restartWorker();
      const n = a.cache.runs();
      writeFileSync(file, text + added);
      // The file watcher compares too, and may supersede this run (its thread is stopped before it answers).
      await vscode.commands.executeCommand('corroborate.refresh');
      await a.runner.whenIdle();
      const log = a.cache.since(n);
      assert.deepEqual(log[0], { sources: 5, memory: 0, disk: 4, computed: 1, result: 'miss' }, JSON.stringify(log));
      assert.equal(log.reduce((k, x) => k + x.computed, 0), 1, `only the edited source is analysed, once: ${JSON.stringify(log)}`);
      const edited = a.store.model!.sources.find((x) => x.path === file)!;
      assert.equal(edited.text, text + added, 'the model has the new text, not the cached one');
      assert.notDeepEqual(a.store.model, original);

      // Back to the original bytes: the original result again, identical.
      writeFileSync(file, text);
      const m = a.cache.runs();
      await vscode.commands.executeCommand('corroborate.refresh');
      await a.runner.whenIdle();
      assert.deepEqual(a.cache.since(m).map((x) => x.result), a.cache.since(m).map(() => 'hit'));
      assert.ok(a.cache.since(m).length > 0);
      assert.deepEqual(a.store.model, original);
    } finally {
      await compareSeeds(); // the set the later tests expect
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
