/**
 * Issue 6, "no script from a source ever runs", on the engine and the CLI: the hostile
 * fixture set (test/fixtures/hostile/, XSS filter-evasion payloads inside quotations, beside
 * names and figures, in front matter and page heads) is read and compared without an
 * exception, every span is an exact slice of its file, and the HTML and Markdown reports
 * carry every payload as text only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { compareSources, type SourceInput } from '../../src/core/compare/compareSources';
import { readSource } from '../../src/core/sources/readSource';
import { SourceError } from '../../src/core/text/decode';
import type { CompareResult } from '../../src/core/result';
import { escapeMarkdown } from '../../src/core/report/escape';
import { isFromWebview } from '../../src/shared/protocol';
import { hostileFiles } from '../fixtures/hostile/generate';
import { payloads } from '../fixtures/hostile/payloads';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'hostile', 'sources');
const CLI = join(ROOT, 'dist', 'cli.js');
const PAYLOADS = payloads();

function readAll(dir: string): { inputs: SourceInput[]; refused: string[] } {
  const inputs: SourceInput[] = [];
  const refused: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    try {
      inputs.push({ id: name, path: join(dir, name), read: readSource(name, readFileSync(join(dir, name))) });
    } catch (e) {
      assert.ok(e instanceof SourceError, `${name}: only a SourceError may be thrown, got ${String(e)}`);
      refused.push(`${name}: ${e.reason}`);
    }
  }
  return { inputs, refused };
}

/** Every span of the result is `raw.slice(start, end)` of its source's decoded text. */
function assertSpans(result: CompareResult, raw: Map<string, string>): number {
  let n = 0;
  const check = (source: string, start: number, end: number, text: string | undefined, what: string) => {
    const content = raw.get(source);
    assert.ok(content !== undefined, `${what}: unknown source ${source}`);
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= content.length, `${what}: ${start}..${end}`);
    if (text !== undefined) assert.equal(content.slice(start, end), text, what);
    n++;
  };
  for (const f of result.findings) for (const m of f.mentions) check(m.source, m.start, m.end, m.text, f.id);
  for (const p of result.passages) for (const m of p.members) check(m.source, m.start, m.end, m.text, p.id);
  for (const s of result.sources) for (const b of s.boilerplate) check(s.id, b.start, b.end, undefined, `${s.id} boilerplate`);
  return n;
}

test('the committed hostile files are what the generator makes, from well over 100 payloads', () => {
  assert.ok(PAYLOADS.length > 150, `${PAYLOADS.length} payloads`);
  assert.equal(new Set(PAYLOADS.map((p) => p.text)).size, PAYLOADS.length, 'payloads are distinct');
  const files = hostileFiles();
  assert.deepEqual(readdirSync(DIR).sort(), files.map((f) => f.name).sort());
  for (const f of files) assert.equal(readFileSync(join(DIR, f.name), 'utf8'), f.content, `${f.name} is up to date (npx tsx test/fixtures/hostile/generate.ts)`);
  const listed = JSON.parse(readFileSync(join(DIR, '..', 'payloads.json'), 'utf8')) as unknown;
  assert.deepEqual(listed, PAYLOADS);
  // Every payload is in some file (NUL ones in the file that must be refused), exactly as written.
  const all = files.map((f) => f.content).join('\n');
  for (const p of PAYLOADS) assert.ok(all.includes(p.text), p.id);
});

test('the engine reads and compares the hostile set: no exception, the NUL file refused, every span exact', () => {
  const { inputs, refused } = readAll(DIR);
  assert.deepEqual(refused, ['nul-bytes.txt: binary']);
  const result = compareSources(inputs);
  const raw = new Map(inputs.map((i) => [i.id, i.read.raw]));
  const spans = assertSpans(result, raw);
  assert.ok(spans > 100, `${spans} spans checked`);
  // The payloads really are inside what a reader sees: findings and passages.
  const inFindings = PAYLOADS.filter((p) => result.findings.some((f) => f.mentions.some((m) => m.text.includes(p.text))));
  const inPassages = PAYLOADS.filter((p) => result.passages.some((x) => x.members.some((m) => m.text.includes(p.text))));
  assert.ok(inFindings.length >= 30, `${inFindings.length} payloads inside findings`);
  assert.ok(inPassages.length >= 100, `${inPassages.length} payloads inside passages`);
  for (const kind of ['figure', 'name', 'quote'] as const) assert.ok(result.findings.some((f) => f.kind === kind), `${kind} findings`);
  assert.ok(result.findings.some((f) => f.verdict === 'differ'), 'differences');
  // Compared in reverse order: the same result.
  assert.deepEqual(compareSources([...inputs].reverse()), result);
});

