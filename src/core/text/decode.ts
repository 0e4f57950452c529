/**
 * Turning a file's bytes into the string every offset of the engine points into. The string
 * has no byte-order mark, like the text VS Code shows for the same file, so that offsets the
 * engine reports line up with `document.positionAt` in the extension.
 */

export type SourceErrorReason = 'missing' | 'empty' | 'binary' | 'unreadable' | 'too-large' | 'unsupported';

/** A source that cannot be read as an article; `message` is meant for the user. */
export class SourceError extends Error {
  readonly reason: SourceErrorReason;

  constructor(reason: SourceErrorReason, message: string) {
    super(message);
    this.name = 'SourceError';
    this.reason = reason;
  }
}

export interface Decoded {
  text: string;
  notes: string[];
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new SourceError('empty', 'empty file');
  const kind = sniffMagic(bytes);
  if (kind) throw new SourceError('binary', `binary file (looks like ${kind}), not text`);

  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') throw new SourceError('empty', 'empty file (only white space)');
  if (looksBinary(decoded.text)) throw new SourceError('binary', 'binary file, not text');
  return decoded;
}

function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3));
  // FF FE 00 00 would be UTF-32 LE, which is so rare in articles that it is left to the binary check.
  if (startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xff, 0xfe, 0, 0])) {
    return { text: utf16(bytes.subarray(2), 'utf-16le'), notes: ['decoded as UTF-16 LE'] };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: utf16(bytes.subarray(2), 'utf-16be'), notes: ['decoded as UTF-16 BE'] };
  }
  const guess = guessUtf16(bytes);
  if (guess) return withoutBom(bytes, guess);
  const nul = bytes.includes(0);
  if (!nul) {
    const text = strictUtf8(bytes);
    if (text !== null) return { text, notes: [] };
  }
  // Not UTF-8, or NULs in it: UTF-16 in an East Asian script, before binary or Windows-1252.
  const cjk = guessCjkUtf16(bytes);
  if (cjk) return withoutBom(bytes, cjk);
  if (nul) throw new SourceError('binary', 'binary file (contains NUL bytes), not text');
  return brokenUtf8(bytes);
}

function withoutBom(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): Decoded {
  return { text: utf16(bytes, label), notes: [`decoded as UTF-16 ${label === 'utf-16le' ? 'LE' : 'BE'} (no byte-order mark)`] };
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  const text = strictUtf8(bytes);
  return text === null ? brokenUtf8(bytes) : { text, notes: [] };
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes that are not valid UTF-8. A UTF-8 file cut off in the middle of its last character
 * (an interrupted download or copy) is still UTF-8: read as Windows-1252 every curly quote
 * and accent in it would turn into mojibake. The broken tail becomes one U+FFFD, as VS Code
 * shows it, so offsets agree. Anything else is Windows-1252.
 */
function brokenUtf8(bytes: Uint8Array): Decoded {
  const cut = incompleteTail(bytes);
  if (cut > 0) {
    const text = strictUtf8(bytes.subarray(0, bytes.length - cut));
    if (text !== null) return { text: `${text}\ufffd`, notes: ['the file ends in the middle of a character (cut off?); the broken last character is shown as \ufffd'] };
  }
  return { text: decodeWindows1252(bytes), notes: ['not valid UTF-8; decoded as Windows-1252'] };
}

/**
 * How many bytes at the end form the start of a UTF-8 sequence that the file does not finish
 * (a lead byte followed by fewer continuation bytes than it announces); 0 if none.
 */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k];
    if (b >= 0x80 && b <= 0xbf) continue; // a continuation byte: look further back
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    return need > k ? k : 0;
  }
  return 0;
}

function utf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  // ignoreBOM keeps a second BOM as text; the first was already cut off with the subarray.
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

