import { resolve } from 'node:path';
import { collectSourceFiles, uniqueIds } from './collect';
import type { Problem } from '../core/compare/compareSources';
import type { SourceAnalysis } from '../core/compare/sourceAnalysis';
import { analyseSourceFiles } from '../node/analyseSourceFiles';
import type { Io } from './io';

/**
 * Reads the source files and folders of a command and analyses each source on its own (on
 * every core: src/node/sourcePool.ts): every readable source's analysis, in the order of the
 * files, and the problems (each also named on stderr). Files in `exclude` (the draft being
 * checked) are left out silently when a folder brought them in, with a note when they were named.
 */
export async function readSourceSet(paths: string[], maxBytes: number, io: Io, exclude: string[] = []): Promise<{ analyses: SourceAnalysis[]; problems: Problem[] }> {
  const { files, problems } = await collectSourceFiles(paths);
  const skip = new Set(exclude.map((p) => resolve(p)));
  const named = new Set(paths.map((p) => resolve(p)));
  const kept = files.filter((f) => {
    if (!skip.has(resolve(f))) return true;
    if (named.has(resolve(f))) io.stderr(`corroborate: ${f}: is the draft; left out of the sources\n`);
    return false;
  });
  const analyses: SourceAnalysis[] = [];
  for (const o of await analyseSourceFiles(kept, uniqueIds(kept), maxBytes)) {
    if (o.ok) analyses.push(o.analysis);
    else problems.push(o.problem);
  }
  // The size limit is the one refusal the user can lift: the line says how.
  for (const p of problems) io.stderr(`corroborate: ${p.path}: ${p.message}${p.reason === 'too-large' ? ' (--max-size MB raises it)' : ''} — skipped\n`);
  return { analyses, problems };
}
