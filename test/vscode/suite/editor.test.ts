/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, compareSeeds, markdownOf, openSeed, seed, seedId, setSetting, waitFor, workspaceDir } from './helpers';

async function hoverAt(uri: vscode.Uri, needle: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${uri.fsPath}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset + 2));
  return markdownOf(hovers ?? []);
}

describe('in an open source file', () => {
  before(async () => {
    await compareSeeds();
  });

  afterEach(async () => {
    await setSetting('highlight.kinds', undefined);
    await setSetting('highlight.agreements', undefined);
  });

  it('decorates differing names, figures and quotes, agreements, and boilerplate, at exactly the engine’s spans', async () => {
    const a = await api();
    const editor = await openSeed('000');
    const ranges = await waitFor('decorations on 000', () => a.decorations(editor.document.uri));
    const text = (r: vscode.Range) => editor.document.getText(r);
    assert.ok(ranges['differ-name'].map(text).includes('Vasily Nebenzya'), 'the differing spelling is marked');
    assert.ok(ranges['differ-figure'].length > 0, 'differing figures');
    assert.ok(ranges['agree'].length > 0, 'agreements, subtler');
    assert.ok(ranges.boilerplate.some((r) => text(r).includes('1,000 new members')), 'the membership appeal is dimmed');
    // Every decorated span is exactly a mention's text.
    const id = seedId('000');
    const mentions = a.store.model!.findings.flatMap((f) => f.mentions.filter((m) => m.source === id));
    const decorated = [...ranges['differ-name'], ...ranges['differ-figure'], ...ranges['differ-quote'], ...ranges.agree].map(text).sort();
    assert.deepEqual(decorated, mentions.map((m) => m.text).sort());
  });

  it('follows corroborate.highlight.kinds and corroborate.highlight.agreements', async () => {
    const a = await api();
    const editor = await openSeed('000');
    await setSetting('highlight.kinds', { figures: true, names: false, quotes: true });
    await setSetting('highlight.agreements', false);
    const ranges = await waitFor('names switched off', () => {
      const r = a.decorations(editor.document.uri);
      return r && r['differ-name'].length === 0 && r.agree.length === 0 && r;
    });
    assert.ok(ranges['differ-figure'].length > 0, 'figures still shown');
    assert.ok(ranges.boilerplate.length > 0, 'boilerplate still dimmed');
    assert.equal(await hoverAt(seed('000'), 'Nebenzya'), '', 'no hover for a kind that is switched off');
  });

  it('hovering “Nebenzya” in 000 shows the other spellings, with links that open them', async () => {
    const md = await hoverAt(seed('000'), 'Nebenzya');
    assert.match(md, /Name differs/);
    assert.match(md, /Vasily Nebenzia/);
    assert.match(md, /Vassily Nebenzia/);
    assert.ok(md.includes(seedId('001')) && md.includes(seedId('003')), 'names the other sources');
    assert.match(md, /copy of/, 'marks the copy');
    const links = [...md.matchAll(/\]\((command:[^)]+)\)/g)].map((m) => m[1]);
    assert.ok(links.length >= 2);
    for (const l of links) assert.match(l, /^command:corroborate\.openSourceAt\?/);
    // A link opens that source at that place.
    const args = JSON.parse(decodeURIComponent(links.find((l) => decodeURIComponent(l).includes(seedId('003')))!.replace(/^command:corroborate\.openSourceAt\?/, '')));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('corroborate.openSourceAt', ...args);
    assert.equal(editor?.document.uri.fsPath, seed('003').fsPath);
    assert.equal(editor?.document.getText(editor.selection), 'Vassily Nebenzia');
  });

  it('hover Markdown is trusted only for its own command, without HTML', async () => {
    const doc = await vscode.workspace.openTextDocument(seed('000'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed('000'), doc.positionAt(doc.getText().indexOf('Nebenzya') + 1));
    const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'isTrusted' in c && /Name differs/.test(c.value));
    assert.equal(ours.length, 1);
    const trusted = ours[0].isTrusted;
    assert.ok(trusted && typeof trusted === 'object', `isTrusted: ${JSON.stringify(trusted)}`);
    assert.deepEqual((trusted as { enabledCommands: string[] }).enabledCommands, ['corroborate.openSourceAt']);
    assert.ok(!ours[0].supportHtml);
  });

  it('offsets land right in files with a BOM and CRLF line ends', async () => {
    const a = await api();
    const dir = join(workspaceDir(), 'crlf');
    mkdirSync(dir, { recursive: true });
    const files = ['000', '001', '003'].map((p) => {
      const target = join(dir, `bom-crlf-${seedId(p)}`);
      const lf = readFileSync(seed(p).fsPath, 'utf8').replace(/\r\n/g, '\n');
      writeFileSync(target, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf.replace(/\n/g, '\r\n'), 'utf8')]));
      return vscode.Uri.file(target);
    });
    await vscode.commands.executeCommand('corroborate.compare', { uris: files });
    await a.runner.whenIdle();
    const model = a.store.model!;
    assert.equal(model.sources.length, 3);
    for (const uri of files) {
      const doc = await vscode.workspace.openTextDocument(uri);
      const source = model.sources.find((s) => s.path === uri.fsPath)!;
      assert.equal(doc.getText(), source.text, 'VS Code shows the decoded text without the BOM, CRLF kept');
      assert.ok(doc.getText().includes('\r\n'));
      for (const f of model.findings) {
        for (const m of f.mentions.filter((x) => x.source === source.id)) {
          assert.equal(doc.getText(new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))), m.text);
        }
      }
    }
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(files[0]));
    const ranges = await waitFor('decorations on the CRLF file', () => a.decorations(editor.document.uri));
    assert.ok(ranges['differ-name'].map((r) => editor.document.getText(r)).includes('Vasily Nebenzya'));
    await compareSeeds();
  });

  it('stops decorating a source while its text differs from what was compared (unsaved edit)', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a source' });
    await vscode.window.showTextDocument(doc);
    assert.equal(a.decorations(doc.uri), undefined, 'untitled documents are not sources');
    const editor = await openSeed('001');
    await waitFor('decorations on 001', () => a.decorations(editor.document.uri));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'X'));
    await waitFor('decorations cleared', () => a.decorations(editor.document.uri) === undefined);
    await vscode.commands.executeCommand('undo');
    await waitFor('decorations back', () => a.decorations(editor.document.uri));
    assert.equal(editor.document.isDirty, false, 'back to the saved text; nothing was saved');
  });
});
