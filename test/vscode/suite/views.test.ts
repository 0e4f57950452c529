/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { compareSeeds, panelReady, seed, seedId, waitFor } from './helpers';

const iconId = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);

describe('the Corroborate views', () => {
  it('Sources: one item per source with title, outlet or “copy of”, id and counts', async () => {
    const a = await compareSeeds();
    const nodes = a.sourcesTree.getChildren();
    assert.equal(nodes.length, 5);
    const items = nodes.map((n) => a.sourcesTree.getTreeItem(n));
    const copy = items.find((i) => String(i.description).includes(seedId('002')))!;
    assert.equal(iconId(copy), 'copy');
    assert.match(String(copy.description), new RegExp(`^copy of ${seedId('000').replace('.', '\\.')}`));
    for (const item of items.filter((i) => i !== copy)) assert.equal(iconId(item), 'file-text');
    for (const item of items) {
      assert.match(String(item.description), /\d+ ≠ · \d+ =$/, 'counts of findings');
      assert.equal(item.contextValue, 'corroborate.source');
      assert.ok(typeof item.label === 'string' && item.label.length > 0, 'a title');
    }
    const first = items[nodes.findIndex((n) => n.type === 'source' && n.id === seedId('001'))];
    assert.equal(first.label, 'Russia uses veto to end UN monitoring of sanctions on North Korea');
  });

  it('Findings: Figures, Names, Quotes; differences first; mentions as “source: “text””', async () => {
    const a = await compareSeeds();
    const groups = a.findingsTree.getChildren();
    assert.deepEqual(groups.map((g) => a.findingsTree.getTreeItem(g).label), ['Figures', 'Names', 'Quotes']);
    for (const g of groups) {
      const findings = a.findingsTree.getChildren(g);
      const verdicts = findings.map((f) => (f.type === 'finding' ? a.store.findingById(f.id)!.verdict : ''));
      assert.deepEqual(verdicts, [...verdicts].sort((x, y) => (x === y ? 0 : x === 'differ' ? -1 : 1)), 'differences first');
      assert.match(String(a.findingsTree.getTreeItem(g).description), /^\d+ differ · \d+ agree$/);
    }
    const names = a.findingsTree.getChildren(groups[1]);
    const nebenzya = names.find((n) => n.type === 'finding' && /Nebenzya/.test(a.store.findingById(n.id)!.summary))!;
    const item = a.findingsTree.getTreeItem(nebenzya);
    assert.equal(iconId(item), 'warning');
    assert.match(String(item.description), /^spelling · 4 sources$/);
    const mentions = a.findingsTree.getChildren(nebenzya).map((m) => a.findingsTree.getTreeItem(m).label);
    assert.ok(mentions.includes(`${seedId('003')}: “Vassily Nebenzia”`), mentions.join(' | '));
    assert.equal(a.findingsTree.getParent(a.findingsTree.getChildren(nebenzya)[0]), nebenzya);
    const agreeing = a.findingsTree.getChildren(groups[1]).find((n) => n.type === 'finding' && a.store.findingById(n.id)!.verdict === 'agree');
    if (agreeing) assert.equal(iconId(a.findingsTree.getTreeItem(agreeing)), 'pass');
  });

  it('choosing a mention reveals the finding in the panel and opens the editor there', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const finding = a.store.model!.findings.find((f) => f.kind === 'name' && f.mentions.some((m) => m.text === 'Vassily Nebenzia'))!;
    const index = finding.mentions.findIndex((m) => m.text === 'Vassily Nebenzia');
    const node = a.findingsTree.getChildren(a.findingsTree.findingNode(finding.id)!)[index];
    const command = a.findingsTree.getTreeItem(node).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.deepEqual(p.delivered.at(-1), { type: 'reveal', findingId: finding.id });
    const editor = await waitFor('the editor at the mention', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.fsPath === seed('003').fsPath && e.document.getText(e.selection) === 'Vassily Nebenzia' && e;
    });
    assert.ok(editor);
  });

  it('choosing a finding shows the panel and reveals it there', async () => {
    const a = await compareSeeds();
    const p = await panelReady(a);
    const finding = a.store.model!.findings.find((f) => f.kind === 'figure' && f.verdict === 'differ')!;
    const command = a.findingsTree.getTreeItem(a.findingsTree.findingNode(finding.id)!).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.deepEqual(p.delivered.filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', findingId: finding.id });
  });

  it('the Sources and Findings views are in the Corroborate activity bar container, with welcome content', () => {
    const ext = vscode.extensions.getExtension('corroborate.corroborate')!;
    const c = ext.packageJSON.contributes;
    assert.deepEqual(c.viewsContainers.activitybar.map((v: { id: string }) => v.id), ['corroborate']);
    assert.deepEqual(c.views.corroborate.map((v: { id: string }) => v.id), ['corroborate.sources', 'corroborate.findings']);
    assert.ok(c.viewsWelcome.some((w: { view: string }) => w.view === 'corroborate.sources'));
  });
});
