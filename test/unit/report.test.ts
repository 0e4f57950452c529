import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTerminal } from '../../src/core/report/terminal';
import { renderMarkdown } from '../../src/core/report/markdown';
import { renderHtml } from '../../src/core/report/html';
import { renderJson } from '../../src/core/report/json';
import { displayWidth } from '../../src/core/report/tty';
import type { CompareResult, ResultFinding } from '../../src/core/result';
import { sampleResult, S000, S001, S002, S003 } from '../fixtures/sampleResult';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

/** Asserts that the needles occur in `text` in this order. */
function assertInOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    assert.ok(at >= 0, `expected ${JSON.stringify(needle)} after offset ${from}`);
    from = at + needle.length;
  }
}

function agreementsFixture(n: number): CompareResult {
  const r = sampleResult();
  const base = r.findings.find((f) => f.verdict === 'agree')!;
  r.findings = [...r.findings.filter((f) => f.verdict === 'differ'),
    ...Array.from({ length: n }, (_, i): ResultFinding => ({ ...base, id: `a${i}`, summary: `Agreement number ${i + 1}` }))];
  return r;
}

test('fixture spans are real slices of the seed files', () => {
  const r = sampleResult();
  const spans = [...r.passages.flatMap((p) => p.members), ...r.findings.flatMap((f) => f.mentions)];
  for (const s of spans) {
    const text = readFileSync(join(__dirname, '..', '..', 'seeds', s.source), 'utf8');
    assert.equal(text.slice(s.start, s.end), s.text, `${s.source} ${s.start}-${s.end}`);
  }
});

test('terminal: header, then differences, agreements, passages and problems, in order', () => {
  const out = renderTerminal(sampleResult(), { color: false, width: 100 });
  assertInOrder(out, ['5 sources, 4 independent', S000, S002, `copy of ${S000} (coverage 100%)`,
    '13 damaged spaces repaired', 'Differences (3)', 'FIGURE', 'When the sanctions panel was set up',
    'NAME', 'spelled three ways', 'Agreements (4)', 'a guilty plea', 'Aligned passages (2)',
    'Could not read (1)', 'seeds/briefing.pdf']);
});

test('terminal: every differing mention is shown with its source and exact wording', () => {
  const r = sampleResult();
  const out = renderTerminal(r, { color: false, width: 120 });
  for (const f of r.findings.filter((x) => x.verdict === 'differ')) {
    for (const m of f.mentions) assert.ok(out.includes(`${m.source}: “${m.text}”`), `${m.source} ${m.text}`);
  }
  assertInOrder(out, ['“created in 2009”', '“in 2006 establishing the seven-member panel”',
    '“Vasily Nebenzya”', '“Vasily Nebenzia”', '“Vassily Nebenzia”']);
});

test('terminal: colour codes only when asked for', () => {
  assert.doesNotMatch(renderTerminal(sampleResult(), { color: false }), ANSI);
  assert.match(renderTerminal(sampleResult(), { color: true }), ANSI);
});

test('terminal: no line is wider than the width, ids are never cut', () => {
  for (const width of [40, 60, 80, 132]) {
    const out = renderTerminal(sampleResult(), { color: false, width });
    for (const line of out.split('\n')) assert.ok(displayWidth(line) <= width, `${width}: ${line}`);
    assert.ok(out.includes(S003));
  }
});

test('terminal: a copy that repeats its original is not printed twice in a passage', () => {
  const out = renderTerminal(sampleResult(), { color: false, width: 120 });
  assert.ok(out.includes(`${S002}: same as ${S000}`));
  assert.ok(out.includes('1 more passage shared only by a copy and its original is not shown.'));
});

test('terminal: limits, with a line saying how many more there are', () => {
  const r = agreementsFixture(25);
  const byDefault = renderTerminal(r, { color: false });
  assert.ok(byDefault.includes('Agreement number 20'));
  assert.ok(!byDefault.includes('Agreement number 21'));
  assert.ok(byDefault.includes('… and 5 more — use --all'));
  const limited = renderTerminal(r, { color: false, limit: 1 });
  assert.ok(limited.includes('… and 2 more — use --all')); // differences too
  assert.ok(limited.includes('… and 24 more — use --all'));
  const all = renderTerminal(r, { color: false, limit: Infinity });
  assert.ok(all.includes('Agreement number 25') && !all.includes('more — use --all'));
});

test('terminal: empty sections say so', () => {
  const r = sampleResult();
  r.findings = [];
  r.passages = [];
  r.problems = [];
  const out = renderTerminal(r, { color: false });
  assertInOrder(out, ['Differences (0)', 'none', 'Agreements (0)', 'none', 'Aligned passages (0)', 'none']);
  assert.ok(!out.includes('Could not read'));
});

test('markdown: title, sources table, then differences before agreements and passages', () => {
  const out = renderMarkdown(sampleResult());
  assertInOrder(out, ['# Corroborate report', '## Sources', '| Source | Title | Outlet | Date | Status |',
    `copy of \`${S000}\` (coverage 100%)`, '## Differences', '### 1. FIGURE:', '“created in 2009”',
    '“in 2006 establishing the seven-member panel”', '### 2. NAME:', '“Vasily Nebenzya”', '“Vasily Nebenzia”',
    '“Vassily Nebenzia”', '## Agreements', '“a guilty plea”', '## Aligned passages', '### Passage 1',
    '## Could not read']);
  assert.ok(out.includes(`| \`${S001}\` | “Vasily Nebenzia” |`));
  assert.ok(out.endsWith('\n'));
});

test('html: a standalone document with a strict CSP and no scripts', () => {
  const out = renderHtml(sampleResult());
  assert.ok(out.startsWith('<!DOCTYPE html>'));
  assert.match(out, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  assert.doesNotMatch(out, /<script|<link|<img|<iframe|@import|url\(/i);
  assert.ok(out.includes('prefers-color-scheme: dark'));
  assertInOrder(out, ['>Sources<', '>Differences<', '“created in 2009”', '“Vassily Nebenzia”',
    '>Agreements<', 'a guilty plea', '>Aligned passages<', '>Could not read<']);
  assert.ok(out.includes('<a href="https://kyivindependent.com/" rel="noopener noreferrer">'));
});

test('json: the result itself, pretty-printed, with a trailing newline', () => {
  const r = sampleResult();
  const out = renderJson(r);
  assert.ok(out.endsWith('}\n'));
  assert.deepEqual(JSON.parse(out), r);
});
