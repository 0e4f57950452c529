import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SEEDS = join(ROOT, 'seeds');
const DRAFT = 'test/fixtures/drafts/veto-draft.md';
const QUAKE = 'test/fixtures/quake/sources';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-check-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('check prints path:line:col, severity, message, evidence and fixes, and fails on warnings', () => {
  const r = run(['check', DRAFT, '--sources', 'seeds/']);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^test\/fixtures\/drafts\/veto-draft\.md:12:\d+ warning quote Quotation differs/m);
  assert.match(r.stdout, /^ {4}source seeds\/000_402ccf39631b1114\.txt:\d+:\d+ “a guilty plea”/m);
  assert.match(r.stdout, /^ {4}fix .*replace “admission” with “plea”/m);
  assert.match(r.stdout, /warning name No source spells it “Woodard”/);
  assert.match(r.stdout, /warning figure The sources give “around 50 times”/);
  assert.match(r.stdout, /hint citation This sentence closely follows/);
  assert.match(r.stdout, /\d+ warnings, \d+ information, \d+ hints\n$/);
  assert.ok(!r.stdout.includes('\u001b['));
});

test('check --json prints the diagnostics contract with exact spans into the draft and the sources', () => {
  const r = run(['check', DRAFT, '--sources', 'seeds/', '--json', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.version, 1);
  assert.equal(result.sources.length, 5);
  const draft = readFileSync(join(ROOT, DRAFT), 'utf8');
  const files = Object.fromEntries(readdirSync(SEEDS).map((f) => [f, readFileSync(join(SEEDS, f), 'utf8')]));
  assert.ok(result.diagnostics.length > 10);
  for (const d of result.diagnostics) {
    assert.ok(['quote', 'figure', 'name', 'citation'].includes(d.kind));
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    assert.equal(typeof d.verdict, 'string');
    assert.equal(draft.slice(d.start, d.end), d.text);
    for (const e of d.evidence) assert.equal(files[e.source].slice(e.start, e.end), e.text);
    if (d.fix) assert.ok(d.fix.start <= d.fix.end && d.fix.end <= draft.length);
  }
});

test('--fail-on chooses the level that fails the pipeline', () => {
  assert.equal(run(['check', DRAFT, '--sources', 'seeds/', '--fail-on', 'error']).code, 0);
  assert.equal(run(['check', DRAFT, '--sources', 'seeds/', '--fail-on', 'hint']).code, 1);
  const clean = join(dir, 'clean.md');
  writeFileSync(clean, 'Ukraine\'s Foreign Minister Dmytro Kuleba called Russia\'s veto "a guilty plea."[^1]\n\n[^1]: Kyiv Independent.\n');
  const ok = run(['check', clean, '--sources', 'seeds/', '--fail-on', 'warning']);
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /Quotation confirmed/);
});

test('exit codes: unreadable sources 3, nothing readable or no draft 4, usage 2', () => {
  const some = run(['check', DRAFT, '--sources', 'seeds/', join(dir, 'missing.txt'), '--fail-on', 'none']);
  assert.equal(some.code, 3);
  assert.match(some.stderr, /missing\.txt: no such file/);
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  assert.equal(run(['check', DRAFT, '--sources', empty]).code, 4);
  const noDraft = run(['check', join(dir, 'nope.md'), '--sources', 'seeds/']);
  assert.equal(noDraft.code, 4);
  assert.match(noDraft.stderr, /nope\.md: no such file/);
  assert.equal(run(['check', DRAFT]).code, 2);
  assert.equal(run(['check', '--sources', 'seeds/']).code, 2);
  assert.equal(run(['check', DRAFT, '--sources', 'seeds/', '--fail-on', 'sometimes']).code, 2);
  assert.equal(run(['check', DRAFT, '--sources', 'seeds/', '--bogus']).code, 2);
  assert.equal(run(['check', '--help']).code, 0);
  assert.equal(run(['cite', DRAFT, '--sources', 'seeds/']).code, 2, 'cite needs --line');
});

