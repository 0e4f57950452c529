import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSourceFiles, loadSources } from '../../src/cli/collect';
import { compareSources } from '../../src/core/compare/compareSources';
import { renderJson } from '../../src/core/report/json';
import { EXIT } from '../../src/cli/io';
import { generateReports } from '../../scripts/bench/corpus';

// A set large enough for the source pool's workers (src/node/sourcePool.ts): the built CLI
// finds dist/analyseWorker.js beside itself, prints exactly what the engine gives in one
// thread, names a bad file as before, and exits.

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

test('compare on 140 reports (per-source stages on every core) prints the JSON of compareSources and exits', { skip: !existsSync(CLI) && 'not built' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-pool-'));
  try {
    for (const r of generateReports(140)) writeFileSync(join(dir, r.name), r.text);
    writeFileSync(join(dir, 'zz-scan.txt'), Buffer.from('%PDF-1.7\n\u0000\u0001\u0002 binary'));
    const r = spawnSync(process.execPath, [CLI, 'compare', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
    assert.equal(r.status, EXIT.someUnreadable, r.stderr);
    assert.equal(r.stderr, `corroborate: ${join(dir, 'zz-scan.txt')}: binary file (looks like a PDF), not text — skipped\n`);
    const { files } = await collectSourceFiles([dir]);
    const loaded = loadSources(files);
    const inputs = loaded.flatMap((l) => (l.ok ? [{ id: l.id, path: l.path, read: l.read }] : []));
    const problems = loaded.flatMap((l) => (l.ok ? [] : [{ path: l.path, reason: l.reason, message: l.message }]));
    assert.equal(inputs.length, 140);
    assert.equal(r.stdout, renderJson(compareSources(inputs, problems)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