test('every payload alone, NUL ones included, read as text, Markdown and HTML and compared: no exception, spans exact', () => {
  const sentence = (p: string) => `Mayor Helena Varga said “${p} the water rose 3 metres” on Tuesday, after 120 residents left.`;
  let compared = 0;
  for (const p of PAYLOADS) {
    const bodies: Record<string, string> = {
      'a.txt': sentence(p.text),
      'b.md': `---\ntitle: ${JSON.stringify(p.text)}\nurl: ${JSON.stringify(p.text)}\n---\n\n${sentence(p.text)}\n\n${p.text}\n`,
      'c.html': `<html><head><title>${p.text}</title></head><body><p>${sentence(p.text)}</p>${p.text}<p>${sentence(p.text)}</p></body></html>`,
    };
    const inputs: SourceInput[] = [];
    for (const [name, body] of Object.entries(bodies)) {
      // Bypasses the byte decoder (which refuses NUL) so the readers themselves meet NUL too.
      const read = name.endsWith('.md') ? require('../../src/core/sources/markdown').readMarkdown(body, [])
        : name.endsWith('.html') ? require('../../src/core/sources/html').readHtml(body, [])
          : require('../../src/core/sources/plainText').readPlainText(body, []);
      inputs.push({ id: name, path: name, read });
    }
    const result = compareSources(inputs);
    assertSpans(result, new Map(inputs.map((i) => [i.id, i.read.raw])));
    compared++;
  }
  assert.equal(compared, PAYLOADS.length);
});

