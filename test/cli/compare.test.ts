import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SEEDS = join(ROOT, 'seeds');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('compare seeds/ prints copies, differences with exact wording, and exits 0', () => {
  const r = run(['compare', 'seeds/'], { NO_COLOR: '1' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.ok(!r.stdout.includes('\u001b['), 'no colour when not a terminal');
  assert.match(r.stdout, /002_a66a6fb621149ecc\.txt/);
  assert.match(r.stdout, /copy of/i);
  for (const t of ['Vasily Nebenzya', 'Vassily Nebenzia', 'Hwang Joon-kook', 'a guilty plea']) assert.ok(r.stdout.includes(t), t);
  const differences = r.stdout.search(/Differences/i);
  const agreements = r.stdout.search(/Agreements/i);
  assert.ok(differences >= 0 && agreements > differences, 'differences come before agreements');
});

test('--json prints the contract, and every span is an exact slice of its file', () => {
  const r = run(['compare', 'seeds/', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.version, 1);
  assert.equal(result.sources.length, 5);
  assert.deepEqual(result.duplicates.map((d: { source: string; of: string }) => [d.source, d.of]), [['002_a66a6fb621149ecc.txt', '000_402ccf39631b1114.txt']]);
  const files = Object.fromEntries(readdirSync(SEEDS).map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')]));
  let spans = 0;
  for (const f of result.findings) {
    assert.ok(['name', 'figure', 'quote'].includes(f.kind));
    assert.ok(['agree', 'differ'].includes(f.verdict));
    assert.equal(typeof f.summary, 'string');
    for (const m of f.mentions) {
      assert.equal(files[m.source].slice(m.start, m.end), m.text);
      spans++;
    }
  }
  for (const p of result.passages) for (const m of p.members) {
    assert.equal(files[m.source].slice(m.start, m.end), m.text);
    spans++;
  }
  assert.ok(spans > 50);
  const bp = result.sources.find((s: { id: string }) => s.id.startsWith('000')).boilerplate;
  assert.ok(bp.length > 0);
});

test('the result does not depend on the order the sources are given in', () => {
  const files = readdirSync(SEEDS).map((f) => join('seeds', f));
  const a = run(['compare', ...files, '--json']).stdout;
  const b = run(['compare', ...[...files].reverse(), '--json']).stdout;
  const strip = (s: string) => {
    const j = JSON.parse(s);
    for (const src of j.sources) delete src.path;
    return j;
  };
  assert.deepEqual(strip(a), strip(b));
});

test('--markdown and --html write reports; the HTML escapes source text', () => {
  const md = run(['compare', 'seeds/', '--markdown']);
  assert.equal(md.code, 0);
  assert.match(md.stdout, /^# /m);
  const out = join(dir, 'report.html');
  const html = run(['compare', 'seeds/', '--html', out]);
  assert.equal(html.code, 0, html.stderr);
  const page = readFileSync(out, 'utf8');
  assert.match(page, /<!doctype html>/i);
  assert.match(page, /Content-Security-Policy/);
  assert.ok(!/<script/i.test(page));
});

test('bad files are named with a reason, the rest are still compared, exit code 3', () => {
  const set = join(dir, 'bad');
  spawnSync('mkdir', ['-p', set]);
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(set, f));
  writeFileSync(join(set, 'empty.txt'), '');
  writeFileSync(join(set, 'scan.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 255, 0, 7])]));
  writeFileSync(join(set, 'latin1.txt'), Buffer.from('The minister said \x93we will act\x94 on Monday, caf\xe9 owners said.\n', 'latin1'));
  const before = statSync(join(set, '000_402ccf39631b1114.txt')).mtimeMs;
  const r = run(['compare', set, join(dir, 'missing.txt'), '--json']);
  assert.equal(r.code, 3);
  const lines = r.stderr.trim().split('\n');
  assert.ok(lines.some((l) => l.includes('empty.txt') && /empty/i.test(l)), r.stderr);
  assert.ok(lines.some((l) => l.includes('scan.txt') && /binary|PDF/i.test(l)), r.stderr);
  assert.ok(lines.some((l) => l.includes('missing.txt') && /no such/i.test(l)), r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.sources.length, 6);
  const latin = result.sources.find((s: { id: string }) => s.id === 'latin1.txt');
  assert.ok(latin.notes.some((n: string) => /1252/.test(n)));
  assert.equal(result.problems.length, 3);
  assert.equal(statSync(join(set, '000_402ccf39631b1114.txt')).mtimeMs, before, 'sources are never written');
});

test('fewer than two readable sources: exit 4 with a clear message; usage errors exit 2', () => {
  const one = join(dir, 'one');
  spawnSync('mkdir', ['-p', one]);
  copyFileSync(join(SEEDS, '001_07eff16078fe5880.txt'), join(one, 'a.txt'));
  const r = run(['compare', one]);
  assert.equal(r.code, 4);
  assert.match(r.stderr, /at least two/);
  assert.equal(run(['compare']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['--help']).code, 0);
});

test('--strict fails the pipeline when sources differ', () => {
  assert.equal(run(['compare', 'seeds/', '--strict']).code, 1);
});

test('colour only when asked or on a terminal', () => {
  assert.ok(run(['compare', 'seeds/', '--color']).stdout.includes('\u001b['));
  assert.ok(!run(['compare', 'seeds/']).stdout.includes('\u001b['));
});