test('a draft inside a source folder is left out of the sources', () => {
  const set = join(dir, 'set');
  mkdirSync(set);
  for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(set, f));
  copyFileSync(join(ROOT, DRAFT), join(set, 'draft.md'));
  const r = run(['check', join(set, 'draft.md'), '--sources', set, '--json', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).sources.length, 5);
});

test('cite prints a unified diff of the draft; --write applies it to the draft only', () => {
  const work = join(dir, 'cite');
  mkdirSync(work);
  const draft = join(work, 'quake.md');
  const original = readFileSync(join(ROOT, 'test/fixtures/drafts/quake-draft.md'), 'utf8');
  writeFileSync(draft, original);
  const sourceTimes = readdirSync(join(ROOT, QUAKE)).map((f) => statSync(join(ROOT, QUAKE, f)).mtimeMs);
  const dry = run(['cite', draft, '--sources', QUAKE, '--line', '3']);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^--- .*quake\.md/m);
  assert.match(dry.stdout, /^\+Rescue teams dug all night in Maros after the powerful earthquake hit Valdera province on Tuesday\.\[\^maros-daily-2031\]$/m);
  assert.match(dry.stdout, /^\+\[\^maros-daily-2031\]: The Maros Daily/m);
  assert.equal(readFileSync(draft, 'utf8'), original, 'a dry run writes nothing');

  const wrote = run(['cite', draft, '--sources', QUAKE, '--line', '3', '--write']);
  assert.equal(wrote.code, 0, wrote.stderr);
  const now = readFileSync(draft, 'utf8');
  const inserted = ['[^maros-daily-2031]', `[^maros-daily-2031]: The Maros Daily, “Night of digging in Maros as death toll climbs”, 2031-04-09, https://marosdaily.example/news/night-of-digging — “Rescuers dug through the night in Maros after a powerful earthquake hit Valdera province on Tuesday.”\n`];
  assert.equal(now.replace(inserted[0], '').replace(inserted[1], ''), original, 'only the citation was inserted');
  assert.deepEqual(readdirSync(join(ROOT, QUAKE)).map((f) => statSync(join(ROOT, QUAKE, f)).mtimeMs), sourceTimes, 'sources are never written');
  const again = run(['cite', draft, '--sources', QUAKE, '--line', '3']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already cites/);
});

test('cite --style pandoc --bibliography adds the entry to the bibliography file', () => {
  const work = join(dir, 'pandoc');
  mkdirSync(work);
  const draft = join(work, 'quake.md');
  const bib = join(work, 'refs.json');
  writeFileSync(draft, readFileSync(join(ROOT, 'test/fixtures/drafts/quake-draft.md'), 'utf8'));
  const r = run(['cite', draft, '--sources', QUAKE, '--line', '5', '--style', 'pandoc', '--bibliography', bib, '--write']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(readFileSync(draft, 'utf8').includes('killed at least 45 people [@valdera-wire-service-2031]. It was'));
  const entries = JSON.parse(readFileSync(bib, 'utf8'));
  assert.equal(entries.length, 1);
  assert.equal(entries[0].id, 'valdera-wire-service-2031');
  assert.equal(entries[0]['container-title'], 'Valdera Wire Service');
  const second = run(['cite', draft, '--sources', QUAKE, '--line', '3', '--style', 'pandoc', '--bibliography', bib, '--source', 'wire.md', '--write']);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(JSON.parse(readFileSync(bib, 'utf8')).length, 1, 'the same source reuses its entry');
  assert.ok(readFileSync(draft, 'utf8').includes('on Tuesday [@valdera-wire-service-2031].'));
  assert.equal(run(['cite', draft, '--sources', QUAKE, '--line', '999']).code, 2);
  assert.equal(run(['cite', draft, '--sources', QUAKE, '--line', '3', '--source', 'nope.md']).code, 2);
});

test('compare still works beside the new commands', () => {
  const r = run(['compare', 'seeds/', '--json']);
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.stdout).sources.length, 5);
  assert.equal(run(['frobnicate']).code, 2);
});
