/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, compareSeeds, EXTENSION_ID, waitFor, workspaceDir } from '../suite/helpers';
import { checked, copyDraft, diagnosticOn, openDraft } from '../suite/draftHelpers';
import { TRUST_GRANTED_MESSAGE, UNTRUSTED_FETCH_MESSAGE } from '../../../src/extension/trust';

// Run by `npm run test:vscode:untrusted`: workspace trust on, the folder (a copy of seeds/)
// not trusted, so VS Code is in Restricted Mode. Corroborate must read, compare and check
// drafts as usual, and make no network request. The last test has the harness click "Trust"
// in the Workspace Trust editor, as a person would, and the fetch then works.

const PAGE = `<!doctype html><html><head><title>Trusted at last | Local Wire</title>
<meta property="og:title" content="Trusted at last"><meta property="og:site_name" content="Local Wire"></head><body><article><h1>Trusted at last</h1>
<p>The council voted thirteen to one on Thursday, and the ambassador said the panel had done its work for fifteen years.</p>
<p>Officials said the monitoring would continue in another form, without the panel and its reports.</p>
</article></body></html>`;

describe('Restricted Mode (an untrusted folder)', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  let folder: vscode.Uri;
  const outside = join(tmpdir(), `corroborate-outside-${process.pid}`, 'references.json');

  before(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    folder = vscode.Uri.file(join(workspaceDir(), 'web'));
    mkdirSync(folder.fsPath, { recursive: true });
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rmSync(join(outside, '..'), { recursive: true, force: true });
  });

  it('runs in an untrusted folder, and the extension activates there', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder is not trusted: this suite tests Restricted Mode');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
    await api();
    assert.ok(ext.isActive, 'active in Restricted Mode');
  });

  it('compares the seeds and opens the panel, whose page loads and says ready', async () => {
    const a = await compareSeeds();
    assert.ok(a.store.model!.findings.length > 0, 'findings');
    assert.ok(a.store.model!.findings.some((f) => f.verdict === 'differ'), 'differences among them');
    await vscode.commands.executeCommand('corroborate.showPanel');
    // The real page's script says `ready` (not faked here: webviews must work in Restricted Mode).
    const p = await waitFor('the panel page to say ready', () => a.panel()?.ready && a.panel(), 30_000);
    assert.ok(p.delivered.some((m) => m.type === 'model'), 'the model went to the page');
  });

  it('checks a draft against the sources', async () => {
    const a = await compareSeeds();
    const editor = await openDraft(copyDraft('veto-draft.md'));
    await checked(a, editor.document);
    const d = diagnosticOn(editor.document, 'a guilty admission.', 'quote/reworded');
    assert.ok(d, `the misquote is flagged; got ${vscode.languages.getDiagnostics(editor.document.uri).map((x) => x.code).join(', ')}`);
    assert.equal(d.source, 'Corroborate');
  });

  it('refuses Add Source → Web page with the reason, and makes no request at all', async () => {
    const a = await compareSeeds();
    const before = readdirSync(folder.fsPath).length;
    const added = await vscode.commands.executeCommand('corroborate.addSource', { url: `${base}/article`, folder });
    assert.equal(added, undefined);
    const error = await waitFor('the refusal', () => [...a.notifications].reverse().find((n) => n.level === 'error' && n.message === UNTRUSTED_FETCH_MESSAGE));
    assert.match(error.message, /needs a trusted workspace/);
    assert.equal(readdirSync(folder.fsPath).length, before, 'no file written');
    // The command settles only after the fetch it would make (it awaits the whole page), so a
    // request would already have reached this server, which runs in this process.
    assert.deepEqual(requests, [], 'the local server received no request');
    assert.equal(a.store.sourceSet.files.length, 5, 'the set is unchanged');
  });

  it('ignores the folder’s own corroborate.citation.bibliography (a path outside it) until trusted', async () => {
    const settingsDir = join(workspaceDir(), '.vscode');
    mkdirSync(settingsDir, { recursive: true });
    writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify({
      'corroborate.citation.bibliography': outside,
      'corroborate.drafts.debounceMs': 401, // not restricted: shows when the file has been read
    }, null, 2));
    const config = () => vscode.workspace.getConfiguration('corroborate');
    await waitFor('the folder settings read', () => config().get('drafts.debounceMs') === 401);
    assert.equal(config().get('citation.bibliography'), 'references.json', 'the restricted setting keeps its default');
  });

  it('once the folder is trusted, fetches the page (and the folder’s bibliography setting applies)', async function () {
    const request = process.env.CORROBORATE_TRUST_REQUEST;
    assert.ok(request, 'run by scripts/vscode/run-extension-tests.mjs --untrusted, which grants trust on request');
    const a = await api();
    const granted = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidGrantWorkspaceTrust(() => {
        sub.dispose();
        resolve();
      });
    });
    // There is no API to trust a folder: the harness clicks "Trust" in this editor, like a person.
    await vscode.commands.executeCommand('workbench.trust.manage');
    writeFileSync(request, 'trust\n');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);
    // The extension saw the grant: it says that web pages can be added now (one was refused above).
    await waitFor('the extension to notice the grant', () => a.notifications.some((n) => n.message === TRUST_GRANTED_MESSAGE));
    await waitFor('the restricted setting to apply', () => vscode.workspace.getConfiguration('corroborate').get('citation.bibliography') === outside);

    const added = await vscode.commands.executeCommand<vscode.Uri[]>('corroborate.addSource', { url: `${base}/article`, folder });
    assert.equal(added?.length, 1, `added: ${JSON.stringify(a.notifications.slice(-3))}`);
    assert.deepEqual(requests, ['GET /article'], 'one request, now');
    const text = readFileSync(added![0].fsPath, 'utf8');
    assert.match(text, /^title: "Trusted at last"$/m);
    assert.match(text, /The council voted thirteen to one on Thursday/);
    await a.runner.whenIdle();
  });
});
