/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { compareSeeds, panelReady, SEEDS, seed } from './helpers';

describe('the comparison runner', () => {
  it('a cancelled comparison keeps the previous model, tells the panel it is idle; the next one works', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const before = a.store.model;
    const run = a.runner.run();
    a.runner.cancel();
    assert.equal((await run).status, 'cancelled');
    assert.equal(a.store.model, before, 'the model is untouched');
    assert.equal(a.store.busy, false);
    assert.deepEqual(p.delivered.slice(-2), [{ type: 'busy', message: 'Comparing 5 sources…' }, { type: 'idle' }]);
    assert.equal((await a.runner.run()).status, 'done');
    assert.notEqual(a.store.model, before);
  });

  it('a newer comparison supersedes one in flight', async () => {
    const a = await compareSeeds();
    const first = a.runner.run();
    const second = a.runner.run();
    assert.equal((await first).status, 'superseded');
    assert.equal((await second).status, 'done');
    assert.equal(a.store.model!.sources.length, 5);
  });

  it('Remove Source down to nothing hides the status bar item and empties the views', async () => {
    const a = await compareSeeds();
    await vscode.commands.executeCommand('corroborate.removeSource', { uris: SEEDS.map(seed) });
    await a.runner.whenIdle();
    assert.equal(a.store.sourceSet.files.length, 0);
    assert.equal(a.statusBar().visible, false);
    assert.equal(a.sourcesTree.getChildren().length, 0);
    assert.equal(a.findingsTree.getChildren().length, 0);
    assert.equal(a.context['corroborate.hasSources'], false);
    await compareSeeds();
    assert.equal(a.statusBar().visible, true);
  });
});
