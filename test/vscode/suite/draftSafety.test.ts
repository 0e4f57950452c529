/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import type { CorroborateTestApi } from '../../../src/extension/testApi';
import { compareSeeds, setSetting, snapshotFiles, snapshotSeeds, waitFor } from './helpers';
import { checked, copyDraft, copyQuakeSources, openDraft, quickFixes, run } from './draftHelpers';

type Outcome = { status: string; message?: string };

/**
 * Issue 6, "drafts are never damaged": an edit computed for an older version of the draft is
 * refused (also when the draft changes while the user picks a source, or while the engine
 * plans), every edit is one undo step that restores the draft byte for byte, and the draft is
 * never saved behind the user's back (only a pandoc bibliography is, as the README says).
 */
describe('draft safety', () => {
  let a: CorroborateTestApi;

  before(async () => {
    a = await compareSeeds();
  });

  afterEach(async () => {
    a.drafts.setApplyGate(undefined);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await setSetting('citation.style', undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await compareSeeds();
  });

  const offsetOf = (doc: vscode.TextDocument, words: string) => {
    const i = doc.getText().indexOf(words);
    assert.ok(i >= 0, words);
    return i;
  };

  /** An edit a journalist might make: a word typed at the start of the draft. */
  const typeAtStart = (editor: vscode.TextEditor) => editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Draft: '));

  /** The last warning, which says why an edit was refused. */
  const lastWarning = () => [...a.notifications].reverse().find((n) => n.level === 'warning')?.message ?? '';

  it('Insert Citation is refused when the draft is edited while its quick pick is open', async () => {
    const uri = copyDraft('veto-draft.md', 'safety-pick');
    const editor = await openDraft(uri);
    const doc = editor.document;
    await checked(a, doc);
    const disk = snapshotFiles([uri.fsPath]);
    const picks = a.drafts.citationPicksShown();
    const command = vscode.commands.executeCommand<Outcome>('corroborate.insertCitation', { uri, at: offsetOf(doc, 'The move sparked') });
    await waitFor('the quick pick of source passages', () => a.drafts.citationPicksShown() > picks);
    assert.ok(await typeAtStart(editor));
    const edited = doc.getText();
    // The user now takes the first passage offered.
    let outcome: Outcome | undefined;
    void command.then((o) => (outcome = o));
    await waitFor('the pick to be accepted', async () => {
      if (outcome) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
      return !!outcome;
    });
    assert.equal(outcome!.status, 'refused');
    assert.equal(doc.getText(), edited, 'nothing inserted into the newer text');
    assert.match(lastWarning(), /the citation was not applied: the draft changed while the source was being chosen\. Nothing was changed; try again\./);
    assert.deepEqual(snapshotFiles([uri.fsPath]), disk, 'the draft is not saved');
  });

  for (const [label, command, args, stale] of [
    ['Insert Citation', 'corroborate.insertCitation', { at: 'The move sparked', source: 'best' }, /the citation was not applied: the draft changed while the citation was planned/],
    ['Cite All Verified Quotes', 'corroborate.citeAllVerifiedQuotes', {}, /the citations were not applied: the draft changed while the citations were planned/],
  ] as const) {
    it(`${label} is refused when the draft changes while the engine plans it`, async () => {
      const uri = copyDraft('veto-draft.md', `safety-${command.replace(/\W/g, '')}`);
      const editor = await openDraft(uri);
      const doc = editor.document;
      await checked(a, doc);
      const disk = snapshotFiles([uri.fsPath]);
      let held = 0;
      a.drafts.setApplyGate(async (at) => {
        if (at.toString() !== uri.toString()) return;
        held++;
        assert.ok(await typeAtStart(editor));
      });
      const at = 'at' in args ? { at: offsetOf(doc, args.at) } : {};
      const outcome = await vscode.commands.executeCommand<Outcome>(command, { uri, ...args, ...at });
      assert.equal(held, 1, 'the edit came between planning and applying');
      assert.equal(outcome?.status, 'refused');
      assert.equal(doc.getText().startsWith('Draft: '), true);
      assert.equal(doc.getText().slice('Draft: '.length), (await vscode.workspace.fs.readFile(uri)).toString(), 'only the user’s edit: nothing of the stale plan');
      assert.match(lastWarning(), stale);
      assert.deepEqual(snapshotFiles([uri.fsPath]), disk, 'the draft is not saved');
    });
  }

  /**
   * Runs one draft edit and checks the three promises: it is applied, one undo restores the
   * text exactly, and the file on disk is untouched (the edit is left for the user to save).
   */
  async function oneUndoStep(doc: vscode.TextDocument, what: string, apply: () => Thenable<Outcome | undefined>, done: string[]): Promise<void> {
    const before = doc.getText();
    const disk = snapshotFiles([doc.uri.fsPath]);
    const sources = snapshotSeeds();
    const outcome = await apply();
    assert.ok(outcome && ['applied', 'inserted'].includes(outcome.status), `${what}: ${JSON.stringify(outcome)}`);
    assert.notEqual(doc.getText(), before, `${what} changed the draft`);
    assert.deepEqual(snapshotFiles([doc.uri.fsPath]), disk, `${what}: the draft file is not written`);
    assert.ok(doc.isDirty, `${what}: the draft is left unsaved`);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, `${what}: one undo restores the draft byte for byte`);
    assert.deepEqual(snapshotSeeds(), sources, `${what}: the sources are untouched`);
    done.push(what);
    await checked(a, doc);
  }

  it('every quick fix offered on the draft is one undo step and leaves the file unsaved', async () => {
    const uri = copyDraft('veto-draft.md', 'safety-fixes');
    const editor = await openDraft(uri);
    const doc = editor.document;
    const result = await checked(a, doc);
    const withFixes = result.diagnostics.filter((d) => d.fixes && d.fixes.length > 0);
    assert.ok(withFixes.length >= 3, 'the draft has several fixable findings');
    const done: string[] = [];
    for (const d of withFixes) {
      const published = vscode.languages.getDiagnostics(uri).find((x) => x.range.isEqual(new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end))));
      assert.ok(published, `published: ${d.text}`);
      const ours = async () => (await quickFixes(doc, published.range)).filter((x) => x.command?.command === 'corroborate.applyDraftFix');
      const titles = (await ours()).map((x) => x.title);
      assert.ok(titles.length > 0, `a fix for “${d.text}”`);
      for (const title of titles) {
        // Asked again each time: a fix is only valid for the version it was offered on, and
        // the undo before made a new version.
        const fix = (await ours()).find((x) => x.title === title);
        assert.ok(fix?.command, title);
        await oneUndoStep(doc, `${title} on “${d.text}”`, () => run<Outcome>(fix.command!), done);
      }
    }
    assert.ok(done.length >= withFixes.length);
    assert.ok(done.some((t) => t.startsWith('Cite ')), 'the “cite this” fix is among them');
  });

  it('Insert Citation and Cite All Verified Quotes, in footnote and link style, are one undo step each and leave the file unsaved', async () => {
    const done: string[] = [];
    const veto = copyDraft('veto-draft.md', 'safety-cite');
    const vetoDoc = (await openDraft(veto)).document;
    await checked(a, vetoDoc);
    await oneUndoStep(vetoDoc, 'Insert Citation (footnote)', () => vscode.commands.executeCommand<Outcome>('corroborate.insertCitation', { uri: veto, at: offsetOf(vetoDoc, 'The move sparked'), source: 'best' }), done);
    await oneUndoStep(vetoDoc, 'Cite All Verified Quotes (footnote)', () => vscode.commands.executeCommand<Outcome>('corroborate.citeAllVerifiedQuotes', { uri: veto }), done);

    const quake = copyQuakeSources();
    await vscode.commands.executeCommand('corroborate.compare', { uris: quake });
    await a.runner.whenIdle();
    const quakeBefore = snapshotFiles(quake.map((u) => u.fsPath));
    await setSetting('citation.style', 'link');
    const draft = copyDraft('quake-draft.md', 'safety-link');
    const doc = (await openDraft(draft)).document;
    await checked(a, doc);
    await oneUndoStep(doc, 'Insert Citation (link)', () => vscode.commands.executeCommand<Outcome>('corroborate.insertCitation', { uri: draft, at: offsetOf(doc, 'The quake, of magnitude'), source: 'wire.md' }), done);
    await oneUndoStep(doc, 'Cite All Verified Quotes (link)', () => vscode.commands.executeCommand<Outcome>('corroborate.citeAllVerifiedQuotes', { uri: draft }), done);
    assert.deepEqual(snapshotFiles(quake.map((u) => u.fsPath)), quakeBefore, 'the quake sources are untouched');
    assert.equal(done.length, 4);
    await compareSeeds();
  });

  it('in pandoc style Insert Citation, Cite All Verified Quotes and the “cite this” fix are one undo step for the draft, which stays unsaved; only the bibliography is saved, as documented', async () => {
    const quake = copyQuakeSources();
    await vscode.commands.executeCommand('corroborate.compare', { uris: quake });
    await a.runner.whenIdle();
    await setSetting('citation.style', 'pandoc');
    const done: string[] = [];
    const draft = copyDraft('quake-draft.md', 'safety-pandoc');
    const bib = vscode.Uri.joinPath(draft, '..', 'references.json');
    const doc = (await openDraft(draft)).document;
    await checked(a, doc);
    await oneUndoStep(doc, 'Insert Citation (pandoc)', () => vscode.commands.executeCommand<Outcome>('corroborate.insertCitation', { uri: draft, at: offsetOf(doc, 'Rescue teams dug'), source: 'daily.md' }), done);
    assert.ok(JSON.parse((await vscode.workspace.fs.readFile(bib)).toString()).some((e: { id: string }) => e.id === 'maros-daily-2031'), 'the bibliography was saved');
    await oneUndoStep(doc, 'Cite All Verified Quotes (pandoc)', () => vscode.commands.executeCommand<Outcome>('corroborate.citeAllVerifiedQuotes', { uri: draft }), done);
    const uncited = vscode.languages.getDiagnostics(draft).find((x) => x.code === 'citation/uncited');
    assert.ok(uncited);
    const fix = (await quickFixes(doc, uncited.range)).find((x) => x.title.startsWith('Cite '));
    assert.ok(fix?.command);
    await oneUndoStep(doc, fix.title, () => run<Outcome>(fix.command!), done);
    assert.equal(done.length, 3);
    await compareSeeds();
  });
});
