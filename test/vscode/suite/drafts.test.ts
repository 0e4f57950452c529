/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/cite/textEdit';
import type { CorroborateTestApi } from '../../../src/extension/testApi';
import { compareSeeds, markdownOf, SEEDS, seed } from './helpers';
import { checked, copyDraft, diagnosticOn, openDraft, quickFixes, run } from './draftHelpers';

const { Warning, Information, Hint } = vscode.DiagnosticSeverity;

describe('checking a draft', () => {
  let a: CorroborateTestApi;
  let uri: vscode.Uri;

  before(async () => {
    a = await compareSeeds();
    uri = copyDraft('veto-draft.md');
  });

  async function draft(): Promise<{ editor: vscode.TextEditor; doc: vscode.TextDocument }> {
    const editor = await openDraft(uri);
    await checked(a, editor.document);
    return { editor, doc: editor.document };
  }

  /** The engine's result behind a published diagnostic with exactly this text. */
  function engineResult(doc: vscode.TextDocument, text: string, kind?: string) {
    const r = a.drafts.result(doc.uri);
    assert.ok(r && r.version === doc.version);
    const d = r.diagnostics.find((x) => x.text === text && (kind === undefined || x.kind === kind) && x.verdict !== 'agree');
    assert.ok(d, `an engine result on “${text}”`);
    return d;
  }

  it('shows each problem with the engine’s severity and range, source “Corroborate”, and the evidence in the sources', async () => {
    const { doc } = await draft();
    const text = doc.getText();
    const uncited = text.slice(text.indexOf('The move sparked'), text.indexOf('Ukraine.') + 'Ukraine.'.length);
    const expected: Array<[string, string, vscode.DiagnosticSeverity]> = [
      ['a guilty admission.', 'quote/reworded', Warning],
      ['Robert Wood', 'quote/different-speaker', Warning],
      ['We will never recognise the legitimacy of this panel,', 'quote/not-found', Warning],
      ['around 60 times', 'figure/conflict', Warning],
      ['Woodard', 'name/spelling', Warning],
      [uncited, 'citation/uncited', Hint],
      ['2009', 'figure/sources-disagree', Information],
      ['Nebenzia', 'name/sources-differ', Information],
    ];
    for (const [span, code, severity] of expected) {
      const d = diagnosticOn(doc, span, code);
      assert.ok(d, `${code} on “${span}”; got ${vscode.languages.getDiagnostics(doc.uri).map((x) => `${x.code} “${doc.getText(x.range)}”`).join(', ')}`);
      assert.equal(d.severity, severity, `${code} severity`);
      assert.equal(d.source, 'Corroborate');
    }
    // The evidence: where each source says it, as related information that opens the source there.
    const misquote = diagnosticOn(doc, 'a guilty admission.')!;
    assert.ok(misquote.message.includes('a guilty plea'));
    assert.ok((misquote.relatedInformation?.length ?? 0) >= 2);
    const seedPaths = new Set(SEEDS.map((p) => seed(p).fsPath));
    for (const rel of misquote.relatedInformation!) {
      assert.ok(seedPaths.has(rel.location.uri.fsPath), rel.location.uri.fsPath);
      const source = await vscode.workspace.openTextDocument(rel.location.uri);
      assert.equal(source.getText(rel.location.range), 'a guilty plea');
    }
  });

  it('stays quiet on correct statements, code, comments, link targets and footnote definitions; confirmed quotations are underlined, not squiggled', async () => {
    const { doc } = await draft();
    const text = doc.getText();
    const problems = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code !== 'citation/uncited');
    const quiet = [
      'A guilty plea,', 'deeply concerning.', 'This veto undermines the panel’s work,', 'Woodward said', 'at least 10 such cases',
      'over 3 million artillery shells', 'more than 1,000 containers', 'Kim Jong Un', 'Vasily Nebenzya', 'Joonkook Hwang',
      '"a guilty confession" in 1999', 'Nebenzyaa', 'An invented quote in a comment', 'Robert Woodd in 1998', 'https://press.un.org/en/2024/sc15637.doc.htm',
    ];
    for (const q of quiet) {
      const start = text.indexOf(q);
      assert.ok(start >= 0, q);
      const end = start + q.length;
      const hits = problems.filter((d) => doc.offsetAt(d.range.start) < end && doc.offsetAt(d.range.end) > start);
      assert.deepEqual(hits.map((d) => `${d.code} “${doc.getText(d.range)}”`), [], `quiet on “${q}”`);
    }
    assert.ok(vscode.languages.getDiagnostics(doc.uri).every((d) => !/confirmed/i.test(d.message)), 'confirmations are not problems');
    const underlined = (await waitForConfirmed(doc)).map((r) => doc.getText(r));
    for (const q of ['A guilty plea,', 'deeply concerning.', 'This veto undermines the panel’s work,']) assert.ok(underlined.includes(q), `${q} underlined: ${underlined.join(' | ')}`);
  });

  async function waitForConfirmed(doc: vscode.TextDocument): Promise<vscode.Range[]> {
    for (let i = 0; i < 100; i++) {
      const r = a.drafts.confirmed(doc.uri);
      if (r && r.length > 0) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
    return [];
  }

  it('the hover shows the evidence, escaped, with links that only open sources', async () => {
    const { doc } = await draft();
    const text = doc.getText();
    const hover = async (needle: string) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf(needle) + 2));
      return hovers ?? [];
    };
    const name = await hover('Woodard');
    const md = markdownOf(name);
    assert.match(md, /Spelt differently from the sources/);
    assert.match(md, /Barbara Woodward/);
    const links = [...md.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length >= 1);
    for (const l of links) assert.match(l, /^command:corroborate\.openSourceAt\?/);
    const ours = name.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c && /Spelt differently/.test(c.value));
    assert.equal(ours.length, 1);
    assert.deepEqual((ours[0].isTrusted as { enabledCommands: string[] }).enabledCommands, ['corroborate.openSourceAt']);
    assert.ok(!ours[0].supportHtml);
    // The link opens the source at the evidence.
    const args = JSON.parse(decodeURIComponent(links[0].replace(/^command:corroborate\.openSourceAt\?/, '')));
    const opened = await vscode.commands.executeCommand<vscode.TextEditor>('corroborate.openSourceAt', ...args);
    assert.equal(opened?.document.getText(opened.selection), 'Barbara Woodward');

    const confirmed = markdownOf(await hover('A guilty plea'));
    assert.match(confirmed, /Quotation confirmed/);
    assert.match(confirmed, /“a guilty plea”/);
    const reworded = markdownOf(await hover('guilty admission'));
    assert.match(reworded, /Draft → source: a guilty ~~admission~~ \*\*plea\*\*/, 'the word difference');
  });

  for (const [label, span, prefix] of [
    ['uses the source’s wording for a quotation', 'a guilty admission.', 'Use the source\'s wording'],
    ['uses the sources’ spelling for a name', 'Woodard', 'Spell it “Woodward”'],
    ['inserts the citation of an uncited sentence', 'The move sparked', 'Cite '],
  ] as const) {
    it(`the quick fix ${label}: one edit, one undo step`, async () => {
      const { doc } = await draft();
      const before = doc.getText();
      const d = vscode.languages.getDiagnostics(doc.uri).find((x) => doc.getText(x.range).startsWith(span));
      assert.ok(d, span);
      const fix = (await quickFixes(doc, d.range)).find((x) => x.title.startsWith(prefix));
      assert.ok(fix?.command, `a quick fix “${prefix}…”`);
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      const engine = engineResult(doc, doc.getText(d.range));
      const outcome = await run<{ status: string }>(fix.command);
      assert.equal(outcome?.status, 'applied');
      assert.equal(doc.getText(), applyEdits(before, engine.fixes!), 'exactly the engine’s edits');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one undo restores the exact text');
      await checked(a, doc);
    });
  }

  it('a quick fix is refused when the draft changed after the check', async () => {
    const { editor, doc } = await draft();
    const d = diagnosticOn(doc, 'Woodard')!;
    const fix = (await quickFixes(doc, d.range)).find((x) => x.title.startsWith('Spell it'));
    assert.ok(fix?.command);
    await editor.edit((e) => e.insert(doc.positionAt(0), 'X'));
    const changed = doc.getText();
    const outcome = await run<{ status: string }>(fix.command);
    assert.equal(outcome?.status, 'refused');
    assert.equal(doc.getText(), changed, 'nothing applied to the newer text');
    assert.match(a.notifications[a.notifications.length - 1]?.message ?? '', /was not applied: the draft changed since it was checked/);
    await vscode.commands.executeCommand('undo');
    await checked(a, doc);
  });

  it('Ignore this finding hides it across re-checks and edits, until the ignored findings are shown again', async () => {
    const { editor, doc } = await draft();
    const d = diagnosticOn(doc, 'Woodard', 'name/spelling')!;
    const ignore = (await quickFixes(doc, d.range)).find((x) => x.title.startsWith('Ignore this finding (“Woodard”)'));
    assert.ok(ignore?.command);
    await run(ignore.command);
    await waitForPublished(doc, (ds) => !ds.some((x) => doc.getText(x.range) === 'Woodard'));
    assert.ok(a.drafts.ignored().includes('name:spelling:woodard'));
    assert.ok(diagnosticOn(doc, 'around 60 times'), 'the other findings stay');
    // A re-check, and an edit elsewhere, keep it hidden (fingerprints, not offsets).
    await vscode.commands.executeCommand('corroborate.checkDraft', { uri: doc.uri });
    await editor.edit((e) => e.insert(doc.positionAt(0), '\n'));
    await checked(a, doc);
    assert.equal(diagnosticOn(doc, 'Woodard'), undefined);
    assert.ok(!markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('Woodard') + 2))).includes('Spelt differently'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(await vscode.commands.executeCommand('corroborate.clearIgnored'), 1);
    await checked(a, doc);
    await waitForPublished(doc, (ds) => ds.some((x) => doc.getText(x.range) === 'Woodard'));
    assert.deepEqual(a.drafts.ignored(), []);
  });

  async function waitForPublished(doc: vscode.TextDocument, ok: (ds: vscode.Diagnostic[]) => boolean): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (ok(vscode.languages.getDiagnostics(doc.uri))) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    assert.fail(`published diagnostics never matched: ${vscode.languages.getDiagnostics(doc.uri).map((x) => doc.getText(x.range)).join(', ')}`);
  }

  it('editing the draft while a check runs ends with the results of the edited text; the stale answer is dropped', async () => {
    const { editor, doc } = await draft();
    let reached!: (version: number) => void;
    const atGate = new Promise<number>((r) => (reached = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = false;
    a.drafts.setGate((u, version) => {
      if (u.toString() !== doc.uri.toString() || held) return Promise.resolve();
      held = true;
      reached(version);
      return released;
    });
    try {
      const checking = vscode.commands.executeCommand('corroborate.checkDraft', { uri: doc.uri });
      const version = await atGate;
      assert.equal(version, doc.version);
      const { dropped } = a.drafts.stats();
      // The journalist corrects the name while the check of the old text is in flight.
      const at = doc.getText().indexOf('Woodard');
      await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 7)), 'Woodward'));
      release();
      await checking;
      assert.equal(a.drafts.stats().dropped, dropped + 1, 'the answer for the old text is dropped, never published');
      const r = await checked(a, doc);
      assert.equal(r.version, doc.version);
      assert.ok(!r.diagnostics.some((d) => d.text === 'Woodard'), 'the corrected name is no longer reported');
      for (const p of a.drafts.published(doc.uri)) {
        const engine = r.diagnostics.find((d) => d.fingerprint === p.fingerprint)!;
        assert.equal(doc.getText(p.diagnostic.range), engine.text, 'every range fits the edited text');
      }
    } finally {
      a.drafts.setGate(undefined);
      release();
      await vscode.window.showTextDocument(doc);
      if (!doc.getText().includes('Woodard')) await vscode.commands.executeCommand('undo');
    }
    await checked(a, doc);
  });

  it('Check Draft refuses a source; with no editor open it checks every draft of the workspace from disk', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed('001')));
    const refused = await vscode.commands.executeCommand<{ status: string }>('corroborate.checkDraft');
    assert.equal(refused?.status, 'unavailable');
    assert.match(a.notifications[a.notifications.length - 1]?.message ?? '', /is one of the sources/);
    assert.equal(a.drafts.result(seed('001')), undefined, 'a source is never a draft');

    const { doc } = await draft();
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outcome = await vscode.commands.executeCommand<{ status: string; results: Array<{ uri: vscode.Uri; version: number }> }>('corroborate.checkDraft', { all: true });
    assert.equal(outcome?.status, 'checked');
    const mine = outcome.results.find((r) => r.uri.toString() === uri.toString());
    assert.ok(mine, 'the draft is among the workspace’s drafts');
    assert.ok(!outcome.results.some((r) => SEEDS.some((p) => seed(p).fsPath === r.uri.fsPath)), 'no source among them');
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.code === 'name/spelling'), 'its problems are listed though it is closed');
  });
});
