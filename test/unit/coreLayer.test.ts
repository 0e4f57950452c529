import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The engine (src/core) is pure TypeScript: no vscode, no DOM, no Node (design.md). It runs
 * in the CLI, the extension's worker and the webview's tests alike; whatever needs Node
 * (hashing, files, threads) lives in src/node, src/cli or src/extension and calls it.
 */
const CORE = resolve(__dirname, '..', '..', 'src', 'core');
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* files(join(dir, e.name));
    else if (e.name.endsWith('.ts')) yield join(dir, e.name);
  }
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

test('src/core imports nothing of vscode, Node or the layers above it', () => {
  const found: string[] = [];
  let checked = 0;
  for (const file of files(CORE)) {
    for (const spec of imports(file)) {
      checked++;
      const where = relative(CORE, file);
      if (spec === 'vscode') found.push(`${where}: vscode`);
      else if (NODE.has(spec) || NODE.has(spec.split('/')[0])) found.push(`${where}: ${spec} (Node)`);
      else if (spec.startsWith('.') && relative(CORE, resolve(dirname(file), spec)).startsWith('..')) found.push(`${where}: ${spec} (outside src/core)`);
    }
  }
  assert.ok(checked > 100, `the imports were read (${checked})`);
  assert.deepEqual(found, []);
});
