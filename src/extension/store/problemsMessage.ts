import type { ViewModel } from '../../core/view/viewModel';

/**
 * The warning for files that could not be read, naming each file and why, e.g.
 * "Corroborate could not read 2 sources: scan.pdf (PDF files are not supported…); empty.txt
 * (empty file). The other 4 were compared." Undefined when every file was read.
 */
export function problemsMessage(model: ViewModel): string | undefined {
  const problems = model.problems;
  if (problems.length === 0) return undefined;
  const list = problems.map((p) => `${baseName(p.path)} (${p.message})`).join('; ');
  const read = model.sources.length;
  const rest = read === 0 ? 'Nothing was compared.'
    : read === 1 ? 'Only one source could be read: add another to compare.'
    : `The other ${read} were compared.`;
  // The size limit is the one refusal the user can lift: say where.
  const limit = problems.some((p) => p.reason === 'too-large') ? ` The size limit is the setting ${MAX_SIZE_SETTING}.` : '';
  return `Corroborate could not read ${problems.length === 1 ? '1 source' : `${problems.length} sources`}: ${list}. ${rest}${limit}`;
}

export const MAX_SIZE_SETTING = 'corroborate.maxSourceSizeMB';

/** Identifies a set of problems, so that a re-run with the same problems does not warn again. */
export function problemsKey(model: ViewModel): string {
  return model.problems.map((p) => `${p.path}\u0000${p.reason}\u0000${p.message}`).sort().join('\u0001');
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
