/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CitationPlan, CitationsPlan } from '../../../src/core/cite/planCitation';
import type { CorroborateTestApi } from '../../../src/extension/testApi';
import { compareSeeds, setSetting, snapshotFiles, workspaceDir, type FileState } from './helpers';
import { checked, copyDraft, copyQuakeSources, insertionsOnly, openDraft, quickFixes, run } from './draftHelpers';

type Inserted = { status: string; plan: CitationPlan; message?: string };

describe('citations', () => {
  let a: CorroborateTestApi;
  let quakeSources: vscode.Uri[] = [];
  let quakeBefore: Map<string, FileState>;

  before(async () => {
    a = await compareSeeds();
    quakeSources = copyQuakeSources();
    quakeBefore = snapshotFiles(quakeSources.map((u) => u.fsPath));
  });

  afterEach(async () => {
    await setSetting('citation.style', undefined);
    await setSetting('citation.bibliography', undefined);
    // Sources are never written: the quake sources too, whatever the test did.
    assert.deepEqual(snapshotFiles(quakeSources.map((u) => u.fsPath)), quakeBefore);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await compareSeeds();
  });

  async function compareQuake(): Promise<void> {
    await vscode.commands.executeCommand('corroborate.compare', { uris: quakeSources });
    await a.runner.whenIdle();
    assert.deepEqual(a.store.model?.sources.map((s) => s.id), ['daily.md', 'tabloid.md', 'wire.md']);
  }

  /** The offset of the start of the sentence that begins with `words`. */
  const at = (doc: vscode.TextDocument, words: string) => {
    const i = doc.getText().indexOf(words);
    assert.ok(i >= 0, words);
    return i;
  };

  it('Insert Citation ranks the passages that support the sentence: source title, score, passage', async () => {
    const uri = copyDraft('veto-draft.md', 'cite');
    const { document: doc } = await openDraft(uri);
    const items = await a.drafts.choices(uri, at(doc, 'Ukrainian prosecutors said'));
    assert.ok(items && items.length > 0);
    const best = items[0];
    assert.ok(best.source, 'the first entry is a source');
    assert.match(best.description ?? '', /^score (0|1)\.\d\d · 00\d_/);
    assert.match(best.detail ?? '', /Ukrainian prosecutors said that Russia attacked Ukraine/);
    assert.ok(best.label.length > 0 && !best.label.includes('$('), 'a plain title, no icon syntax from source text');
    const copy = items.find((i) => i.source?.startsWith('002_'));
    assert.ok(!copy || items.indexOf(copy) > 0, 'a copy never outranks its original');
  });

  it('footnote style inserts exactly the planned marker and definition: the rest of a draft with a table, strikethrough, autolinks and code is byte-identical', async () => {
    const uri = copyDraft('veto-draft.md', 'cite');
    const { document: doc } = await openDraft(uri);
    const before = doc.getText();
    const bytesBefore = readFileSync(uri.fsPath);
    for (const part of ['| March 28, 2024 |', '~~protecting~~', '<https://kyivindependent.com/russia-vetoes-un-panel/>', '```text']) assert.ok(before.includes(part), part);
    const outcome = await vscode.commands.executeCommand<Inserted>('corroborate.insertCitation', { uri, at: at(doc, 'The move sparked'), source: 'best' });
    assert.equal(outcome?.status, 'inserted', outcome?.message);
    const { plan } = outcome;
    assert.equal(plan.style, 'footnote');
    assert.equal(plan.edits.length, 2, 'the marker and the definition');
    const [marker, definition] = plan.edits;
    assert.equal(marker.newText, `[^${plan.key}]`);
    assert.ok(before.slice(0, marker.start).endsWith('war effort against Ukraine.'), 'right after the sentence’s full stop');
    assert.equal(definition.start, before.length, 'the definition at the end');
    assert.match(definition.newText, new RegExp(`^\\[\\^${plan.key}\\]: .+ — “The move sparked condemnations`));
    const after = doc.getText();
    assert.ok(insertionsOnly(before, after, plan.edits), 'nothing but the insertions changed');
    // Saved, the file is the old bytes with the inserted bytes, nothing re-serialised.
    await doc.save();
    const bytesAfter = readFileSync(uri.fsPath);
    const m = Buffer.byteLength(before.slice(0, marker.start));
    const expected = Buffer.concat([bytesBefore.subarray(0, m), Buffer.from(marker.newText), bytesBefore.subarray(m), Buffer.from(definition.newText)]);
    assert.ok(bytesAfter.equals(expected), 'byte for byte');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo step');
    await doc.save();
  });

  it('pandoc style puts [@key] before the full stop and the entry into a new references.json beside the draft (valid CSL-JSON); citing the source again reuses both', async () => {
    await compareQuake();
    const uri = copyDraft('quake-draft.md', 'quake');
    const bib = join(workspaceDir(), 'quake', 'references.json');
    assert.ok(!existsSync(bib));
    await setSetting('citation.style', 'pandoc');
    const { document: doc } = await openDraft(uri);
    const before = doc.getText();
    const first = await vscode.commands.executeCommand<Inserted>('corroborate.insertCitation', { uri, at: at(doc, 'Rescue teams dug'), source: 'daily.md' });
    assert.equal(first?.status, 'inserted', first?.message);
    assert.equal(first.plan.style, 'pandoc');
    assert.equal(first.plan.key, 'maros-daily-2031');
    assert.deepEqual(first.plan.edits.map((e) => e.newText), [' [@maros-daily-2031]']);
    assert.ok(insertionsOnly(before, doc.getText(), first.plan.edits));
    assert.ok(doc.getText().includes('province on Tuesday [@maros-daily-2031].'));
    assert.ok(existsSync(bib), 'the bibliography is created and saved');
    const entries = JSON.parse(readFileSync(bib, 'utf8'));
    assert.ok(Array.isArray(entries) && entries.length === 1);
    assert.deepEqual(
      { id: entries[0].id, type: entries[0].type, title: entries[0].title, 'container-title': entries[0]['container-title'], URL: entries[0].URL, issued: entries[0].issued },
      { id: 'maros-daily-2031', type: 'article-newspaper', title: 'Night of digging in Maros as death toll climbs', 'container-title': 'The Maros Daily', URL: 'https://marosdaily.example/news/night-of-digging', issued: { 'date-parts': [[2031, 4, 9]] } },
    );
    const second = await vscode.commands.executeCommand<Inserted>('corroborate.insertCitation', { uri, at: at(doc, 'Officials in Valdara'), source: 'daily.md' });
    assert.equal(second?.status, 'inserted', second?.message);
    assert.equal(second.plan.key, 'maros-daily-2031');
    assert.equal(second.plan.reused, true);
    assert.equal(JSON.parse(readFileSync(bib, 'utf8')).length, 1, 'no second entry for the same source');
    await doc.save();
  });

  it('the “cite this” quick fix in pandoc style inserts [@key] and adds the entry to the bibliography', async () => {
    await compareQuake();
    const uri = copyDraft('quake-draft.md', 'quake-fix');
    await setSetting('citation.style', 'pandoc');
    const { document: doc } = await openDraft(uri);
    await checked(a, doc);
    const d = vscode.languages.getDiagnostics(uri).find((x) => x.code === 'citation/uncited' && doc.getText(x.range).startsWith('Rescue teams dug'));
    assert.ok(d, 'the uncited sentence');
    const fix = (await quickFixes(doc, d.range)).find((x) => x.title.startsWith('Cite '));
    assert.ok(fix?.command);
    assert.match(fix.title, /\(pandoc\)$/);
    const before = doc.getText();
    const outcome = await run<{ status: string }>(fix.command);
    assert.equal(outcome?.status, 'applied');
    assert.equal(doc.getText(), before.replace('province on Tuesday.', 'province on Tuesday [@maros-daily-2031].'));
    const entries = JSON.parse(readFileSync(join(workspaceDir(), 'quake-fix', 'references.json'), 'utf8'));
    assert.deepEqual(entries.map((e: { id: string }) => e.id), ['maros-daily-2031']);
    await doc.save();
  });

  it('link style inserts an inline link to the source before the full stop', async () => {
    await compareQuake();
    const uri = copyDraft('quake-draft.md', 'quake-link');
    await setSetting('citation.style', 'link');
    const { document: doc } = await openDraft(uri);
    const before = doc.getText();
    const outcome = await vscode.commands.executeCommand<Inserted>('corroborate.insertCitation', { uri, at: at(doc, 'The quake, of magnitude'), source: 'wire.md' });
    assert.equal(outcome?.status, 'inserted', outcome?.message);
    assert.deepEqual(outcome.plan.edits.map((e) => e.newText), [' ([Valdera Wire Service](https://valderawire.example/2031/04/quake-valdera))']);
    assert.ok(insertionsOnly(before, doc.getText(), outcome.plan.edits));
    assert.ok(doc.getText().includes('killed at least 45 people ([Valdera Wire Service](https://valderawire.example/2031/04/quake-valdera)).'));
    assert.ok(!existsSync(join(workspaceDir(), 'quake-link', 'references.json')), 'no bibliography for links');
    await doc.save();
  });

  it('Cite All Verified Quotes cites every confirmed quotation in one edit, one undo step', async () => {
    await compareSeeds();
    const uri = copyDraft('veto-draft.md', 'cite-all');
    const { document: doc } = await openDraft(uri);
    const result = await checked(a, doc);
    const confirmed = result.diagnostics.filter((d) => d.kind === 'quote' && d.verdict === 'agree');
    assert.ok(confirmed.length >= 3, `confirmed quotations: ${confirmed.map((d) => d.text).join(' | ')}`);
    const before = doc.getText();
    const outcome = await vscode.commands.executeCommand<{ status: string; quotes: number; plan: CitationsPlan }>('corroborate.citeAllVerifiedQuotes', { uri });
    assert.equal(outcome?.status, 'inserted');
    assert.equal(outcome.quotes, confirmed.length);
    assert.ok(outcome.plan.edits.length >= 2);
    assert.ok(insertionsOnly(before, doc.getText(), outcome.plan.edits), 'nothing but the citations changed');
    for (const key of new Set(outcome.plan.keys)) assert.ok(doc.getText().includes(`[^${key}]: `), `a definition for ${key}`);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo step restores the draft');
    await doc.save();
  });

  it('never uses a source file as the bibliography', async () => {
    await compareQuake();
    const uri = copyDraft('quake-draft.md', 'quake-bib');
    await setSetting('citation.style', 'pandoc');
    await setSetting('citation.bibliography', quakeSources[2].fsPath);
    const { document: doc } = await openDraft(uri);
    const before = doc.getText();
    const outcome = await vscode.commands.executeCommand<Inserted>('corroborate.insertCitation', { uri, at: at(doc, 'Rescue teams dug'), source: 'daily.md' });
    assert.equal(outcome?.status, 'failed');
    assert.match(outcome.message ?? '', /is a source; sources are never written/);
    assert.equal(doc.getText(), before, 'the draft is not changed either');
  });
});
