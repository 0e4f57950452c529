import { SourceIndex } from '../../core/draft/sourceIndex';
import type { Analysis } from '../../core/compare/context';
import { analyzeSet } from '../../core/compare/analyze';
import type { SourceCache } from '../cache/sourceCache';
import { analyseJob, analysesByKeys, sortById } from './compareJob';
import type { IndexRef } from './messages';

/**
 * The source index drafts are checked against, kept in the worker between requests: the
 * analysis of the latest comparison, turned into a `SourceIndex` on the first draft request
 * (a comparison with no draft open pays nothing for it). A comparison answered from the
 * result cache made no analysis: its sources' analyses are then taken from the analysis
 * cache on that first request. One at a time: a newer comparison replaces it, and a worker
 * started afresh (the host terminates the thread to cancel a comparison) rebuilds it once
 * from the request's job, through the cache.
 */
let current: { key: number; analysis?: Analysis; analysisKeys?: string[]; index?: SourceIndex } | undefined;

/** Called by a comparison that asked for its analysis to be kept. */
export function keepAnalysis(key: number, analysis: Analysis | undefined, analysisKeys: string[]): void {
  if (!current || key >= current.key) current = { key, analysis, analysisKeys };
}

export async function sourceIndex(ref: IndexRef, cache: SourceCache): Promise<SourceIndex> {
  const held = current;
  if (held?.key === ref.key) {
    if (held.index) return held.index;
    const analysis = held.analysis ?? (await fromKeys(held.analysisKeys, cache)) ?? (await fromJob(ref, cache));
    if (current === held) held.analysis = analysis;
    return (held.index ??= new SourceIndex(analysis));
  }
  const analysis = await fromJob(ref, cache);
  const rebuilt = { key: ref.key, analysis, index: new SourceIndex(analysis) };
  // A comparison that finished while the files were read may have left a newer index: keep that one.
  if (!current || ref.key > current.key) current = rebuilt;
  return rebuilt.index;
}

async function fromKeys(keys: string[] | undefined, cache: SourceCache): Promise<Analysis | undefined> {
  const analyses = keys && (await analysesByKeys(keys, cache));
  return analyses && analyzeSet(sortById(analyses));
}

async function fromJob(ref: IndexRef, cache: SourceCache): Promise<Analysis> {
  const { analyses } = await analyseJob(ref.job, cache);
  return analyzeSet(sortById(analyses));
}
