import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROSE, makeBadFiles, makeProseFile, type BadFile } from '../badFiles';
import { collectSourceFiles, loadSource, loadSources } from '../../src/cli/collect';
import { readSourceBytes } from '../../src/cli/sourceBytes';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SEEDS = join(ROOT, 'seeds');
const SEED_NAMES = readdirSync(SEEDS);

/**
 * Runs the CLI. The timeout is not an assertion on speed: it turns a hang (a read that waits
 * on a named pipe forever) into a failure instead of a test run that never ends.
 */
function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.signal, null, `the CLI did not hang (${r.signal})`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
let set = '';
let cases: BadFile[] = [];
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corroborate-bad-'));
  set = join(dir, 'set');
  cases = makeBadFiles(set);
  for (const f of SEED_NAMES) copyFileSync(join(SEEDS, f), join(set, f));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the table covers every kind of bad file of issue 6', () => {
  const names = cases.map((c) => c.name);
  for (const ext of ['txt', 'md', 'html']) for (const kind of ['png', 'jpeg', 'gif', 'zip']) assert.ok(names.includes(`${kind}-renamed.${ext}`), `${kind} as .${ext}`);
  for (const n of ['empty.txt', 'blank.md', 'scan-renamed.txt', 'windows-1252.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf16le-no-bom.txt', 'utf16be-no-bom.md', 'utf8-bom.txt', 'cut-off.txt']) assert.ok(names.includes(n), n);
  if (process.platform !== 'win32') for (const n of ['pipe.txt', 'dangling.txt', 'loop.txt']) assert.ok(names.includes(n), n);
});

test('compare on a folder of bad files: one line per bad file naming it and why, the rest compared, exit 3', () => {
  const huge = join(set, 'huge.txt');
  const size = makeProseFile(huge, SEED_NAMES.map((f) => readFileSync(join(SEEDS, f), 'utf8')), 50);
  try {
    // A folder walk takes only source extensions: the .pdf is named explicitly, as a user would.
    const r = run(['compare', set, join(set, 'scan.pdf'), join(dir, 'missing.txt'), '--json']);
    assert.equal(r.code, 3, r.stderr);
    const lines = r.stderr.trim().split('\n');
    const refused = cases.filter((c) => c.outcome === 'refused');
    const expected = [
      ...refused.map((c) => `corroborate: ${join(set, c.name)}: ${c.outcome === 'refused' ? c.message : ''} — skipped`),
      `corroborate: ${huge}: file is ${(size / 1048576).toFixed(1)} MiB, more than the limit of 10.0 MiB (--max-size MB raises it) — skipped`,
      `corroborate: ${join(dir, 'missing.txt')}: no such file or folder — skipped`,
    ];
    assert.deepEqual([...lines].sort(), [...expected].sort(), 'exactly one line per bad file, and nothing else');
    assert.match(expected.at(-2)!, /file is 50\.0 MiB/);

    const result = JSON.parse(r.stdout) as { sources: Array<{ id: string; notes: string[] }>; problems: Array<{ path: string; reason: string; message: string }>; findings: unknown[] };
    const problems = new Map(result.problems.map((p) => [p.path, p]));
    for (const c of refused) {
      const p = problems.get(join(set, c.name));
      assert.ok(p, `${c.name} is a problem in the JSON`);
      assert.equal(p.reason, c.outcome === 'refused' && c.reason, c.name);
    }
    assert.equal(problems.get(huge)?.reason, 'too-large');
    assert.equal(result.problems.length, refused.length + 2);
    // Every readable file is compared: the seeds and the odd encodings.
    const readable = cases.filter((c) => c.outcome === 'read');
    assert.deepEqual(result.sources.map((s) => s.id).sort(), [...SEED_NAMES, ...readable.map((c) => c.name)].sort());
    for (const c of readable) {
      const notes = result.sources.find((s) => s.id === c.name)!.notes;
      if (c.outcome === 'read' && c.note) assert.ok(notes.some((n) => c.note!.test(n)), `${c.name}: ${JSON.stringify(notes)}`);
      else assert.deepEqual(notes.filter((n) => /decod|UTF|character/.test(n)), [], c.name);
    }
    assert.ok(result.findings.length > 0, 'the readable sources were compared');
  } finally {
    unlinkSync(huge);
  }
});

test('special files named on the command line are refused without waiting (a named pipe, a link loop)', { skip: process.platform === 'win32' }, () => {
  const r = run(['compare', SEEDS, join(set, 'pipe.txt'), join(set, 'loop.txt'), join(set, 'dangling.txt')]);
  assert.equal(r.code, 3, r.stderr);
  assert.deepEqual(r.stderr.trim().split('\n').sort(), [
    `corroborate: ${join(set, 'dangling.txt')}: broken link: the file it points to does not exist — skipped`,
    `corroborate: ${join(set, 'loop.txt')}: symbolic link loop: the link never reaches a file — skipped`,
    `corroborate: ${join(set, 'pipe.txt')}: is a named pipe (FIFO), not a file — skipped`,
  ]);
});

