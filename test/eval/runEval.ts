import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectSourceFiles, loadSource } from '../../src/cli/collect';
import { compareSources, type SourceInput } from '../../src/core/compare/compareSources';
import type { CompareResult } from '../../src/core/result';
import { score, type EvalReport } from './score';

export const ROOT = join(__dirname, '..', '..');

/** Runs the engine on seeds/ the way the CLI does and scores it against the gold file. */
export async function runEval(): Promise<{ report: EvalReport; result: CompareResult }> {
  const gold = JSON.parse(readFileSync(join(__dirname, 'seeds-gold.json'), 'utf8'));
  const { files } = await collectSourceFiles([join(ROOT, 'seeds')]);
  const inputs: SourceInput[] = [];
  const raw: Record<string, string> = {};
  for (const file of files) {
    const loaded = loadSource(file);
    if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
    inputs.push({ id: loaded.id, path: file, read: loaded.read });
    raw[loaded.id] = loaded.read.raw;
  }
  const result = compareSources(inputs);
  return { report: score(result, gold, raw), result };
}
