/// <reference types="mocha" />
/**
 * Issue 6, "no script from a source ever runs", inside a real VS Code: the hostile fixture
 * set (test/fixtures/hostile/sources, XSS payloads in quotations, beside names and figures,
 * in front matter) is compared; hovers, tree items and decorations carry the payloads only as
 * escaped text; a source's web address opens only as http(s) and only after confirmation.
 * Runs last: it adds a folder to the workspace and removes it afterwards.
 */
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { api, EXTENSION_ID, waitFor, workspaceDir } from './helpers';
import { SourceHoverProvider } from '../../../src/extension/editor/hoverProvider';
import { hoverContent } from '../../../src/extension/editor/hoverContent';
import type { UrlOpener } from '../../../src/extension/panel/sourceUrl';
import type { ViewModel } from '../../../src/core/view/viewModel';

const OPEN_SOURCE_AT = 'corroborate.openSourceAt';
let dir = '';
let files: vscode.Uri[] = [];

interface MdNode { type: string; url?: string; value?: string; children?: MdNode[] }

function mdNodes(markdown: string): MdNode[] {
  const out: MdNode[] = [];
  const walk = (n: MdNode) => {
    out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  // CommonMark: hovers hold no tables, and GFM's own autolinks are ruled out by the raw check below.
  walk(unified().use(remarkParse).parse(markdown) as unknown as MdNode);
  return out;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A hover's Markdown is safe when it has no HTML, its only links run corroborate.openSourceAt
 * with JSON arguments, and each of `texts` reads in it exactly as written.
 */
function assertSafeMarkdown(markdown: string, texts: string[], where: string): void {
  const nodes = mdNodes(markdown);
  assert.equal(nodes.filter((n) => n.type === 'html').length, 0, `${where}: no HTML`);
  // VS Code renders hovers with marked (GFM), which links bare addresses found in the raw
  // Markdown: every `://`, `www.` and `@` from a source must reach it escaped.
  const bare = markdown.replace(/\]\(command:[^)\s]*\)/g, '').match(/(?<!\\):\/\/|\bwww\.|(?<!\\)@/gi);
  assert.equal(bare, null, `${where}: an address a renderer would link:\n${markdown}`);
  assert.equal(nodes.filter((n) => n.type === 'image' || n.type === 'definition').length, 0, `${where}: no images or definitions`);
  for (const link of nodes.filter((n) => n.type === 'link')) {
    assert.ok(link.url!.startsWith(`command:${OPEN_SOURCE_AT}?`), `${where}: link to ${link.url}`);
    const args = JSON.parse(decodeURIComponent(link.url!.slice(`command:${OPEN_SOURCE_AT}?`.length))) as unknown[];
    assert.equal(args.length, 1);
    assert.deepEqual(Object.keys(args[0] as object).sort(), ['end', 'path', 'source', 'start', 'text'], `${where}: arguments`);
    assert.equal(fold((link.children ?? []).map((c) => c.value).join('')), 'open', `${where}: the link says "open"`);
  }
  // Joined without separators: what a reader sees, whatever nodes the text was split into.
  const text = fold(nodes.filter((n) => n.type === 'text' || n.type === 'inlineCode').map((n) => n.value).join(''));
  for (const t of texts) assert.ok(text.includes(fold(t)), `${where}: reads “${t}” as written\n${markdown}`);
}

