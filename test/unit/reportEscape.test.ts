/**
 * Source files are hostile ground: whatever they contain must come out of every report as
 * text, never as markup, links, scripts or terminal control sequences.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { escapeHtml, escapeMarkdown, escapeTerminal, httpUrl, markdownCode } from '../../src/core/report/escape';
import { renderHtml } from '../../src/core/report/html';
import { renderMarkdown } from '../../src/core/report/markdown';
import { renderTerminal } from '../../src/core/report/terminal';
import type { CompareResult } from '../../src/core/result';
import { sampleResult, S000, S003 } from '../fixtures/sampleResult';

const MD_HOSTILE = '| <script>alert(1)</script> *x* [a](javascript:alert(1))';
const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(1)>';
const EVIL_ID = 'evil_<b>`id`</b>|.txt';

/** The sample with hostile strings in every field a source file can influence. */
function hostileResult(hostile: string): CompareResult {
  const r = sampleResult();
  const s0 = r.sources[0]!;
  Object.assign(s0, { title: `Title ${hostile}`, outlet: `Outlet ${hostile}`, date: hostile, notes: [hostile] });
  r.sources[3]!.url = 'javascript:alert(1)';
  r.sources.push({ id: EVIL_ID, path: EVIL_ID, title: hostile, url: `https://example.org/?q=${hostile}`,
    boilerplate: [], notes: [], sentences: 1 });
  r.findings.unshift({
    id: 'hostile', kind: 'quote', verdict: 'differ', detail: hostile, summary: `Summary ${hostile}`,
    importance: 1, independentSources: 2,
    mentions: [
      { source: S000, start: 0, end: hostile.length, text: hostile, label: hostile },
      { source: EVIL_ID, start: 0, end: hostile.length + 1, text: `${hostile}\n# forged heading` },
    ],
  });
  r.passages[0]!.members.push({ source: EVIL_ID, start: 0, end: hostile.length, text: hostile });
  r.problems.push({ path: hostile, reason: hostile, message: hostile });
  return r;
}

test('escapeHtml escapes the five characters that matter', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('escapeMarkdown leaves no markup, HTML or line breaks', () => {
  assert.equal(escapeMarkdown(MD_HOSTILE),
    '\\| &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[a\\](javascript:alert(1))');
  assert.equal(escapeMarkdown('# not a heading\n\n- nor a list'), '\\# not a heading - nor a list');
  assert.equal(escapeMarkdown('$1 and $2, ~~x~~, _y_, `z`, \\'), '\\$1 and \\$2, \\~\\~x\\~\\~, \\_y\\_, \\`z\\`, \\\\');
});

test('markdownCode: plain names as code, anything awkward as escaped text', () => {
  assert.equal(markdownCode('seeds/a_b.txt'), '`seeds/a_b.txt`');
  assert.equal(markdownCode('a`b|c'), 'a\\`b\\|c');
  assert.equal(markdownCode('<b>.txt'), '&lt;b&gt;.txt');
});

test('httpUrl accepts only http(s)', () => {
  assert.equal(httpUrl('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(httpUrl(' HTTP://Example.org '), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>',
    'file:///etc/passwd', 'vbscript:x', '//example.org', 'not a url', '', undefined]) {
    assert.equal(httpUrl(bad), undefined, String(bad));
  }
});

test('escapeTerminal removes escape sequences, bidi overrides and line breaks', () => {
  assert.equal(escapeTerminal('a\u001b[31mb\u009bc\u202ed\r\ne\u0007'), 'a\uFFFD[31mb\uFFFDc\uFFFDd e\uFFFD');
});

test('markdown: hostile source text renders as exactly that text', () => {
  const out = renderMarkdown(hostileResult(MD_HOSTILE));
  assert.ok(!out.includes('<script'));
  assert.ok(out.includes('\\| &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[a\\](javascript:alert(1))'));
  // Parse it as GitHub would: no HTML, no emphasis or links from the source, table shapes intact.
  const tree = unified().use(remarkParse).use(remarkGfm).parse(out);
  const nodes: Array<{ type: string; url?: string; children?: unknown[]; value?: string }> = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    nodes.push(n);
    for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
  };
  walk(tree);
  assert.equal(nodes.filter((n) => n.type === 'html').length, 0);
  for (const link of nodes.filter((n) => n.type === 'link')) assert.match(link.url!, /^https?:\/\//);
  const headings = out.split('\n').filter((l) => l.startsWith('#'));
  assert.ok(headings.every((l) => /^#{1,3} /.test(l)) && !headings.some((l) => l.includes('forged heading') && l.startsWith('# ')));
  for (const table of nodes.filter((n) => n.type === 'table') as Array<{ children: Array<{ children: unknown[] }> }>) {
    const width = table.children[0]!.children.length;
    for (const row of table.children) assert.equal(row.children.length, width);
  }
  const texts = nodes.filter((n) => n.type === 'text').map((n) => n.value).join('\n');
  assert.ok(texts.includes(`“${MD_HOSTILE}”`), 'the mention reads exactly as the source wrote it');
  assert.ok(!nodes.some((n) => n.type === 'emphasis' && JSON.stringify(n).includes('"x"')));
  // The javascript: URL of a source is text, not a link.
  assert.ok(!/(?<!\\)\]\(<?javascript:/i.test(out));
});

for (const hostile of [IMG, SVG, MD_HOSTILE]) {
  test(`html: hostile source text stays text: ${hostile}`, () => {
    const out = renderHtml(hostileResult(hostile));
    assert.doesNotMatch(out, /<img|<svg|<script/i);
    for (const tag of out.match(/<[^>]*>/g) ?? []) assert.doesNotMatch(tag, /\son\w+=|(href|src)="\s*javascript:/i, tag);
    const { document } = parseHTML(out);
    assert.equal(document.querySelectorAll('script, img, svg, iframe, object, embed').length, 0);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) assert.ok(!attr.name.startsWith('on'), `${el.tagName} ${attr.name}`);
    }
    const wordings = [...document.querySelectorAll('.wording')].map((e) => e.textContent);
    assert.ok(wordings.includes(`“${hostile}”`), 'the wording is shown exactly');
    assert.ok(document.body.textContent!.includes(`Title ${hostile}`));
  });
}

test('html: only http(s) source URLs become links, attribute-escaped, with rel noopener noreferrer', () => {
  const out = renderHtml(hostileResult(SVG));
  const { document } = parseHTML(out);
  const links = [...document.querySelectorAll('a')];
  assert.equal(links.length, 2);
  for (const a of links) {
    assert.match(a.getAttribute('href')!, /^https:\/\//);
    assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
  }
  assert.ok(!/href="[^"]*"[^>]*onload/i.test(out));
  const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent!.includes(S003))!;
  assert.ok(row.textContent!.includes('javascript:alert(1)'), 'shown as text');
  assert.equal(row.querySelector('a'), null);
});

test('terminal: control sequences from a source never reach the terminal', () => {
  const r = hostileResult('\u001b]0;pwned\u0007\u001b[2J');
  const out = renderTerminal(r, { color: false });
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const colored = renderTerminal(r, { color: true });
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(colored.replace(/\u001b\[[0-9;]*m/g, ''), /\u001b/);
});
