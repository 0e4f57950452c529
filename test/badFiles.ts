/**
 * The bad files of issue 6, made on the fly in a folder (nothing binary or large is
 * committed). Shared by the CLI test (test/cli/badFiles.test.ts) and the one inside VS Code
 * (test/vscode/suite/badFiles.test.ts), so both check the same table.
 *
 * `refused` files must be named with exactly `message`; `read` files are compared, with
 * `note` among the source's notes and `text` (when given) as its decoded text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RefusedFile {
  name: string;
  outcome: 'refused';
  reason: 'empty' | 'binary' | 'missing' | 'unreadable' | 'too-large' | 'unsupported';
  message: string;
}

export interface ReadFile {
  name: string;
  outcome: 'read';
  /** A note the reader attaches (a regular expression's source); undefined: no note at all. */
  note?: RegExp;
  text?: string;
}

export type BadFile = (RefusedFile | ReadFile) & { make: (path: string) => void };

/** A paragraph of ordinary news prose, with curly quotes and an accent, to encode in odd ways. */
export const PROSE = 'The envoy said “the panel’s work is done” on Thursday, and the café owners in Kyiv agreed.\nOfficials counted 31 inspectors.\n';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xdb];
const GIF = [...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0, 0x21, 0xf9, 4];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...Buffer.from('word/document.xml'), 0, 0, 0xde, 0xad];

const bytes = (b: number[] | Buffer) => (path: string) => writeFileSync(path, Buffer.from(b));

function utf16le(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

function utf16be(s: string): Buffer {
  return Buffer.from(s, 'utf16le').swap16();
}

const binaryCases: BadFile[] = [];
for (const [kind, sig] of [['a PNG image', PNG], ['a JPEG image', JPEG], ['a GIF image', GIF], ['a ZIP archive, e.g. a Word .docx or an EPUB', ZIP]] as const) {
  const stem = kind.split(' ')[1].replace(/,$/, '').toLowerCase();
  for (const ext of ['txt', 'md', 'html']) {
    binaryCases.push({ name: `${stem}-renamed.${ext}`, outcome: 'refused', reason: 'binary', message: `binary file (looks like ${kind}), not text`, make: bytes([...sig, ...Buffer.from('\u0000\u0001 IDAT x\u0000\u00ff')]) });
  }
}

/** Every case that can be made as an ordinary file (no special file types, no size). */
export const BAD_FILES: BadFile[] = [
  { name: 'empty.txt', outcome: 'refused', reason: 'empty', message: 'empty file', make: bytes([]) },
  { name: 'blank.md', outcome: 'refused', reason: 'empty', message: 'empty file (only white space)', make: (p) => writeFileSync(p, ' \n\t\r\n  \n') },
  { name: 'scan-renamed.txt', outcome: 'refused', reason: 'binary', message: 'binary file (looks like a PDF), not text', make: bytes(Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), Buffer.from([0, 1, 2, 0xff, 0])])) },
  { name: 'scan.pdf', outcome: 'refused', reason: 'unsupported', message: 'PDF files are not supported; save the article as .txt, .md or .html', make: bytes(Buffer.from('%PDF-1.4\n')) },
  ...binaryCases,
  { name: 'windows-1252.txt', outcome: 'read', note: /^not valid UTF-8; decoded as Windows-1252$/, text: PROSE, make: bytes(Buffer.from(PROSE.replace(/[“”’]/g, (c) => ({ '“': '\x93', '”': '\x94', '’': '\x92' })[c]!), 'latin1')) },
  { name: 'utf16le-bom.txt', outcome: 'read', note: /^decoded as UTF-16 LE$/, text: PROSE, make: bytes(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(PROSE)])) },
  { name: 'utf16be-bom.txt', outcome: 'read', note: /^decoded as UTF-16 BE$/, text: PROSE, make: bytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PROSE)])) },
  { name: 'utf16le-no-bom.txt', outcome: 'read', note: /^decoded as UTF-16 LE \(no byte-order mark\)$/, text: PROSE, make: bytes(utf16le(PROSE)) },
  { name: 'utf16be-no-bom.md', outcome: 'read', note: /^decoded as UTF-16 BE \(no byte-order mark\)$/, make: bytes(utf16be(PROSE)) },
  { name: 'utf16le-cyrillic.txt', outcome: 'read', note: /^decoded as UTF-16 LE \(no byte-order mark\)$/, text: 'Посол России заявил в четверг, что группа экспертов — «устарела». Было 50 инспекторов.\n', make: bytes(utf16le('Посол России заявил в четверг, что группа экспертов — «устарела». Было 50 инспекторов.\n')) },
  { name: 'utf16le-chinese.txt', outcome: 'read', note: /^decoded as UTF-16 LE \(no byte-order mark\)$/, text: '俄罗斯周四否决了一项联合国决议。专家小组自2009年以来一直监督制裁。\n', make: bytes(utf16le('俄罗斯周四否决了一项联合国决议。专家小组自2009年以来一直监督制裁。\n')) },
  { name: 'utf8-bom.txt', outcome: 'read', text: PROSE, make: bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE)])) },
  { name: 'cut-off.txt', outcome: 'read', note: /ends in the middle of a character/, text: `${PROSE}Tokyo \ufffd`, make: bytes(Buffer.from(`${PROSE}Tokyo 東`).subarray(0, -1)) },
];

/**
 * Special files: a named pipe (reading it would wait forever), a link to nowhere and a
 * link loop. Made with the system's tools; `mkfifo` exists on every Unix.
 */
export const SPECIAL_FILES: BadFile[] = [
  { name: 'pipe.txt', outcome: 'refused', reason: 'unreadable', message: 'is a named pipe (FIFO), not a file', make: (p) => execFileSync('mkfifo', [p]) },
  { name: 'dangling.txt', outcome: 'refused', reason: 'missing', message: 'broken link: the file it points to does not exist', make: (p) => symlinkSync(`${p}.gone`, p) },
  { name: 'loop.txt', outcome: 'refused', reason: 'unreadable', message: 'symbolic link loop: the link never reaches a file', make: (p) => symlinkSync(p, p) },
];

/** Makes every case in `dir` (created if needed); returns the cases made. */
export function makeBadFiles(dir: string, cases: BadFile[] = [...BAD_FILES, ...(process.platform === 'win32' ? [] : SPECIAL_FILES)]): BadFile[] {
  mkdirSync(dir, { recursive: true });
  for (const c of cases) c.make(join(dir, c.name));
  return cases;
}

/**
 * A big source of real prose: the seeds, over and over, each copy numbered and with its
 * figures shifted, so that it is not one repeated block. Written in pieces, not built in memory.
 */
export function makeProseFile(path: string, seedTexts: string[], megabytes: number): number {
  const target = megabytes * 1024 * 1024;
  const chunks: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const s = `\n\nPart ${i + 1}.\n\n${seedTexts[i % seedTexts.length].replace(/\b\d+\b/g, (d) => String(Number(d) + (i % 89)))}`;
    chunks.push(s);
    size += Buffer.byteLength(s);
  }
  writeFileSync(path, chunks.join(''));
  return size;
}