/**
 * Windows-1252 by table, not by `TextDecoder('windows-1252')`: Node 20.18.3+ and 22.13+
 * decode that label as Latin-1 (nodejs/node#56542), which turns 0x93/0x94 into C1 controls
 * instead of curly quotes. Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned and map to the
 * C1 code point of the same value, as the WHATWG Encoding Standard says.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * UTF-16 without a BOM: Latin-script text has a NUL in every other byte, on the odd
 * positions for little-endian and the even ones for big-endian, and almost none on the other.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.02) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.02) return 'utf-16be';
  // Cyrillic, Greek, Hebrew, Arabic…: the high bytes are the script's block (0x04 for
  // Cyrillic) with NULs only for spaces, digits and punctuation. So the high-byte side has
  // some NULs and hardly any other values, and the low-byte side no NULs. Without this such
  // a file was refused as binary.
  if (oddNul / pairs > 0.05 && evenNul / pairs < 0.02 && fewValues(bytes, 1, n)) return 'utf-16le';
  if (evenNul / pairs > 0.05 && oddNul / pairs < 0.02 && fewValues(bytes, 0, n)) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM in Chinese, Japanese or Korean: hardly any NULs (only ASCII spaces and
 * digits have them), so the test above misses it, and the file was refused as binary. Read
 * as UTF-16, such a file is almost all CJK, kana, Hangul and their punctuation, and half its
 * low bytes are past ASCII. Both matter: ASCII read two bytes at a time is CJK too ("re" is
 * U+7265), but its low bytes are all ASCII; and valid UTF-8 is never taken for it.
 */
function guessCjkUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0 || bytes.length < 8) return null;
  const n = Math.min(bytes.length, 8192);
  const sample = bytes.subarray(0, n);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return null;
  } catch {
    // Not UTF-8: perhaps UTF-16.
  }
  for (const [label, low] of [['utf-16le', 0], ['utf-16be', 1]] as const) {
    let plausible = 0;
    let cjk = 0;
    let lowPastAscii = 0;
    for (let i = 0; i < n; i += 2) {
      const u = low === 0 ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      const east = isEastAsian(u);
      if (east) cjk++;
      if (east || isCommonText(u)) plausible++;
      const lo = bytes[i + low];
      if (lo < 0x20 || lo > 0x7e) lowPastAscii++;
    }
    const units = n / 2;
    if (plausible >= 0.97 * units && cjk >= 0.3 * units && lowPastAscii >= 0.2 * units) return label;
  }
  return null;
}

/** Han (and Extension A), kana, Hangul, CJK punctuation and full-width forms. */
function isEastAsian(u: number): boolean {
  return (u >= 0x3000 && u <= 0x30ff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0x1100 && u <= 0x11ff) || (u >= 0x3130 && u <= 0x318f) || (u >= 0xac00 && u <= 0xd7a3) || (u >= 0xff00 && u <= 0xffef);
}

/** Line breaks, tabs, printable ASCII, Latin-1 letters and general punctuation. */
function isCommonText(u: number): boolean {
  return u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff) || (u >= 0x2000 && u <= 0x206f);
}

/** Whether the bytes at `from`, `from + 2`… take at most three values for 95% of them. */
function fewValues(bytes: Uint8Array, from: number, n: number): boolean {
  const counts = new Map<number, number>();
  for (let i = from; i < n; i += 2) counts.set(bytes[i], (counts.get(bytes[i]) ?? 0) + 1);
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
  return top >= 0.95 * (n / 2);
}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'], // %PDF-
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'], // GIF8
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive, e.g. a Word .docx or an EPUB'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Microsoft Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'a RAR archive'],
  [[0x00, 0x00, 0x00], 'a binary file'], // UTF-32 BE / ISO media; real text never starts with three NULs
];

function sniffMagic(bytes: Uint8Array): string | null {
  for (const [sig, name] of MAGIC) if (startsWith(bytes, sig)) return name;
  // RIFF containers (WebP, WAV, AVI) and ISO media (MP4, HEIC) carry their type a few bytes in.
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes.length >= 12) return 'a RIFF media file';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return 'a video or HEIC image';
  return null;
}

/**
 * Text that decoded without error can still be binary (e.g. Windows-1252 decoding accepts
 * any byte): a real article has hardly any control characters besides tab and line breaks.
 */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const c0 = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c;
    if (c0 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfffd) controls++;
  }
  return controls > Math.max(2, n * 0.05);
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
