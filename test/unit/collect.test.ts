import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSourceFiles, loadSource, loadSources, uniqueIds } from '../../src/cli/collect';

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-collect-'));
  const files: Record<string, string> = {
    'b.txt': 'B text.\n',
    'a.md': '# A\n\nA text.\n',
    'c.html': '<p>C text.</p>',
    'notes.pdf': '%PDF-1.4',
    'image.png': 'x',
    '.hidden.txt': 'hidden\n',
    'sub/z.txt': 'Z text.\n',
    'sub/deeper/b.txt': 'Another B.\n',
    '.git/x.txt': 'no\n',
    'node_modules/pkg/readme.md': 'no\n',
    'empty.txt': '',
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  await symlink(join(dir, 'sub'), join(dir, 'loop'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('folders are walked recursively in name order, skipping dot-folders, node_modules and non-sources', async () => {
  const { files, problems } = await collectSourceFiles([dir]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    files.map((f) => f.slice(dir.length + 1)),
    ['a.md', 'b.txt', 'c.html', 'empty.txt', 'sub/deeper/b.txt', 'sub/z.txt'],
  );
});

test('files are taken as given, duplicates once, missing ones reported', async () => {
  const missing = join(dir, 'nope.txt');
  const { files, problems } = await collectSourceFiles([join(dir, 'notes.pdf'), join(dir, 'b.txt'), dir, missing]);
  assert.equal(files[0], join(dir, 'notes.pdf'), 'an explicit file is kept, so the reader can say why it is refused');
  assert.equal(files[1], join(dir, 'b.txt'));
  assert.equal(files.filter((f) => f.endsWith('/b.txt') && !f.includes('deeper')).length, 1);
  assert.deepEqual(problems, [{ path: missing, reason: 'missing', message: 'no such file or folder' }]);
});

test('loadSource reads, refuses and explains', async () => {
  const ok = loadSource(join(dir, 'a.md'));
  assert.ok(ok.ok);
  assert.equal(ok.id, 'a.md');
  assert.equal(ok.read.text, 'A\nA text.');

  const pdf = loadSource(join(dir, 'notes.pdf'));
  assert.deepEqual(pdf.ok ? null : [pdf.reason, pdf.message], ['unsupported', 'PDF files are not supported; save the article as .txt, .md or .html']);

  const empty = loadSource(join(dir, 'empty.txt'));
  assert.deepEqual(empty.ok ? null : [empty.reason, empty.message], ['empty', 'empty file']);

  const big = loadSource(join(dir, 'b.txt'), 4);
  assert.deepEqual(big.ok ? null : [big.reason, big.message], ['too-large', 'file is 8 bytes, more than the limit of 4 bytes']);

  const missing = loadSource(join(dir, 'gone.txt'));
  assert.equal(missing.ok ? null : missing.reason, 'missing');

  const folder = loadSource(join(dir, 'sub'));
  assert.equal(folder.ok ? null : folder.reason, 'unreadable');
});

test('unreadable files', { skip: process.getuid?.() === 0 ? 'root can read anything' : false }, async () => {
  const p = join(dir, 'locked.txt');
  await writeFile(p, 'secret\n');
  await chmod(p, 0o000);
  const r = loadSource(p);
  assert.deepEqual(r.ok ? null : [r.reason, r.message], ['unreadable', 'permission denied']);
});

test('ids are base names, made unique with parent folders where they clash', async () => {
  assert.deepEqual(uniqueIds(['/x/a/report.txt', '/x/b/report.txt', '/x/c/other.txt']), ['a/report.txt', 'b/report.txt', 'other.txt']);
  assert.deepEqual(uniqueIds(['/p/a/r.txt', '/q/a/r.txt']), ['p/a/r.txt', 'q/a/r.txt']);
  const loaded = loadSources([join(dir, 'b.txt'), join(dir, 'sub/deeper/b.txt'), join(dir, 'image.png')]);
  assert.deepEqual(loaded.map((l) => (l.ok ? l.id : l.reason)), [`${dir.split('/').pop()}/b.txt`, 'deeper/b.txt', 'unsupported']);
});
