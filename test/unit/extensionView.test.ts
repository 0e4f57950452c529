import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewModel } from '../../src/core/view/buildView';
import { readPlainText } from '../../src/core/sources/plainText';
import type { ViewModel } from '../../src/core/view/viewModel';
import { hoverContent } from '../../src/extension/editor/hoverContent';
import { decorationSpans } from '../../src/extension/editor/decorationSpans';
import { commandLink } from '../../src/extension/editor/commandLink';
import { panelHtml } from '../../src/extension/panel/panelHtml';
import { SEEDS_DIR } from '../helpers';

// What the editor shows, computed from the store's model without VS Code: hovers (with
// hostile text), decorations, command links, the panel's page.

const ALL = { kinds: { figure: true, name: true, quote: true }, agreements: true };
let cached: ViewModel | undefined;
const seeds = () =>
  (cached ??= buildViewModel(readdirSync(SEEDS_DIR).map((f) => ({ id: f, path: join(SEEDS_DIR, f), read: readPlainText(readFileSync(join(SEEDS_DIR, f), 'utf8')) }))));

test('hover at “Nebenzya” in 000: the finding and every other source’s spelling, with open links', () => {
  const m = seeds();
  const src = m.sources[0];
  const at = src.text.indexOf('Nebenzya');
  const h = hoverContent(m, src.id, at, ALL)!;
  assert.equal(src.text.slice(h.start, h.end), 'Vasily Nebenzya');
  assert.deepEqual(hoverContent(m, src.id, h.end, ALL), h, 'a keyboard cursor just after the name is on it');
  assert.match(h.markdown, /^\*\*Name differs\*\* \(spelling\)/);
  assert.match(h.markdown, /“Vasily Nebenzia”/);
  assert.match(h.markdown, /“Vassily Nebenzia”/);
  assert.match(h.markdown, /copy of `000_402ccf39631b1114\.txt`/);
  assert.ok(!h.markdown.includes(`\`${src.id}\`:`), 'not its own source');
  assert.equal(hoverContent(m, src.id, at, { ...ALL, kinds: { ...ALL.kinds, name: false } }), undefined);
  assert.equal(hoverContent(m, src.id, 0, ALL), undefined, 'nothing on boilerplate');
});

test('hover text from a hostile source cannot inject Markdown, HTML or links', () => {
  const evil = 'Nebenzia](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** $(alert)';
  const model: ViewModel = {
    version: 1,
    sources: [
      { id: 'a.txt', path: '/a.txt', title: 'A', text: 'Vasily Nebenzya said', boilerplate: [], notes: [] },
      { id: 'b](x).txt', path: '/b.txt', title: 'B', outlet: '<b>Outlet</b>', text: evil, boilerplate: [], notes: [] },
    ],
    rows: [],
    duplicates: [],
    problems: [],
    findings: [{
      id: 'name-1', kind: 'name', verdict: 'differ', detail: 'spelling<br>', summary: 'a [link](https://evil) summary', importance: 1, independentSources: 2,
      mentions: [{ source: 'a.txt', start: 0, end: 15, text: 'Vasily Nebenzya' }, { source: 'b](x).txt', start: 0, end: evil.length, text: evil, label: '<i>x</i>' }],
    }],
  };
  const h = hoverContent(model, 'a.txt', 3, ALL)!;
  // Code spans (`b](x).txt`) are text; outside them, an unescaped "](" is a link.
  const links = [...h.markdown.replace(/`[^`\n]*`/g, '').matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((x) => x[1]);
  assert.equal(links.length, 1, `one link only: ${links.join(' | ')}`);
  assert.match(links[0], /^command:corroborate\.openSourceAt\?[^()\s]+$/);
  assert.doesNotMatch(h.markdown, /<img|<b>|<i>|<br>/);
  assert.match(h.markdown, /\\\*\\\*bold\\\*\\\*/);
  const args = JSON.parse(decodeURIComponent(links[0].slice('command:corroborate.openSourceAt?'.length)));
  assert.deepEqual(args, [{ source: 'b](x).txt', path: '/b.txt', start: 0, end: evil.length, text: evil }]);
});

test('commandLink encodes what would end a Markdown link', () => {
  assert.equal(commandLink('x.y', [{ a: "(')!*" }]), 'command:x.y?%5B%7B%22a%22%3A%22%28%27%29%21%2A%22%7D%5D');
});

test('decorations: differences by kind, agreements, boilerplate; settings switch them off', () => {
  const m = seeds();
  const src = m.sources[0];
  const d = decorationSpans(m, src.id, ALL);
  const texts = (k: keyof typeof d) => d[k].map((r) => src.text.slice(r.start, r.end));
  assert.ok(texts('differ-name').includes('Vasily Nebenzya'));
  assert.ok(d['differ-figure'].length > 0 && d.agree.length > 0);
  assert.ok(texts('boilerplate').some((t) => t.includes('1,000 new members')));
  const off = decorationSpans(m, src.id, { kinds: { figure: false, name: true, quote: true }, agreements: false });
  assert.deepEqual([off['differ-figure'].length, off.agree.length], [0, 0]);
  assert.deepEqual(off['differ-name'], d['differ-name']);
  assert.deepEqual(decorationSpans(m, 'no-such-source', ALL).boilerplate, []);
});

test('the panel page: strict CSP with the nonce, one script, assets as given', () => {
  const html = panelHtml({ cspSource: 'https://x.vscode-cdn.net', css: 'https://a/webview.css', codicons: 'https://a/codicon.css', script: 'https://a/webview.js?"><script>' }, 'N0nce');
  assert.ok(html.includes(`content="default-src 'none'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:; script-src 'nonce-N0nce';"`));
  assert.ok(html.includes('<div id="app"></div>'));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'an attribute cannot smuggle in a second script');
  assert.ok(html.includes('<script nonce="N0nce" src="https://a/webview.js?&quot;&gt;&lt;script&gt;"></script>'));
});
