import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, decodeWindows1252, SourceError } from '../../src/core/text/decode';

const enc = (s: string): number[] => [...new TextEncoder().encode(s)];

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return out;
}

function utf16be(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return out;
}

function decode(bytes: number[]) {
  return decodeBytes(Uint8Array.from(bytes));
}

function assertSourceError(fn: () => unknown, reason: string, message: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SourceError, 'throws a SourceError');
    assert.ok(e instanceof Error);
    assert.equal(e.reason, reason);
    assert.match(e.message, message);
    return true;
  });
}

const SENTENCE = 'The council voted 31 to 9 on Tuesday.\n';

test('plain UTF-8 decodes without notes', () => {
  const r = decode(enc('Kyiv — “café” 東京 🙂\n'));
  assert.equal(r.text, 'Kyiv — “café” 東京 🙂\n');
  assert.deepEqual(r.notes, []);
});

test('a UTF-8 BOM is stripped, so offsets count from the first real character', () => {
  const r = decode([0xef, 0xbb, 0xbf, ...enc(SENTENCE)]);
  assert.equal(r.text, SENTENCE);
  assert.equal(r.text.indexOf('council'), 4);
  assert.deepEqual(r.notes, []);
});

test('UTF-16 LE and BE with a BOM', () => {
  const text = 'Nebenzia said “no” — 50 times.\r\n';
  const le = decode([0xff, 0xfe, ...utf16le(text)]);
  assert.equal(le.text, text);
  assert.match(le.notes.join(), /UTF-16 LE/);
  const be = decode([0xfe, 0xff, ...utf16be(text)]);
  assert.equal(be.text, text);
  assert.match(be.notes.join(), /UTF-16 BE/);
});

test('UTF-16 without a BOM is recognised from its NUL bytes', () => {
  const le = decode(utf16le(SENTENCE));
  assert.equal(le.text, SENTENCE);
  assert.match(le.notes.join(), /UTF-16 LE \(no byte-order mark\)/);
  const be = decode(utf16be(SENTENCE));
  assert.equal(be.text, SENTENCE);
  assert.match(be.notes.join(), /UTF-16 BE/);
});

test('invalid UTF-8 falls back to Windows-1252, curly quotes and all', () => {
  // 0x93/0x94 are “ ” in Windows-1252, 0xE9 is é, 0x80 is €, 0x96 is an en dash.
  const r = decode([0x93, ...enc('Caf'), 0xe9, 0x94, ...enc(' costs '), 0x80, ...enc('5 '), 0x96, ...enc(' more')]);
  assert.equal(r.text, '“Café” costs €5 – more');
  assert.deepEqual(r.notes, ['not valid UTF-8; decoded as Windows-1252']);
});

test('Windows-1252 table covers 0x80–0x9F as the WHATWG standard does', () => {
  const all = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  assert.equal(all[0x12], '\u2019'); // 0x92
  assert.equal(all[0x1f], '\u0178'); // 0x9F Ÿ
  assert.equal(all[0x01], '\u0081'); // unassigned byte keeps its C1 code point
  assert.equal(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xff])), 'A\u00a0ÿ');
});

test('empty and white-space-only files are refused', () => {
  assertSourceError(() => decode([]), 'empty', /^empty file$/);
  assertSourceError(() => decode(enc(' \r\n\t\n ')), 'empty', /empty file/);
  assertSourceError(() => decode([0xef, 0xbb, 0xbf, 0x0a]), 'empty', /empty file/);
});

test('binary files are refused with what they look like', () => {
  assertSourceError(() => decode(enc('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 'binary', /^binary file \(looks like a PDF\), not text$/);
  assertSourceError(
    () => decode([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'binary',
    /PNG image/,
  );
  assertSourceError(() => decode([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'binary', /JPEG/);
  assertSourceError(() => decode([...enc('GIF89a'), 1, 0, 1, 0]), 'binary', /GIF/);
  assertSourceError(() => decode([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), 'binary', /ZIP archive/);
});

test('random bytes with NULs are binary', () => {
  let seed = 42;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
  const bytes = Array.from({ length: 600 }, (_, i) => (i % 37 === 5 ? 0 : rnd()));
  bytes[0] = 0x41; // no magic number to lean on
  assertSourceError(() => decode(bytes), 'binary', /binary file/);
});

test('control-character soup without NULs is binary', () => {
  const bytes = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 8)));
  assertSourceError(() => decode(bytes), 'binary', /^binary file, not text$/);
});

test('text with a stray control character or two is still text', () => {
  const r = decode(enc('A wire story\u0007 with a bell and a form feed\f.\n'));
  assert.match(r.text, /wire story/);
});