test('CLI --html on the hostile set: no scripts, no handlers, no foreign elements, only http(s) links, strict CSP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-hostile-'));
  try {
    const out = join(dir, 'report.html');
    const r = spawnSync(process.execPath, [CLI, 'compare', DIR, '--html', out, '--all'], { encoding: 'utf8' });
    assert.equal(r.status, 3, `exit 3: the NUL file is refused, the rest compared\n${r.stderr}`);
    assert.match(r.stderr, /nul-bytes\.txt: binary file/);
    const html = readFileSync(out, 'utf8');
    const { document } = parseHTML(html);
    assert.equal(document.querySelectorAll('script, img, svg, math, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, base, link, video, audio, picture, source, style:not(head > style), template, details, marquee').length, 0);
    const metas = [...document.querySelectorAll('meta')].map((m) => (m.getAttribute('http-equiv') ?? m.getAttribute('name') ?? m.getAttribute('charset') ?? '').toLowerCase());
    assert.deepEqual(metas.sort(), ['content-security-policy', 'referrer', 'utf-8', 'viewport']);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src/);
    let attributes = 0;
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        attributes++;
        assert.ok(!a.name.toLowerCase().startsWith('on'), `${el.tagName} has ${a.name}`);
        assert.ok(!['style', 'src', 'srcdoc', 'formaction', 'action', 'background', 'xlink:href', 'ping'].includes(a.name.toLowerCase()), `${el.tagName} has ${a.name}`);
      }
    }
    assert.ok(attributes > 0);
    const links = [...document.querySelectorAll('a')];
    assert.ok(links.length >= 2, 'the https sources are links');
    for (const a of links) {
      assert.match(a.getAttribute('href')!, /^https?:\/\//);
      assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
    }
    // The non-http source urls are shown, as text.
    const text = document.body.textContent!;
    for (const u of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'file:///etc/passwd']) assert.ok(text.includes(u), u);
    // Payloads reach the report as words: every one quoted in a finding or passage is in its text.
    const json = JSON.parse(spawnSync(process.execPath, [CLI, 'compare', DIR, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout) as CompareResult;
    const shown = PAYLOADS.filter((p) => json.findings.some((f) => f.mentions.some((m) => m.text.includes(p.text)))
      // Passages only a copy shares with its original are left out of the report.
      || json.passages.some((x) => x.independentSources >= 2 && x.members.some((m) => m.text.includes(p.text))));
    assert.ok(shown.length >= 60, `${shown.length} payloads in findings or shown passages`);
    for (const p of shown) assert.ok(text.includes(p.text), `${p.id} appears as text in the report`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI --markdown on the hostile set: no raw HTML, no links but http(s), payloads read as written', () => {
  const r = spawnSync(process.execPath, [CLI, 'compare', DIR, '--markdown', '--all'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 3, r.stderr);
  const md = r.stdout;
  assert.doesNotMatch(md, /<(script|img|svg|iframe|a |meta|style|body|details|object|embed)/i, 'no raw tags in the file either');
  const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
  const nodes: Array<{ type: string; url?: string; value?: string; children?: unknown[] }> = [];
  const walk = (n: { type: string; children?: unknown[] }) => {
    nodes.push(n);
    for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
  };
  walk(tree);
  assert.equal(nodes.filter((n) => n.type === 'html').length, 0, 'no HTML nodes');
  for (const n of nodes.filter((x) => x.type === 'link' || x.type === 'image' || x.type === 'definition')) {
    assert.equal(n.type, 'link', 'no images or definitions');
    assert.match(n.url!, /^https?:\/\//, `link to ${n.url}`);
  }
  // Joined without a separator: GFM turns a payload's http:// address into a link, splitting its text.
  const text = nodes.filter((n) => n.type === 'text' || n.type === 'inlineCode').map((n) => n.value).join('');
  const json = JSON.parse(spawnSync(process.execPath, [CLI, 'compare', DIR, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout) as CompareResult;
  const quoted = PAYLOADS.filter((p) => json.findings.some((f) => f.mentions.some((m) => m.text.includes(p.text))));
  assert.ok(quoted.length >= 30);
  // Markdown folds a wording's whitespace; compare with whitespace folded the same way.
  const fold = (s: string) => s.replace(/\s+/g, ' ');
  for (const p of quoted) assert.ok(fold(text).includes(fold(p.text)), `${p.id} reads as written: ${p.text}`);
});

test('escapeMarkdown: an address in source text reaches a Markdown renderer escaped, so it never becomes a link', () => {
  const raw = 'see http://127.0.0.1:47391/x?a=<b>&c=1, www.example.org, mail@example.org and <https://example.net>';
  const out = escapeMarkdown(raw);
  // Renderers that link bare addresses from the raw Markdown (VS Code's marked, cmark-gfm's
  // `:` and `www.` triggers, markdown-it's linkify on text tokens) see none.
  assert.doesNotMatch(out, /(?<!\\):\/\/|\bwww\.|(?<!\\)@|<|>/);
  const nodes: Array<{ type: string; value?: string; children?: unknown[] }> = [];
  const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
    nodes.push(n);
    for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
  };
  walk(unified().use(remarkParse).parse(out));
  assert.equal(nodes.filter((n) => n.type === 'link' || n.type === 'html').length, 0);
  assert.equal(nodes.filter((n) => n.type === 'text').map((n) => n.value).join(''), raw, 'reads exactly as written');
});

test('the panel protocol: openUrl carries only a source id, cspViolation only strings; anything else is refused', () => {
  assert.ok(isFromWebview({ type: 'openUrl', source: 'daily-a.md' }));
  assert.ok(isFromWebview({ type: 'cspViolation', directive: 'script-src', blocked: 'inline', sample: '' }));
  for (const bad of [
    { type: 'openUrl' }, { type: 'openUrl', source: 1 }, { type: 'openUrl', url: 'javascript:alert(1)' },
    { type: 'cspViolation', directive: 'x', blocked: 'y' }, { type: 'cspViolation', directive: 1, blocked: 'y', sample: 'z' },
    { type: 'openExternal', url: 'https://example.org' }, null, 'openUrl',
  ]) assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
});