test('the bad files are also named by `check` (exit 3), which still checks the draft against the rest', () => {
  const draft = join(dir, 'draft.md');
  writeFileSync(draft, 'Russia’s envoy Vasily Nebenzia spoke on Thursday.\n');
  const r = run(['check', draft, '--sources', SEEDS, join(set, 'empty.txt'), join(set, 'png-renamed.md'), '--json']);
  assert.equal(r.code, 3, r.stderr);
  assert.deepEqual(r.stderr.trim().split('\n').sort(), [
    `corroborate: ${join(set, 'empty.txt')}: empty file — skipped`,
    `corroborate: ${join(set, 'png-renamed.md')}: binary file (looks like a PNG image), not text — skipped`,
  ]);
  assert.equal(JSON.parse(r.stdout).problems.length, 2);
});

test('the readable odd encodings decode to exactly the text written (offsets count from there)', async () => {
  for (const c of cases) {
    if (c.outcome !== 'read') continue;
    const l = loadSource(join(set, c.name));
    assert.ok(l.ok, `${c.name}: ${l.ok ? '' : l.message}`);
    if (c.text !== undefined) assert.equal(l.read.raw, c.text, c.name);
  }
  const cyrillic = loadSource(join(set, 'utf16le-cyrillic.txt'));
  assert.ok(cyrillic.ok && cyrillic.read.raw.startsWith('Посол'), 'BOM-less UTF-16 in another script is not taken for binary');
  const latin = loadSource(join(set, 'windows-1252.txt'));
  assert.ok(latin.ok && latin.read.raw === PROSE);
});

test('a file deleted, or replaced by a folder, between listing and reading is named; the others are read', async () => {
  const d = join(dir, 'race');
  mkdirSync(d);
  for (const f of SEED_NAMES) copyFileSync(join(SEEDS, f), join(d, f));
  const { files, problems } = await collectSourceFiles([d]);
  assert.deepEqual(problems, []);
  assert.equal(files.length, 5);
  unlinkSync(join(d, SEED_NAMES[1]));
  unlinkSync(join(d, SEED_NAMES[2]));
  mkdirSync(join(d, SEED_NAMES[2]));
  const loaded = loadSources(files);
  assert.deepEqual(loaded.map((l) => (l.ok ? 'ok' : `${l.reason}: ${l.message}`)), [
    'ok', 'missing: no such file or folder', 'unreadable: is a folder, not a file', 'ok', 'ok',
  ]);
});

test('a file without read permission is named "permission denied"', { skip: process.getuid?.() === 0 ? 'running as root: every file is readable (the special files above stand in)' : process.platform === 'win32' }, async () => {
  const p = join(dir, 'locked.txt');
  writeFileSync(p, PROSE);
  chmodSync(p, 0);
  try {
    const l = loadSource(p);
    assert.deepEqual(l.ok ? 'read' : [l.reason, l.message], ['unreadable', 'permission denied']);
  } finally {
    chmodSync(p, 0o644);
  }
});

test('the size limit: refused above it with the size and the limit, read at or below it', async () => {
  const p = join(dir, 'sized.txt');
  writeFileSync(p, PROSE.repeat(60));
  const kib = (readFileSync(p).length / 1024).toFixed(1);
  assert.equal(kib, '7.7');
  const over = await readSourceBytes(p, 1024);
  assert.deepEqual(over.ok ? 'read' : [over.reason, over.message], ['too-large', `file is ${kib} KiB, more than the limit of 1.0 KiB`]);
  const under = await readSourceBytes(p, 16 * 1024);
  assert.ok(under.ok && Buffer.from(under.bytes).equals(readFileSync(p)));
  const exact = await readSourceBytes(p, readFileSync(p).length);
  assert.ok(exact.ok, 'a file exactly at the limit is read');
  // 0.0048 MB = 4.9 KiB: above every seed, below this file.
  const r = run(['compare', SEEDS, p, '--max-size', '0.0048']);
  assert.equal(r.code, 3);
  assert.equal(r.stderr, `corroborate: ${p}: file is ${kib} KiB, more than the limit of 4.9 KiB (--max-size MB raises it) — skipped\n`);
});

test('the default limit is 10 MB in the CLI, the extension setting and the README', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.contributes.configuration.properties['corroborate.maxSourceSizeMB'].default, 10);
  assert.match(run(['compare', '--help']).stdout, /--max-size MB\s+refuse sources larger than this \(default 10\)/);
  assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /`--max-size MB` \| refuse larger sources \(default 10/);
});
