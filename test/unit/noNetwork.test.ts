import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';

// "Nothing leaves the machine": the CLI, the extension, its engine worker, the source pool's
// worker and the webview are bundled here exactly as scripts/build.mjs bundles them
// (dependencies included), and every file that goes into a bundle is searched for network use.
// The one file allowed to use the network is the web-page fetch of Add Source → Web page. A new
// dependency that phones home, a telemetry module or a stray fetch makes this test fail.

const ROOT = path.resolve(import.meta.dirname, '../..');
const ALLOWED_FETCH = 'src/extension/web/fetchPage.ts';

const ENTRIES = [
  { in: 'src/cli/index.ts', platform: 'node' as const },
  { in: 'src/extension/extension.ts', platform: 'node' as const },
  { in: 'src/extension/worker/engineWorker.ts', platform: 'node' as const },
  { in: 'src/node/analyseWorker.ts', platform: 'node' as const },
  { in: 'src/webview/main.ts', platform: 'browser' as const },
];

/** Node built-ins that can open a connection, resolve a name or start a program. */
const NETWORK_MODULES = /^(node:)?(http|https|http2|net|tls|dgram|dns|dns\/promises|child_process|cluster|inspector|undici)$/;

/** Network calls written in source text (for the global ones, no import shows). */
const NETWORK_CALLS: Array<[string, RegExp]> = [
  ['fetch(', /(?<![\w$.])fetch\s*\(|globalThis\.fetch\b|\bwindow\.fetch\b|\bself\.fetch\b/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bnew\s+WebSocket\b/],
  ['EventSource', /\bnew\s+EventSource\b/],
  ['sendBeacon', /\bsendBeacon\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['vscode telemetry', /\bcreateTelemetryLogger\b|\bTelemetryReporter\b|@vscode\/extension-telemetry|applicationinsights/],
];

async function bundleInputs(entry: (typeof ENTRIES)[number]): Promise<Metafile> {
  const res = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry.in],
    bundle: true,
    write: false,
    metafile: true,
    platform: entry.platform,
    format: entry.platform === 'node' ? 'cjs' : 'iife',
    target: entry.platform === 'node' ? 'node20' : 'es2022',
    external: ['vscode'],
    define: { CORROBORATE_VERSION: '"test"' },
    logLevel: 'silent',
  });
  return res.metafile;
}

for (const entry of ENTRIES) {
  test(`no network module is imported by the ${entry.in} bundle`, async () => {
    const meta = await bundleInputs(entry);
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.length > 5, `the bundle has its files (${inputs.length})`);
    const offending: string[] = [];
    for (const [file, info] of Object.entries(meta.inputs)) {
      for (const imp of info.imports) {
        if (imp.external && NETWORK_MODULES.test(imp.path)) offending.push(`${file} imports ${imp.path}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  test(`no network call in any file of the ${entry.in} bundle except ${ALLOWED_FETCH}`, async () => {
    const meta = await bundleInputs(entry);
    const offending: string[] = [];
    let allowedSeen = false;
    for (const file of Object.keys(meta.inputs)) {
      if (!/\.(c|m)?[jt]sx?$/.test(file)) continue;
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [what, re] of NETWORK_CALLS) {
        if (!re.test(text)) continue;
        // domutils (through htmlparser2) has a helper of its own named fetch(tagName, nodes).
        if (what === 'fetch(' && /\bfunction\s+fetch\s*\(\s*(tagName|what)\b/.test(text) && !/globalThis\.fetch|\bawait\s+fetch\s*\(/.test(text)) continue;
        if (file === ALLOWED_FETCH && what === 'fetch(') allowedSeen = true;
        else offending.push(`${file}: ${what}`);
      }
    }
    assert.deepEqual(offending, []);
    // The extension bundles the one allowed fetch: proof that the search finds what it looks for.
    assert.equal(allowedSeen, entry.in === 'src/extension/extension.ts', `${ALLOWED_FETCH} is in this bundle`);
  });
}

test('the allowed fetch is called only by Add Source → Web page', async () => {
  const meta = await bundleInputs(ENTRIES[1]);
  const importers = Object.entries(meta.inputs)
    .filter(([, info]) => info.imports.some((i) => i.path === ALLOWED_FETCH))
    .map(([file]) => file)
    .filter((file) => /\bfetchPage\s*\(/.test(readFileSync(path.join(ROOT, file), 'utf8')));
  assert.deepEqual(importers, ['src/extension/commands/addSourceFromUrl.ts']);
});
