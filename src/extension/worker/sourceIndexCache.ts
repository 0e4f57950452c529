import { SourceIndex } from '../../core/draft/sourceIndex';
import type { Analysis } from '../../core/compare/context';
import { analyzeInputs } from '../../core/view/buildView';
import { loadJob } from './loadJob';
import type { IndexRef } from './messages';

/**
 * The source index drafts are checked against, kept in the worker between requests: the
 * analysis of the latest comparison, turned into a `SourceIndex` on the first draft request
 * (a comparison with no draft open pays nothing for it). One at a time: a newer comparison
 * replaces it, and a worker started afresh (the host terminates the thread to cancel a
 * comparison) rebuilds it once from the request's job.
 */
let current: { key: number; analysis: Analysis; index?: SourceIndex } | undefined;

/** Called by a comparison that asked for its analysis to be kept. */
export function keepAnalysis(key: number, analysis: Analysis): void {
  if (!current || key >= current.key) current = { key, analysis };
}

export async function sourceIndex(ref: IndexRef): Promise<SourceIndex> {
  if (current?.key === ref.key) return (current.index ??= new SourceIndex(current.analysis));
  const { inputs } = await loadJob(ref.job);
  const rebuilt = { key: ref.key, analysis: analyzeInputs(inputs), index: undefined as SourceIndex | undefined };
  // A comparison that finished while the files were read may have left a newer index: keep that one.
  if (current?.key === ref.key) return (current.index ??= new SourceIndex(current.analysis));
  if (!current || ref.key > current.key) current = rebuilt;
  return (rebuilt.index = new SourceIndex(rebuilt.analysis));
}
