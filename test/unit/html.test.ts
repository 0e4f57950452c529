import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickBlocks, readHtml } from '../../src/core/sources/html';
import { indexHtmlText } from '../../src/core/sources/htmlText';
import { SourceError } from '../../src/core/text/decode';
import { assertOffsets, rawOf } from './sourceAsserts';

const FIXTURE = join(__dirname, '..', 'fixtures', 'sources', 'article.html');
const page = readFileSync(FIXTURE, 'utf8');

function read(raw: string) {
  const notes: string[] = [];
  const r = readHtml(raw, notes);
  assertOffsets(r, { monotone: true });
  return r;
}

test('article page: the story comes out, one block per line', () => {
  const r = read(page);
  const lines = r.text.split('\n');
  assert.equal(lines[0], 'Council approves £48m harbour bridge repair after years of delay');
  assert.equal(lines[1].slice(0, 60), 'Northport councillors voted 31 to 9 on Tuesday night to fund');
  assert.ok(lines.includes('How the money will be raised'));
  assert.ok(lines.includes('Full closure for 10 weeks in summer 2025'), 'list items are lines');
  assert.ok(lines.includes('A free shuttle bus & ferry discount for residents of the east bank'));
  assert.match(r.text, /“This is the most important decision this council will take for a generation,” said the council’s leader, Margaret Okafor\./);
  assert.match(r.text, /“The hangers are the problem, not the deck\./, 'block quotes are kept');
  assert.match(r.text, /who have the longest detours/, 'inline markup is dropped without losing spaces');
  assert.match(r.text, /runs a café by the quay/);
  assert.match(r.text, /March\u00a02025/, 'a non-breaking space stays one (repair turns it into a space)');
  assert.ok(lines[lines.length - 1].startsWith('A final design is expected'));
});

test('article page: navigation, furniture, scripts, styles and comments stay out', () => {
  const r = read(page);
  for (const furniture of [
    'Sport', 'Business', 'Trending', 'Ferry timetable cut', 'Related stories', 'Join 12,000 readers', 'Sign up',
    'All rights reserved', 'Privacy', 'dataLayer', 'renderAd', 'font-family', 'ad slot', 'Site header', 'Your email',
  ]) {
    assert.ok(!r.text.includes(furniture), `"${furniture}" is not article text`);
  }
  assert.equal(r.text.split('Council approves £48m').length, 2, 'the headline appears once');
});

test('article page: metadata from Open Graph, canonical link and byline', () => {
  const r = read(page);
  assert.deepEqual(r.meta, {
    title: 'Council approves £48m harbour bridge repair after years of delay',
    outlet: 'The Northport Ledger',
    url: 'https://ledger.example/news/harbour-bridge-repair',
    date: '2024-05-14',
    author: 'Priya Raman',
  });
});

test('article page: offsets land in the article body, not in the head, nav or JSON-LD', () => {
  const r = read(page);
  const h1 = page.indexOf('<h1');
  assert.ok(r.toRaw[0] > h1 && r.toRaw[0] < page.indexOf('</h1>'), 'headline maps to the <h1>, not <title> or the trending link');
  const first = r.text.indexOf('Northport councillors voted');
  assert.ok(r.toRaw[first] > page.indexOf('story-body'), 'first paragraph maps to the body, not the JSON-LD copy');
  assert.equal(rawOf(r, first, first + 27), 'Northport councillors voted');
  const quote = r.text.indexOf('“This is');
  assert.ok(page.startsWith('&#8220;This is', r.toRaw[quote]));
  const pound = r.text.indexOf('£31m');
  assert.equal(rawOf(r, pound, pound + 4), '&pound;31m');
  const nbsp = r.text.indexOf('\u00a02025');
  assert.ok(page.startsWith('&nbsp;2025', r.toRaw[nbsp]));
  const cafe = r.text.indexOf('café');
  assert.ok(page.startsWith('caf&eacute;', r.toRaw[cafe]));
  assert.equal(r.toRaw[cafe + 3], r.toRaw[cafe] + 3, 'é points at the & of &eacute;');
});

test('fragments, <br>, tables and legacy entities', () => {
  const r = read('<p>Tom &amp; Jerry&nbsp;went<br>home &copy2024 &notit; &#x27;ok&#39; &#x1F600;!</p><table><tr><th>Route</th><td>Before</td></tr><tr><td>A&ndash;B</td><td>18</td></tr></table>');
  assert.equal(r.text, 'Tom & Jerry\u00a0went home ©2024 ¬it; \'ok\' 😀!\nRoute\tBefore\nA–B\t18');
  const emoji = r.text.indexOf('😀');
  assert.equal(r.toRaw[emoji], r.toRaw[emoji + 1], 'both halves of a surrogate pair point at the reference');
  assert.equal(r.raw[r.toRaw[emoji + 2]], '!');
});

test('pages without <html> or <body> are still read', () => {
  assert.equal(read('<html><head><title>T</title></head><p>Text one.</p></html>').text, 'Text one.');
  assert.equal(read('<head><title>T</title></head><body><p>Four.</p></body>').text, 'Four.');
  assert.equal(read('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Five.</p></body></html>').text, 'Five.');
});

test('short pages keep their text, without the navigation', () => {
  const r = read('<html><body><nav><a href="/">Home</a> <a href="/n">News</a></nav><p>Short note about the 3 ferries.</p><footer>(c) Ledger</footer></body></html>');
  assert.equal(r.text, 'Short note about the 3 ferries.');
});

test('hidden elements are not text', () => {
  const r = read('<html><body><p>Shown.</p><div hidden><p>Secret one.</p></div><p style="display: none">Secret two.</p></body></html>');
  assert.equal(r.text, 'Shown.');
});

test('a page with no text is an empty source', () => {
  assert.throws(
    () => readHtml('<html><head><title>x</title></head><body> <script>var s = "text";</script> </body></html>', []),
    (e: unknown) => e instanceof SourceError && e.reason === 'empty',
  );
});

test('without an article, the whole page is read and a note says so', () => {
  const block = (text: string) => ({ pieces: [{ text }] });
  const pageBlocks = [block('A'.repeat(300)), block('B'.repeat(300))];
  const notes: string[] = [];
  assert.equal(pickBlocks(null, pageBlocks, notes), pageBlocks);
  assert.match(notes[0], /no article found/);
  const short = [block('Tiny.')];
  assert.equal(pickBlocks(short, pageBlocks, notes), pageBlocks);
  assert.match(notes[1], /very short/);
  assert.equal(pickBlocks(short, [block('Tiny.'), block('x')], []), short);
});

test('the raw text index skips markup and decodes references', () => {
  const raw = '<p class="a>b" title=\'x > y\'>A&amp;B<!-- c --> <script>if (a<b) x()</script>C&#8217;<![CDATA[ x > y ]]></p>';
  const idx = indexHtmlText(raw);
  assert.equal(idx.text, 'A&B C’');
  assert.equal(raw[idx.start[0]], 'A');
  assert.equal(raw.slice(idx.start[1], idx.end[1]), '&amp;');
  assert.equal(idx.compact, 'A&BC’');
});

test('Readability + linkedom cost per page stays small', () => {
  readHtml(page, []);
  const runs = 20;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) readHtml(page, []);
  const perPage = (performance.now() - t0) / runs;
  // Measured at about 3–5 ms on the 2-core CI machine; the bound only catches a blow-up.
  assert.ok(perPage < 250, `readHtml took ${perPage.toFixed(1)} ms per page`);
});
