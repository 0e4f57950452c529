import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleMarkdown, escapeBlock, slugify, yamlString } from '../../src/extension/web/articleMarkdown';
import { addressClass, checkUrl, fetchPage, MAX_REDIRECTS, redirectTarget } from '../../src/extension/web/fetchPage';
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
const seen: Array<{ method: string; headers: Record<string, string | string[] | undefined> }> = [];
before(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/headers') seen.push({ method: req.method ?? '', headers: req.headers });
    switch (req.url?.replace(/\?.*$/, '')) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>hello</p>');
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      case '/hop':
        res.writeHead(301, { location: `/hop${Number(new URL(req.url!, base).searchParams.get('n') ?? 0) + 1 < MAX_REDIRECTS ? `?n=${Number(new URL(req.url!, base).searchParams.get('n') ?? 0) + 1}` : '-done'}` });
        res.end();
        return;
      case '/hop-done':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>arrived</p>');
        return;
      case '/headers':
        seen.push({ method: req.method ?? '', headers: req.headers });
        res.writeHead(302, { location: '/ok', 'set-cookie': 'tracker=1; Path=/' });
        res.end();
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

test('fetchPage: follows at most MAX_REDIRECTS redirects, each checked', async () => {
  const limits = { timeoutMs: 5000, maxBytes: 1024 * 1024 };
  const page = await fetchPage(`${base}/hop`, limits);
  assert.equal(new TextDecoder().decode(page.bytes), '<p>arrived</p>');
  assert.equal(page.url, `${base}/hop-done`);
  const before = seen.length;
  await assert.rejects(fetchPage(`${base}/loop`, limits), new RegExp(`too many redirects \\(more than ${MAX_REDIRECTS}\\)`));
  assert.equal(seen.length - before, MAX_REDIRECTS + 1, 'the first request and MAX_REDIRECTS redirects, then it stops');
});

test('fetchPage: what the request carries — GET, our User-Agent, no cookie sent back after a redirect, no Referer, no credentials', async () => {
  seen.length = 0;
  await fetchPage(`${base}/headers`);
  assert.equal(seen.length, 2);
  for (const { method, headers } of seen) {
    assert.equal(method, 'GET');
    assert.equal(headers['user-agent'], 'Corroborate (VS Code extension)');
    assert.equal(headers.accept, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1');
    for (const absent of ['cookie', 'referer', 'authorization', 'origin']) assert.equal(headers[absent], undefined, absent);
  }
});

test('redirectTarget: http(s) only, no credentials, never towards a more private address', () => {
  const pub = new URL('https://news.example.org/a');
  const ok = redirectTarget(pub, '/b?c=1#frag');
  assert.ok('url' in ok && ok.url.href === 'https://news.example.org/b?c=1');
  assert.ok('url' in redirectTarget(pub, 'http://other.example.com/x'), 'to another public host, also from https to http');
  for (const [location, reason] of [
    ['file:///etc/passwd', /file: address/],
    ['javascript:alert(1)', /javascript: address/],
    ['https://user:pw@example.com/', /user name or password/],
    ['http://127.0.0.1:8080/admin', /from a public address to a this-computer one/],
    ['http://localhost/', /this-computer/],
    ['http://[::1]/', /this-computer/],
    ['http://[::ffff:127.0.0.1]/', /this-computer/],
    ['http://2130706433/', /this-computer/],
    ['http://0x7f.1/', /this-computer/],
    ['http://192.168.1.1/reboot', /from a public address to a local-network one/],
    ['http://169.254.169.254/latest/meta-data/', /local-network/],
    ['http://10.0.0.5/', /local-network/],
    ['http://router/', /local-network/],
    ['http://printer.local/', /local-network/],
    ['http://[fd00::1]/', /local-network/],
  ] as const) {
    const r = redirectTarget(pub, location);
    assert.ok('error' in r && reason.test(r.error), `${location}: ${JSON.stringify(r)}`);
  }
  // Asked for a local address on purpose, its redirects within the same or a less private class are fine.
  assert.ok('url' in redirectTarget(new URL('http://127.0.0.1:3000/a'), 'http://localhost:3000/b'));
  assert.ok('url' in redirectTarget(new URL('http://192.168.1.2/a'), 'https://news.example.org/'));
  assert.ok('error' in redirectTarget(new URL('http://192.168.1.2/a'), 'http://127.0.0.1/'));
});

test('addressClass', () => {
  assert.equal(addressClass('example.org'), 'public');
  assert.equal(addressClass('8.8.8.8'), 'public');
  assert.equal(addressClass('172.32.0.1'), 'public');
  assert.equal(addressClass('172.16.0.1'), 'local-network');
  assert.equal(addressClass('100.64.0.1'), 'local-network');
  assert.equal(addressClass('[2001:db8::1]'), 'public');
  assert.equal(addressClass('[fe80::1]'), 'local-network');
  assert.equal(addressClass('LOCALHOST.'), 'this-computer');
  assert.equal(addressClass('app.localhost'), 'this-computer');
  assert.equal(addressClass('0.0.0.0'), 'this-computer');
});
