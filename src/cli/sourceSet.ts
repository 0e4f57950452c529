import { resolve } from 'node:path';
import { collectSourceFiles, loadSources } from './collect';
import type { SourceInput, Problem } from '../core/compare/compareSources';
import type { Io } from './io';

/**
 * Reads the source files and folders of a command: every readable source, and the problems
 * (each also named on stderr). Files in `exclude` (the draft being checked) are left out
 * silently when a folder brought them in, with a note when they were named.
 */
export async function readSourceSet(paths: string[], maxBytes: number, io: Io, exclude: string[] = []): Promise<{ inputs: SourceInput[]; problems: Problem[] }> {
  const { files, problems } = await collectSourceFiles(paths);
  const skip = new Set(exclude.map((p) => resolve(p)));
  const named = new Set(paths.map((p) => resolve(p)));
  const kept = files.filter((f) => {
    if (!skip.has(resolve(f))) return true;
    if (named.has(resolve(f))) io.stderr(`corroborate: ${f}: is the draft; left out of the sources\n`);
    return false;
  });
  const inputs: SourceInput[] = [];
  for (const l of await loadSources(kept, maxBytes)) {
    if (l.ok) inputs.push({ id: l.id, path: l.path, read: l.read });
    else problems.push({ path: l.path, reason: l.reason, message: l.message });
  }
  // The size limit is the one refusal the user can lift: the line says how.
  for (const p of problems) io.stderr(`corroborate: ${p.path}: ${p.message}${p.reason === 'too-large' ? ' (--max-size MB raises it)' : ''} — skipped\n`);
  return { inputs, problems };
}
