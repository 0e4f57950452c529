#!/usr/bin/env node
// Checks what `npm run package` put in the .vsix: exactly what runs (the bundles, the webview's
// script, styles, font and icons, the manifest and its strings, README and LICENSE) and
// nothing else — no source maps, no src/, no node_modules/, no tests. Also checks that the
// shipped scripts do not point at source maps that are not there, and that the manifest's
// entry points are in the package.
//
//   node test/ui/vsix-contents.mjs [corroborate.vsix]
//
// Reads the zip's central directory itself (no unzip needed); `unzip -l corroborate.vsix`
// shows the same list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const file = path.resolve(process.argv[2] ?? 'corroborate.vsix');

/** Entries of a zip file: name, compression method, sizes and where the data starts. */
function readZip(buf) {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n} in ${file}`);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    entries.push({ name, method, compressed, size, local });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function contents(buf, e) {
  const nameLen = buf.readUInt16LE(e.local + 26);
  const extraLen = buf.readUInt16LE(e.local + 28);
  const start = e.local + 30 + nameLen + extraLen;
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) return data;
  if (e.method === 8) return inflateRawSync(data);
  throw new Error(`${e.name}: unsupported compression method ${e.method}`);
}

// vsce adds the two package files at the root, puts the extension under extension/, and
// renames README.md to readme.md and LICENSE to LICENSE.txt.
const EXPECTED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/dist/analyseWorker.js',
  'extension/dist/cli.js',
  'extension/dist/engineWorker.js',
  'extension/dist/extension.js',
  'extension/media/codicon.css',
  'extension/media/codicon.ttf',
  'extension/media/webview.css',
  'extension/media/webview.js',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/readme.md',
];
/** Icons may be added to media/ without changing this test. */
const ALSO_ALLOWED = /^extension\/media\/[^/]+\.svg$/;

const problems = [];
const buf = readFileSync(file);
const entries = readZip(buf);
const names = entries.map((e) => e.name).sort();

for (const want of EXPECTED) if (!names.includes(want)) problems.push(`missing: ${want}`);
for (const name of names) if (!EXPECTED.includes(name) && !ALSO_ALLOWED.test(name)) problems.push(`not allowed in the package: ${name}`);
if (!names.some((n) => ALSO_ALLOWED.test(n))) problems.push('no icon (extension/media/*.svg)');
for (const name of names) {
  if (/\.map$/.test(name)) problems.push(`source map shipped: ${name}`);
  if (/(^|\/)(src|node_modules|test|tests|dist-test|scripts|seeds|\.vscode-test)\//.test(name)) problems.push(`development file shipped: ${name}`);
}

const byName = new Map(entries.map((e) => [e.name, e]));
for (const js of names.filter((n) => n.endsWith('.js'))) {
  const text = contents(buf, byName.get(js)).toString('utf8');
  if (/\/\/# sourceMappingURL=/.test(text)) problems.push(`${js} refers to a source map (build with --production)`);
}
const manifest = byName.has('extension/package.json') ? JSON.parse(contents(buf, byName.get('extension/package.json')).toString('utf8')) : {};
for (const entry of [manifest.main, ...Object.values(manifest.bin ?? {})].filter(Boolean)) {
  const inPackage = `extension/${path.posix.normalize(entry).replace(/^\.\//, '')}`;
  if (!names.includes(inPackage)) problems.push(`the manifest's entry point ${entry} is not in the package`);
}
const icon = manifest.contributes?.viewsContainers?.activitybar?.[0]?.icon;
if (icon && !names.includes(`extension/${icon}`)) problems.push(`the activity bar icon ${icon} is not in the package`);

const total = entries.reduce((s, e) => s + e.size, 0);
console.log(`[vsix] ${path.basename(file)}: ${entries.length} files, ${(total / 1024).toFixed(0)} KiB unpacked, ${(buf.length / 1024).toFixed(0)} KiB packed`);
for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) console.log(`[vsix]   ${String(e.size).padStart(9)}  ${e.name}`);
if (problems.length) {
  console.error(`[vsix] FAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('[vsix] contents as expected: only what runs ships');
