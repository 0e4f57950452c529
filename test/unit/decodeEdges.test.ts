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

/** `text` written as UTF-16 LE and BE without a byte-order mark reads back whole, with its note. */
function readsAsUtf16WithoutBom(text: string): void {
  const le = Buffer.from(text, 'utf16le');
  assert.equal(decodeBytes(le).text, text);
  assert.deepEqual(decodeBytes(le).notes, ['decoded as UTF-16 LE (no byte-order mark)']);
  const be = Buffer.from(le).swap16();
  assert.equal(decodeBytes(be).text, text);
  assert.deepEqual(decodeBytes(be).notes, ['decoded as UTF-16 BE (no byte-order mark)']);
}

test('UTF-16 without a BOM in Cyrillic, Greek or Hebrew is recognised, LE and BE', () => {
  for (const text of ['Посол России заявил в четверг: «группа устарела». 50 раз.\n', 'Ο πρέσβης είπε ότι η ομάδα «έληξε».\n', 'השגריר אמר ביום חמישי כי הפאנל הסתיים.\n']) readsAsUtf16WithoutBom(text);
});

test('binary data with a few NULs is still binary, not UTF-16', () => {
  const bytes = Buffer.alloc(2048);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) % 256;
  for (let i = 1; i < bytes.length; i += 16) bytes[i] = 0;
  assert.throws(() => decodeBytes(bytes), (e: unknown) => e instanceof SourceError && e.reason === 'binary');
});

test('UTF-16 without a BOM in Chinese, Japanese or Korean is recognised, LE and BE', () => {
  const texts = [
    '俄罗斯周四否决了一项联合国决议。\n该专家小组自2009年以来一直监督对朝鲜的制裁。\n',
    'ロシアは木曜日、国連の決議案に拒否権を行使した。専門家パネルは2009年に設置された。\n',
    '러시아는 목요일 유엔 결의안에 거부권을 행사했다. 전문가 패널은 2009년에 설치되었다.\n',
  ];
  for (const text of texts) readsAsUtf16WithoutBom(text);
});

test('text that merely reads as CJK two bytes at a time stays what it is', () => {
  // ASCII and Windows-1252 prose of even length: "re" read as UTF-16 LE is U+7265, a Han character.
  const ascii = 'Russia vetoed the renewal of the panel of experts on Thursday, officials said..\n';
  assert.equal(ascii.length % 2, 0);
  assert.deepEqual(decodeBytes(Buffer.from(ascii)).notes, []);
  const cp1252 = Buffer.from('The caf\xe9 owner said the panel of experts were \x93obsolete\x94 on Thursday.\n', 'latin1');
  assert.equal(cp1252.length % 2, 0);
  assert.deepEqual(decodeBytes(cp1252).notes, ['not valid UTF-8; decoded as Windows-1252']);
  // UTF-8 CJK stays UTF-8.
  const utf8 = Buffer.from('俄罗斯周四否决了一项联合国决议。\n');
  assert.equal(decodeBytes(utf8).text, '俄罗斯周四否决了一项联合国决议。\n');
  assert.deepEqual(decodeBytes(utf8).notes, []);
});

test('random bytes of even length are still binary, not CJK UTF-16', () => {
  let seed = 7;
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16 & 0xff;
  assert.throws(() => decodeBytes(bytes), (e: unknown) => e instanceof SourceError && e.reason === 'binary');
});
