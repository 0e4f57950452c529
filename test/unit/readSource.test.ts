import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource, SOURCE_EXTENSIONS, extensionOf, isSourceFile } from '../../src/core/sources/readSource';
import { prepareDoc } from '../../src/core/sources/prepare';
import { mapRange } from '../../src/core/text/offsetMap';
import { SourceError } from '../../src/core/text/decode';
import { assertOffsets, bytesOf } from './sourceAsserts';

const FIXTURES = join(__dirname, '..', 'fixtures', 'sources');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

function refused(fn: () => unknown, reason: string, message: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof SourceError && e.reason === reason && message.test(e.message));
}

test('dispatch by extension', () => {
  const txt = readSource('a.txt', bytesOf('Plain *text* &amp; more.\n'));
  assert.equal(txt.text, txt.raw, 'plain text is analysed as it is');
  const md = readSource('a.MD', bytesOf('Plain *text* &amp; more.\n'));
  assert.equal(md.text, 'Plain text & more.');
  const html = readSource('a.htm', bytesOf('<p>Plain <em>text</em> &amp; more.</p>'));
  assert.equal(html.text, 'Plain text & more.');
  assert.equal(readSource('a.xhtml', bytesOf('<p>x &amp; y</p>')).text, 'x & y');
  assert.equal(readSource('notes.log', bytesOf('<p>kept</p>\n')).text, '<p>kept</p>\n', 'unknown textual files are plain text');
});

test('a .txt file with front matter stays plain text', () => {
  const raw = '---\ntitle: Not parsed\n---\nBody line.\n';
  const r = readSource('clip.txt', bytesOf(raw));
  assert.equal(r.text, raw);
  assert.deepEqual(r.meta, {});
});

test('a file without a known extension that is a web page is read as HTML', () => {
  const r = readSource('article', bytesOf('<!DOCTYPE html><html><body><p>Saved page &amp; text.</p></body></html>'));
  assert.equal(r.text, 'Saved page & text.');
  assert.match(r.notes.join(), /read as HTML/);
});

test('known non-text formats are refused by name', () => {
  refused(() => readSource('report.pdf', bytesOf('%PDF-1.7')), 'unsupported', /^PDF files are not supported; save the article as \.txt, \.md or \.html$/);
  refused(() => readSource('story.docx', Uint8Array.from([0x50, 0x4b, 3, 4])), 'unsupported', /Word/);
  refused(() => readSource('photo.PNG', Uint8Array.from([0x89, 0x50])), 'unsupported', /PNG image/);
  // A PDF saved with a .txt name is still caught, by its content.
  refused(() => readSource('report.txt', bytesOf('%PDF-1.4\n')), 'binary', /looks like a PDF/);
  refused(() => readSource('empty.md', new Uint8Array()), 'empty', /empty file/);
});

test('decoding notes reach the result', () => {
  const r = readSource('old.txt', Uint8Array.from([0x93, 0x48, 0x69, 0x94, 0x0a]));
  assert.equal(r.text, '“Hi”\n');
  assert.deepEqual(r.notes, ['not valid UTF-8; decoded as Windows-1252']);
  const md = readSource('bom.md', Uint8Array.from([0xef, 0xbb, 0xbf, ...bytesOf('# Title\n\nText.\n')]));
  assert.equal(md.raw.startsWith('#'), true, 'the BOM is not part of raw');
  assert.equal(md.meta.title, 'Title');
});

test('extensions', () => {
  assert.deepEqual([...SOURCE_EXTENSIONS], ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);
  assert.equal(extensionOf('/a/b.c/File.HTML'), '.html');
  assert.equal(extensionOf('.hidden'), '');
  assert.equal(extensionOf('README'), '');
  assert.ok(isSourceFile('x.markdown'));
  assert.ok(!isSourceFile('x.pdf'));
});

for (const [name, words] of [
  ['article.html', 'Margaret Okafor'],
  ['article.md', 'Lena Park'],
] as const) {
  test(`prepareDoc end to end: ${name}`, () => {
    const read = readSource(name, fixture(name));
    assertOffsets(read, { monotone: true });
    const doc = prepareDoc(name, join(FIXTURES, name), read);
    assert.equal(doc.raw, read.raw);
    assert.ok(doc.sentences.length > 5, 'sentences were found');
    assert.ok(doc.blocks.length >= read.text.split('\n').length - 1);
    // A name found in the repaired text maps back to the same name in the file.
    const at = doc.norm.indexOf(words);
    assert.ok(at >= 0);
    const r = mapRange(doc.normToRaw, at, at + words.length);
    assert.equal(doc.raw.slice(r.start, r.end), words);
    // Every sentence starts, in the file, with the character it starts with in norm
    // (or with the character reference that produced it).
    for (const s of doc.sentences) {
      const ch = doc.norm[s.start];
      const rawAt = doc.raw[doc.normToRaw[s.start]];
      if (/[\p{L}\p{N}]/u.test(ch)) assert.ok(rawAt === ch || rawAt === '&' || rawAt === '\\', `sentence ${s.index} starts at ${JSON.stringify(rawAt)}, not ${ch}`);
    }
  });
}

test('prepareDoc end to end: Windows-1252 and UTF-16 plain text', () => {
  const cp = readSource('wire.txt', Uint8Array.from([...bytesOf('He said '), 0x93, ...bytesOf('no'), 0x94, ...bytesOf('.\r\nNext line.\r\n')]));
  const doc = prepareDoc('wire.txt', 'wire.txt', cp);
  assert.match(doc.norm, /He said “no”\.\nNext line\./);
  assert.deepEqual(doc.notes, ['not valid UTF-8; decoded as Windows-1252']);
  const s = 'Kim Jong Un met Putin.\n';
  const u16 = Uint8Array.from([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0), 0])]);
  const doc2 = prepareDoc('u16.txt', 'u16.txt', readSource('u16.txt', u16));
  assert.equal(doc2.raw, s);
  assert.equal(doc2.sentences.length, 1);
});