describe('hostile sources (issue 6: no script from a source ever runs)', () => {
  before(async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    dir = join(workspaceDir(), 'hostile');
    cpSync(join(ext.extensionPath, 'test', 'fixtures', 'hostile', 'sources'), dir, { recursive: true });
    files = readdirSync(dir).sort().map((f) => vscode.Uri.file(join(dir, f)));
    const a = await api();
    await vscode.commands.executeCommand('corroborate.compare', { uris: files });
    await a.runner.whenIdle();
  });

  after(async () => {
    const a = await api();
    a.panel()?.setUrlOpener(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
  });

  it('compares the hostile files: the one with NUL bytes refused with its reason, the other nine compared', async () => {
    const a = await api();
    const model = a.store.model!;
    assert.equal(model.sources.length, 9, model.sources.map((s) => s.id).join(', '));
    assert.deepEqual(model.problems.map((p) => [p.path.replace(/^.*\//, ''), p.reason]), [['nul-bytes.txt', 'binary']]);
    assert.ok(model.findings.length > 20, `${model.findings.length} findings`);
    assert.ok(model.findings.some((f) => f.mentions.some((m) => /<script|onerror=|javascript:/i.test(m.text))), 'payloads are inside findings');
  });

  it('the real panel page rendered the hostile model without a CSP violation; a reported one is logged and counted', async () => {
    const a = await api();
    // The real webview (not a test stand-in) says `ready` once its script ran and drew the model.
    const panel = await waitFor('the real panel is ready', () => a.panel()?.ready && a.panel(), 30_000);
    assert.ok(panel.delivered.some((m) => m.type === 'model' && m.model.sources.length === 9), 'the hostile model was delivered');
    assert.deepEqual(panel.cspViolations, [], 'no violation from the page');
    // `rejected` is a number copied into each probe: read it from a fresh one.
    const rejected = a.panel()!.rejected;
    panel.receive({ type: 'cspViolation', directive: 'script-src', blocked: 'inline', sample: '<script>' });
    panel.receive({ type: 'cspViolation', directive: 1, blocked: 'x', sample: 'y' });
    assert.equal(panel.cspViolations.length, 1);
    assert.deepEqual(panel.cspViolations[0], { directive: 'script-src', blocked: 'inline', sample: '<script>' });
    assert.equal(a.panel()!.rejected, rejected + 1);
  });

  it('hovers on every mention in every source carry the payloads only as escaped text, trusted for openSourceAt only', async function () {
    this.timeout(180_000);
    const a = await api();
    const model = a.store.model!;
    const provider = new SourceHoverProvider(a.store);
    const seen = new Set<string>();
    let hovers = 0;
    for (const source of model.sources) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(source.path));
      const here = model.findings.flatMap((f) => f.mentions.filter((m) => m.source === source.id).map((m) => ({ f, m })));
      for (const { f, m } of here) {
        const hover = provider.provideHover(doc, doc.positionAt(m.start));
        assert.ok(hover, `a hover on ${source.id} at ${m.start}`);
        const md = hover.contents[0] as vscode.MarkdownString;
        assert.deepEqual(md.isTrusted, { enabledCommands: [OPEN_SOURCE_AT] });
        assert.equal(md.supportHtml, false);
        assert.equal(md.supportThemeIcons, false);
        const others = f.mentions.filter((o) => o.source !== source.id).map((o) => o.text);
        // The same hover (several mentions of one finding in one place) is parsed once.
        const key = `${md.value}\u0000${f.id}`;
        if (!seen.has(key)) assertSafeMarkdown(md.value, [f.summary, ...others], `${f.id} in ${source.id}`);
        seen.add(key);
        hovers++;
      }
    }
    assert.ok(hovers > 40, `${hovers} hovers checked`);
    // And through VS Code itself: the hover a person gets is built from the same Markdown.
    const m = model.findings.flatMap((f) => f.mentions).find((x) => /<script/i.test(x.text))!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(model.sources.find((s) => s.id === m.source)!.path));
    const got = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(m.start));
    const value = got.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(value.includes('&lt;script') || value.includes('&lt;SCRIPT') || value.includes('&lt;ScRiPt'), 'the tag is escaped');
  });

  it('a Markdown link or HTML smuggled into source text never forms a link or markup in a hover', async () => {
    const a = await api();
    const model = a.store.model!;
    const f = model.findings.find((x) => x.mentions.length >= 2 && new Set(x.mentions.map((m) => m.source)).size >= 2)!;
    const payloads = [
      '[x](command:corroborate.openSourceAt?%5B%7B%22path%22%3A%22%2Fetc%2Fpasswd%22%7D%5D)',
      '[t](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![i](javascript:alert(1))',
      'https://example.com/x?a=<b>&c=1 www.example.org mail@example.org <https://example.net>',
      '$(terminal) `code` **bold** | cell | \\[x\\](javascript:alert(1))',
    ];
    for (const p of payloads) {
      // The engine's finding with its wordings replaced by the payload, through the hover builder.
      const clone: ViewModel = { ...model, findings: [{ ...f, summary: p, detail: p, mentions: f.mentions.map((m) => ({ ...m, text: `${p} ${m.source}`, label: p })) }] };
      const first = f.mentions[0]!;
      const content = hoverContent(clone, first.source, first.start, { kinds: { figure: true, name: true, quote: true }, agreements: true });
      assert.ok(content);
      const others = f.mentions.filter((m) => m.source !== first.source);
      assertSafeMarkdown(content.markdown, [p, ...others.map((m) => `${p} ${m.source}`)], p);
      const links = mdNodes(content.markdown).filter((n) => n.type === 'link');
      assert.equal(links.length, new Set(others.map((m) => `${m.source}\u0000${p} ${m.source}`)).size, 'one "open" link per other wording, nothing else');
    }
  });

  it('Findings and Sources views: payloads only in plain-text labels, descriptions and tooltips; commands are the extension’s own', async () => {
    const a = await api();
    const items: vscode.TreeItem[] = [];
    const walkFindings = (node?: Parameters<typeof a.findingsTree.getChildren>[0]) => {
      for (const child of a.findingsTree.getChildren(node)) {
        items.push(a.findingsTree.getTreeItem(child));
        walkFindings(child);
      }
    };
    walkFindings();
    for (const node of a.sourcesTree.getChildren()) items.push(a.sourcesTree.getTreeItem(node));
    assert.ok(items.length > 50, `${items.length} tree items`);
    let withPayload = 0;
    for (const item of items) {
      assert.ok(item.label === undefined || typeof item.label === 'string', 'labels are plain strings');
      assert.ok(item.tooltip === undefined || typeof item.tooltip === 'string', 'tooltips are plain strings, never Markdown');
      assert.ok(item.description === undefined || typeof item.description === 'string' || item.description === true);
      if (item.command?.command === 'vscode.open') {
        // The Sources view opens the file itself: a file URI, never an address from the source.
        const target = item.command.arguments?.[0] as unknown;
        assert.ok(target instanceof vscode.Uri && target.scheme === 'file', `vscode.open ${String(target)}`);
      } else if (item.command) {
        assert.match(item.command.command, /^corroborate\./);
      }
      assert.ok(!(item.iconPath instanceof vscode.Uri), 'icons are theme icons, never a path from a source');
      if (item.resourceUri) assert.equal(item.resourceUri.scheme, 'file');
      if (/<script|onerror|javascript:/i.test(`${item.label as string}${item.tooltip as string}`)) withPayload++;
    }
    assert.ok(withPayload > 5, `${withPayload} items show a payload, as text`);
  });

  it('decorations cover exactly the mentions’ text, and carry no text of their own', async () => {
    const a = await api();
    const model = a.store.model!;
    let checked = 0;
    for (const source of model.sources.filter((s) => s.id.endsWith('.txt') || s.id.endsWith('.md'))) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(source.path));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const ranges = await waitFor(`decorations on ${source.id}`, () => a.decorations(editor.document.uri));
      const mentions = new Set(model.findings.flatMap((f) => f.mentions.filter((m) => m.source === source.id).map((m) => m.text)));
      for (const r of [...ranges['differ-name'], ...ranges['differ-figure'], ...ranges['differ-quote'], ...ranges.agree]) {
        assert.ok(mentions.has(doc.getText(r)), `${source.id}: decorated “${doc.getText(r)}” is a mention`);
        checked++;
      }
    }
    assert.ok(checked > 20, `${checked} decorated ranges`);
  });

  it('a source’s web address: javascript:, command:, data: and file: are refused and never opened', async () => {
    const a = await api();
    const panel = await waitFor('the panel', () => a.panel());
    const calls: string[] = [];
    const opener: UrlOpener = {
      confirm: async (message, detail) => {
        calls.push(`confirm ${message} | ${detail}`);
        return true;
      },
      open: async (uri) => {
        calls.push(`open ${uri.toString(true)}`);
        return true;
      },
      refuse: (message) => calls.push(`refuse ${message}`),
    };
    panel.setUrlOpener(opener);
    const bad = { 'daily-a.md': 'javascript:', 'daily-b.md': 'command:', 'page-a.html': 'data:', 'page-b.html': 'file:' };
    for (const [source, scheme] of Object.entries(bad)) {
      assert.ok(a.store.sourceById(source)?.url?.startsWith(scheme), `${source} has a ${scheme} address`);
      const before = panel.urlRequests.length;
      panel.receive({ type: 'openUrl', source });
      const req = await waitFor(`the request for ${source}`, () => panel.urlRequests.length > before && panel.urlRequests[panel.urlRequests.length - 1]);
      assert.equal(req.outcome, 'refused', source);
    }
    assert.equal(calls.filter((c) => !c.startsWith('refuse ')).length, 0, `nothing confirmed or opened:\n${calls.join('\n')}`);
    assert.ok(calls.every((c) => /opens only http and https/.test(c)), 'the message says why');
    // A source without an address, one that does not exist, and a malformed message.
    panel.receive({ type: 'openUrl', source: 'wire-a.txt' });
    await waitFor('no-url', () => panel.urlRequests.some((r) => r.source === 'wire-a.txt' && r.outcome === 'no-url'));
    const rejected = a.panel()!.rejected;
    panel.receive({ type: 'openUrl', source: 42 });
    panel.receive({ type: 'openUrl', url: 'javascript:alert(1)' });
    assert.equal(a.panel()!.rejected, rejected + 2);
  });

  it('an http(s) address opens only after the confirmation, which shows the exact address', async () => {
    const a = await api();
    const panel = await waitFor('the panel', () => a.panel());
    let answer = false;
    const calls: string[] = [];
    panel.setUrlOpener({
      confirm: async (message, detail) => {
        calls.push(`confirm ${message} | ${detail}`);
        return answer;
      },
      open: async (uri) => {
        calls.push(`open ${uri.scheme} ${uri.toString(true)}`);
        return true;
      },
      refuse: (message) => calls.push(`refuse ${message}`),
    });
    const url = a.store.sourceById('page-c.html')!.url!;
    assert.equal(url, 'https://example.net/drava');
    panel.receive({ type: 'openUrl', source: 'page-c.html' });
    await waitFor('cancelled', () => panel.urlRequests.some((r) => r.source === 'page-c.html' && r.outcome === 'cancelled'));
    assert.deepEqual(calls, ['confirm Open the address of page-c.html in your browser? | https://example.net/drava'], 'asked, not opened');
    answer = true;
    panel.receive({ type: 'openUrl', source: 'page-c.html' });
    await waitFor('opened', () => panel.urlRequests.some((r) => r.source === 'page-c.html' && r.outcome === 'opened'));
    assert.equal(calls[calls.length - 1], 'open https https://example.net/drava');
    // An https address with markup in it: the confirmation shows the normalised address that opens.
    calls.length = 0;
    panel.receive({ type: 'openUrl', source: 'daily-c.md' });
    await waitFor('opened daily-c', () => panel.urlRequests.some((r) => r.source === 'daily-c.md' && r.outcome === 'opened'));
    assert.match(calls[0]!, /\| https:\/\/example\.org\/news\/drava-dam\?ref=%3Cscript%3E/);
    assert.match(calls[0]!, /As written in the source: https:\/\/example\.org\/news\/drava-dam\?ref=<script>/);
    assert.match(calls[1]!, /^open https /);
  });
});
