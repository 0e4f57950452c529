import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, SourceError } from '../../src/core/text/decode';

// Edge cases of issue 6 (bad files) in the decoder: a UTF-8 file cut off inside its last
// character, and UTF-16 without a byte-order mark in a script other than Latin.

const TEXT = 'He said “no” — café, 東京 and 🙂';

test('a UTF-8 file cut inside its last character stays UTF-8, the broken character shown as U+FFFD', () => {
  const full = Buffer.from(TEXT);
  for (const cut of [1, 2, 3]) {
    const r = decodeBytes(full.subarray(0, full.length - cut)); // 🙂 is 4 bytes
    assert.equal(r.text, `${TEXT.slice(0, -2)}\ufffd`, `cut ${cut}`);
    assert.deepEqual(r.notes, ['the file ends in the middle of a character (cut off?); the broken last character is shown as \ufffd']);
  }
  const kanji = Buffer.from('Tokyo 東');
  assert.equal(decodeBytes(kanji.subarray(0, -1)).text, 'Tokyo \ufffd');
  assert.equal(decodeBytes(kanji.subarray(0, -2)).text, 'Tokyo \ufffd');
});

test('invalid UTF-8 elsewhere is still Windows-1252, even when the end is also cut', () => {
  const bytes = Buffer.concat([Buffer.from('caf\xe9 \x93ok\x94 ', 'latin1'), Buffer.from('東').subarray(0, 2)]);
  const r = decodeBytes(bytes);
  assert.deepEqual(r.notes, ['not valid UTF-8; decoded as Windows-1252']);
  assert.ok(r.text.startsWith('café “ok” '));
});

test('a lone continuation byte or a stray lead byte in the middle is not taken for a cut-off end', () => {
  assert.deepEqual(decodeBytes(Buffer.from('abc \x80', 'latin1')).notes, ['not valid UTF-8; decoded as Windows-1252']);
  assert.deepEqual(decodeBytes(Buffer.from('abc \xe9 def', 'latin1')).notes, ['not valid UTF-8; decoded as Windows-1252']);
});

test('UTF-16 without a BOM in Cyrillic, Greek or Hebrew is recognised, LE and BE', () => {
  for (const text of ['Посол России заявил в четверг: «группа устарела». 50 раз.\n', 'Ο πρέσβης είπε ότι η ομάδα «έληξε».\n', 'השגריר אמר ביום חמישי כי הפאנל הסתיים.\n']) {
    const le = Buffer.from(text, 'utf16le');
    assert.equal(decodeBytes(le).text, text);
    assert.deepEqual(decodeBytes(le).notes, ['decoded as UTF-16 LE (no byte-order mark)']);
    const be = Buffer.from(le).swap16();
    assert.equal(decodeBytes(be).text, text);
    assert.deepEqual(decodeBytes(be).notes, ['decoded as UTF-16 BE (no byte-order mark)']);
  }
});

test('binary data with a few NULs is still binary, not UTF-16', () => {
  const bytes = Buffer.alloc(2048);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
  for (let i = 1; i < bytes.length; i += 16) bytes[i] = 0;
  assert.throws(() => decodeBytes(bytes), (e: unknown) => e instanceof SourceError && e.reason === 'binary');
});
