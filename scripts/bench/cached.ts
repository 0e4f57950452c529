/**
 * "From cache": the time to results when every source's analysis is already on disk (a
 * workspace reopened after the analyses were cached): read the cache file, deserialise each
 * analysis, compare them. Measured in a child process like the rest of the scale table; the
 * cache file is built (once) next to the corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { collectSourceFiles, loadSources } from '../../src/cli/collect';
import { ANALYSIS_VERSION, analyseSource, compareAnalysed, deserialiseAnalysis, serialiseAnalysis } from '../../src/core/compare/sourceAnalysis';

export function cachedCompare(dir: string): number | null {
  const file = `${dir}.analyses-v${ANALYSIS_VERSION}.jsonl`;
  const run = () => {
    const r = spawnSync(process.execPath, [__filename, '--child-cached', file, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`cached child failed: ${r.stderr}`);
    return Number(r.stdout.trim().split('\n').pop());
  };
  if (!existsSync(file)) run(); // builds the cache
  const times = [run(), run(), run()].sort((a, b) => a - b);
  return times[1];
}

export async function cachedChild(file: string, dir: string): Promise<void> {
  if (!existsSync(file)) {
    const { files } = await collectSourceFiles([dir]);
    const lines: string[] = [];
    for (const l of loadSources(files)) if (l.ok) lines.push(serialiseAnalysis(analyseSource({ id: l.id, path: l.path, read: l.read })));
    writeFileSync(file, lines.join('\n') + '\n');
    process.stdout.write('0\n');
    return;
  }
  const t = performance.now();
  const analyses = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(deserialiseAnalysis);
  JSON.stringify(compareAnalysed(analyses));
  process.stdout.write(`${performance.now() - t}\n`);
}
