import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdown } from '../../src/core/sources/markdown';
import { assertOffsets, rawOf } from './sourceAsserts';

const FIXTURE = join(__dirname, '..', 'fixtures', 'sources', 'article.md');

function read(raw: string) {
  const r = readMarkdown(raw, []);
  assertOffsets(r, { monotone: true });
  return r;
}

test('front matter gives the metadata and is not article text', () => {
  const r = read(readFileSync(FIXTURE, 'utf8'));
  assert.deepEqual(r.meta, {
    title: 'Ferry operator cuts sailings as fuel costs climb',
    outlet: 'Harbour Weekly',
    url: 'https://harbour-weekly.example/2024/06/ferry-cuts',
    date: '2024-06-03',
    author: 'Sam Whitfield, Ana Lopes',
  });
  assert.doesNotMatch(r.text, /Harbour Weekly|transport, ferries|---/);
  assert.ok(r.text.startsWith('Ferry operator cuts sailings as fuel costs climb\n'));
});

test('fixture: one block per line, markup removed, code and HTML left out', () => {
  const r = read(readFileSync(FIXTURE, 'utf8'));
  const lines = r.text.split('\n');
  assert.equal(lines[1], 'The Northport–Easton ferry will run 12 sailings a day from July, down from 18, the operator said on Monday. About 1,400 passengers use the route on a weekday.');
  assert.ok(lines.includes('What changes'));
  assert.ok(lines.includes('Last sailing moves from 23:00 to 21:30 (weekends unchanged)'));
  assert.ok(lines.includes('Season tickets stay at £85 a month'));
  assert.ok(lines.includes('Northport–Easton\t18\t12'), 'a table row is one line, cells split by tabs');
  assert.match(r.text, /Commuters' groups called the cut \*unacceptable\* and/);
  assert.match(r.text, /onto the Harbour Bridge, which/);
  assert.match(r.text, /under 7\.5\u00a0tonnes/);
  assert.match(r.text, /on 20 June\. A spokesperson/, 'a hard line break reads as a space');
  assert.match(r.text, /reviewed in October\.$/);
  assert.doesNotMatch(r.text, /renderTimetable|Advertisement|ferry\.jpg|Ferry at the quay|ledger\.example|The bridge"/);
});

test('fixture: entities and escapes point at their source', () => {
  const r = read(readFileSync(FIXTURE, 'utf8'));
  const pound = r.text.indexOf('£85');
  assert.equal(r.raw.slice(r.toRaw[pound], r.toRaw[pound] + 7), '&pound;');
  assert.equal(rawOf(r, pound, pound + 3), '&pound;85');
  const star = r.text.indexOf('*unacceptable*');
  assert.equal(r.raw[r.toRaw[star]], '*');
  assert.equal(r.raw[r.toRaw[star] - 1], '\\');
  const dash = r.text.indexOf('–Cray');
  assert.ok(r.raw.startsWith('&ndash;', r.toRaw[dash]));
});

test('emphasis, strong, links, images and inline code', () => {
  const raw = 'A *quick* __brown__ ~~red~~ [fox](https://x.example "t") ![jumps](a.png) over `the` dog.\n';
  const r = read(raw);
  assert.equal(r.text, 'A quick brown red fox over the dog.');
  const fox = r.text.indexOf('fox');
  assert.equal(rawOf(r, fox, fox + 3), 'fox');
  const the = r.text.indexOf('the');
  assert.equal(rawOf(r, the, the + 3), 'the');
});

test('soft line breaks read as one space; paragraphs and headings are lines', () => {
  const raw = 'Setext title\n============\n\nFirst line\nsecond line\n   third line.\n\n## Sub *head* ##\n\nNext para.\n';
  const r = read(raw);
  assert.equal(r.text, 'Setext title\nFirst line second line third line.\nSub head\nNext para.');
  assert.equal(r.meta.title, 'Setext title', 'first level-1 heading is the title');
});

test('ATX heading as title fallback, not a level-2 heading', () => {
  assert.equal(read('## Section\n\n# Real title\n\nText.\n').meta.title, 'Real title');
  assert.equal(read('Just text.\n').meta.title, undefined);
});

test('backslash escapes and character references map back to raw', () => {
  const raw = 'Tom \\& Jerry \\*not emphasis\\* &amp; AT&T &copy; &#8217;s &#x201C;x&#x201D; 1\\. 50\\% &nbsp;end &bogus; &copy\n';
  const r = read(raw);
  assert.equal(r.text, 'Tom & Jerry *not emphasis* & AT&T © ’s “x” 1. 50% \u00a0end &bogus; &copy');
  const x = r.text.indexOf('x”');
  assert.equal(r.raw[r.toRaw[x]], 'x');
  const close = r.text.indexOf('”');
  assert.ok(r.raw.startsWith('&#x201D;', r.toRaw[close]));
});

test('lists, nested lists and block quotes', () => {
  const raw = '- one\n- two\n  continued\n  - nested *deep*\n1. first\n2. second\n\n> quoted\n> text\n>\n> > inner\n';
  const r = read(raw);
  assert.equal(r.text, 'one\ntwo continued\nnested deep\nfirst\nsecond\nquoted text\ninner');
});

test('code blocks, HTML blocks, rules and definitions are left out', () => {
  const raw = 'Before.\n\n```\nconst x = 1;\n```\n\n    indented code\n\n<script>alert(1)</script>\n\n***\n\n[ref]: https://x.example\n\nAfter <span>inline</span> html.<br>Next.\n';
  const r = read(raw);
  assert.equal(r.text, 'Before.\nAfter inline html. Next.');
});

test('CRLF files', () => {
  const raw = '---\r\ntitle: T\r\n---\r\n# Head\r\n\r\nLine one\r\nline two.\r\n';
  const r = read(raw);
  assert.equal(r.meta.title, 'T');
  assert.equal(r.text, 'Head\nLine one line two.');
});

test('front matter field variants and bad YAML', () => {
  const a = read('---\npublisher: The Wire\nurl: https://w.example/a\nauthor: Jo Bloggs\ndate: "March 28, 2024"\n---\nText.\n');
  assert.deepEqual(a.meta, { outlet: 'The Wire', url: 'https://w.example/a', author: 'Jo Bloggs', date: 'March 28, 2024' });
  const b = read('---\nsite: Daily Example\n---\nText.\n');
  assert.equal(b.meta.outlet, 'Daily Example');
  const notes: string[] = [];
  const c = readMarkdown('---\ntitle: [unclosed\n---\nText.\n', notes);
  assert.equal(c.text, 'Text.');
  assert.match(notes.join(), /not valid YAML/);
  const d = read('---\n---\nOnly body.\n');
  assert.equal(d.text, 'Only body.');
});

test('GFM tables, task lists and footnotes', () => {
  const raw = '| a | b \\| c |\n|---|---|\n| 1 | **2** |\n\n- [x] done task\n\nClaim[^1].\n\n[^1]: A footnote.\n';
  const r = read(raw);
  assert.equal(r.text, 'a\tb | c\n1\t2\ndone task\nClaim.');
});
