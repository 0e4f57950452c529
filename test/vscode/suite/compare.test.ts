/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { api, openSeed, seedId, waitFor } from './helpers';

describe('Compare Sources', () => {
  it('compares the folder of the active source file: 5 sources, 002 a copy of 000', async () => {
    const a = await api();
    assert.equal(a.store.sourceSet.files.length, 0, 'no set before the first comparison');
    assert.equal(a.statusBar().visible, false, 'no status bar item without a source set');
    await openSeed('000');
    const outcome = await vscode.commands.executeCommand<{ status: string }>('corroborate.compare');
    assert.equal(outcome?.status, 'done');
    const model = a.store.model!;
    assert.deepEqual(model.sources.map((s) => s.id), ['000', '001', '002', '003', '004'].map(seedId));
    assert.deepEqual(model.duplicates.map((d) => [d.source, d.of]), [[seedId('002'), seedId('000')]]);
    assert.equal(model.sources.find((s) => s.id === seedId('002'))?.copyOf, seedId('000'));
    assert.deepEqual(model.problems, []);
    assert.ok(model.findings.some((f) => f.verdict === 'differ'), 'finds differences');
    assert.ok(model.rows.length > 0, 'rows for the panel');
  });

  it('opens the side-by-side panel and remembers the set in the workspace', async () => {
    const a = await api();
    assert.ok(a.panel(), 'the panel is open');
    assert.equal(a.store.sourceSet.files.length, 5);
    assert.equal(a.context['corroborate.hasSources'], true);
  });

  it('shows “$(versions) 5 sources · N differences” in the status bar, which opens the panel', async () => {
    const a = await api();
    const differ = a.store.model!.findings.filter((f) => f.verdict === 'differ').length;
    const bar = await waitFor('the status bar item', () => a.statusBar().visible && a.statusBar());
    assert.equal(bar.text, `$(versions) 5 sources · ${differ} differences`);
    assert.equal(bar.command, 'corroborate.showPanel');
    assert.match(bar.tooltip ?? '', /4 independent, 1 copy/);
  });

  it('Refresh compares the same set again', async () => {
    const a = await api();
    const before = a.store.model;
    const outcome = await vscode.commands.executeCommand<{ status: string }>('corroborate.refresh');
    assert.equal(outcome?.status, 'done');
    assert.notEqual(a.store.model, before, 'a new model');
    assert.deepEqual(a.store.model!.sources.map((s) => s.id), before!.sources.map((s) => s.id));
    assert.deepEqual(a.store.model!.findings.map((f) => f.id), before!.findings.map((f) => f.id), 'the same findings, stable ids');
  });

  it('keeps the current set when compared again from one of its files', async () => {
    const a = await api();
    await openSeed('003');
    await vscode.commands.executeCommand('corroborate.compare');
    assert.equal(a.store.model?.sources.length, 5);
  });
});
