import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleMarkdown, escapeBlock, slugify, yamlString } from '../../src/extension/web/articleMarkdown';
import { checkUrl, fetchPage } from '../../src/extension/web/fetchPage';
import { readSource } from '../../src/core/sources/readSource';
import { parse as parseYaml } from 'yaml';

// The pieces of "Add Source → Web page" that need no VS Code: fetching within limits, and
// writing the article as Markdown that reads back as the same words.

test('articleMarkdown: front matter in order, YAML-safe, and the text reads back unchanged', () => {
  const hostile = [
    '# Not a heading',
    '> not a quote',
    '- not a list',
    '1. not numbered',
    'Stars *not emphasis* and _not either_, `no code`, [no](link), <script>alert(1)</script>, &amp; stays, AT&T too, ~~no~~.',
    'A line with a trailing backslash \\',
  ];
  const md = articleMarkdown(
    { title: 'He said: "no" — \u2028 #1', outlet: 'Outlet: The "Wire"', author: 'A. B.' },
    hostile.join('\n'),
    'https://www.example.org/a?b=1',
    new Date('2024-03-29T10:00:00Z'),
  );
  const front = /^---\n([\s\S]*?)\n---\n/.exec(md)![1];
  assert.deepEqual(front.split('\n').map((l) => l.split(':')[0]), ['title', 'outlet', 'url', 'author', 'retrieved-at']);
  assert.deepEqual(parseYaml(front), {
    title: 'He said: "no" — \u2028 #1',
    outlet: 'Outlet: The "Wire"',
    url: 'https://www.example.org/a?b=1',
    author: 'A. B.',
    'retrieved-at': '2024-03-29T10:00:00.000Z',
  });
  const read = readSource('a.md', new TextEncoder().encode(md));
  assert.deepEqual(read.text.split('\n'), hostile, 'the Markdown reader gets exactly the article text back');
  assert.equal(read.meta.title, 'He said: "no" — \u2028 #1');
  assert.equal(read.meta.outlet, 'Outlet: The "Wire"');
});

test('articleMarkdown: the host name stands in for a missing outlet', () => {
  const md = articleMarkdown({ title: 'T' }, 'Body.', 'https://www.example.org/x', new Date(0));
  assert.match(md, /^outlet: "example\.org"$/m);
  assert.match(md, /^url: "https:\/\/www\.example\.org\/x"$/m);
});

test('escapeBlock and yamlString', () => {
  assert.equal(escapeBlock('2024. A year'), '2024\\. A year');
  assert.equal(escapeBlock('-5 degrees'), '\\-5 degrees');
  assert.equal(escapeBlock('plain words, 3.5 million.'), 'plain words, 3.5 million.');
  assert.equal(yamlString('a\u2029b'), '"a\\u2029b"');
});

test('slugify: lower-case ASCII words, at most 60 characters, never empty', () => {
  assert.equal(slugify('Russia vetoes UN monitoring of North Korea sanctions'), 'russia-vetoes-un-monitoring-of-north-korea-sanctions');
  assert.equal(slugify('Ukraïna: Kuleba’s “guilty plea”'), 'ukraina-kuleba-s-guilty-plea');
  assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
  assert.equal(slugify('日本語'), 'article');
  assert.equal(slugify(undefined), 'article');
  const long = slugify('word '.repeat(30));
  assert.ok(long.length <= 60 && !long.endsWith('-') && long.startsWith('word-word'), long);
});

test('checkUrl: only http and https, without credentials', () => {
  assert.ok('url' in checkUrl('https://example.org/a#frag'));
  assert.equal((checkUrl('https://example.org/a#frag') as { url: URL }).url.href, 'https://example.org/a');
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://x/y', 'not a url', 'https://user:pw@example.org/']) {
    assert.ok('error' in checkUrl(bad), bad);
  }
});

let server: Server;
let base = '';
before(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>hello</p>');
        return;
      case '/redirect-file':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
        return;
      case '/slow':
        setTimeout(() => res.end('late'), 2000).unref();
        return;
      case '/declared-large':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) });
        res.write('x');
        return;
      case '/streamed-large': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let i = 0; i < 40; i++) res.write(chunk);
        res.end();
        return;
      }
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
        return;
      default:
        res.writeHead(500, 'Broken');
        res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('fetchPage: reads an HTML page', async () => {
  const page = await fetchPage(`${base}/ok`);
  assert.equal(new TextDecoder().decode(page.bytes), '<p>hello</p>');
  assert.equal(page.url, `${base}/ok`);
});

test('fetchPage: refuses what it should, saying why', async () => {
  const limits = { timeoutMs: 500, maxBytes: 1024 * 1024 };
  await assert.rejects(fetchPage(`${base}/redirect-file`, limits), /URL scheme must be a HTTP\(S\) scheme|redirected/);
  await assert.rejects(fetchPage(`${base}/slow`, limits), /did not answer within 1 s/);
  await assert.rejects(fetchPage(`${base}/declared-large`, limits), /larger than 1 MB/);
  await assert.rejects(fetchPage(`${base}/streamed-large`, limits), /larger than 1 MB/);
  await assert.rejects(fetchPage(`${base}/json`, limits), /not a web page \(application\/json\)/);
  await assert.rejects(fetchPage(`${base}/broken`, limits), /the server answered 500 Broken/);
  const abort = new AbortController();
  abort.abort();
  await assert.rejects(fetchPage(`${base}/ok`, { ...limits, signal: abort.signal }), /cancelled/);
});
