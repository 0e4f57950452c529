/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareSeeds, waitFor, workspaceDir } from './helpers';

const PARAGRAPHS = [
  'Russia on Thursday vetoed the renewal of the United Nations panel of experts that monitors sanctions against North Korea, a move diplomats said would leave the sanctions regime without its eyes and ears.',
  'Russian Ambassador Vasily Nebenzia told the Security Council that the panel had been "reduced to playing into the hands of Western approaches" and that its reports were biased.',
  'The panel, created in 2009, has reported on sanctions evasion for fifteen years. Thirteen members of the council voted in favour; China abstained.',
  'South Korea called the veto an "irresponsible decision" and said it would work with partners to keep monitoring North Korea <without> the panel & its reports.',
];

const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Russia vetoes UN monitoring of North Korea sanctions | Test Wire</title>
<meta property="og:title" content="Russia vetoes UN monitoring of North Korea sanctions">
<meta property="og:site_name" content="Test Wire">
<meta name="author" content="Jane Correspondent">
<meta property="article:published_time" content="2024-03-28T18:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Russia vetoes UN monitoring of North Korea sanctions</h1>
${PARAGRAPHS.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`).join('\n')}
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>`;

describe('Add Source from a web page', () => {
  let server: Server;
  let base = '';
  let folder: vscode.Uri;
  const hits: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(ARTICLE);
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/article' });
        res.end();
      } else if (req.url === '/data.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.7');
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: the limit applies while reading
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const push = () => {
          while (sent < 7 && res.write(chunk)) sent++;
          if (sent >= 7) res.end();
          else res.once('drain', push);
        };
        res.on('error', () => undefined);
        push();
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    folder = vscode.Uri.file(join(workspaceDir(), 'web'));
    mkdirSync(folder.fsPath, { recursive: true });
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('fetches the page, saves the article as Markdown with front matter, and adds it to the set', async () => {
    const a = await compareSeeds();
    const added = await vscode.commands.executeCommand<vscode.Uri[]>('corroborate.addSource', { url: `${base}/moved`, folder });
    assert.equal(added?.length, 1);
    const file = added![0].fsPath;
    assert.equal(file, join(folder.fsPath, 'russia-vetoes-un-monitoring-of-north-korea-sanctions.md'));
    const text = readFileSync(file, 'utf8');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    assert.match(front, /^title: "Russia vetoes UN monitoring of North Korea sanctions"$/m);
    assert.match(front, /^outlet: "Test Wire"$/m);
    assert.match(front, new RegExp(`^url: "${base}/article"$`, 'm'), 'the address after the redirect');
    assert.match(front, /^date: "2024-03-28/m);
    assert.match(front, /^author: "Jane Correspondent"$/m);
    const retrieved = /^retrieved-at: "([^"]+)"$/m.exec(front)?.[1];
    assert.ok(retrieved && Math.abs(Date.parse(retrieved) - Date.now()) < 120_000, `retrieved-at is now: ${retrieved}`);
    assert.ok(!/Subscribe to our newsletter|World/.test(text.slice(front.length)), 'page furniture left out');
    assert.match(text, /\\<without> the panel & its reports/, 'markup-like text escaped, as text');
    await a.runner.whenIdle();
    const source = a.store.sourceByPath(file)!;
    assert.ok(source, 'the new file is compared');
    assert.equal(source.outlet, 'Test Wire');
    // Read back, the article says exactly what the page said.
    const body = readBack(source.text);
    for (const p of PARAGRAPHS) assert.ok(body.includes(p), `${p.slice(0, 40)}… in ${body}`);
  });

  it('never overwrites: the same page again is saved under a new name', async () => {
    const a = await compareSeeds();
    const first = readdirSync(folder.fsPath).length;
    const added = await vscode.commands.executeCommand<vscode.Uri[]>('corroborate.addSource', { url: `${base}/article`, folder });
    assert.match(added![0].fsPath, /russia-vetoes-un-monitoring-of-north-korea-sanctions-2\.md$/);
    assert.equal(readdirSync(folder.fsPath).length, first + 1);
    await a.runner.whenIdle();
  });

  it('refuses what is not an http(s) web page within the limits, saying why', async () => {
    const a = await compareSeeds();
    const before = readdirSync(folder.fsPath).length;
    const cases: Array<[string, RegExp]> = [
      [`${base}/data.pdf`, /not a web page \(application\/pdf\)/],
      [`${base}/missing`, /the server answered 404/],
      [`${base}/huge`, /larger than 5 MB/],
      ['file:///etc/passwd', /Only http and https/],
      ['ftp://127.0.0.1/x', /Only http and https/],
    ];
    for (const [url, reason] of cases) {
      const added = await vscode.commands.executeCommand('corroborate.addSource', { url, folder });
      assert.equal(added, undefined, url);
      const error = await waitFor(`an error for ${url}`, () => [...a.notifications].reverse().find((n) => n.level === 'error' && reason.test(n.message)));
      assert.ok(error);
    }
    assert.equal(readdirSync(folder.fsPath).length, before, 'no file written');
    assert.equal(a.store.model!.sources.length, 5);
  });
});

/** The saved Markdown with its backslash escapes resolved, as the Markdown reader reads it. */
function readBack(raw: string): string {
  return raw.replace(/\\([\\`*_[\]<>~&#+=.)-])/g, '$1');
}
