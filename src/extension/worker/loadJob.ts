import { loadSources } from '../../cli/collect';
import type { SourceInput, Problem } from '../../core/compare/compareSources';
import type { MetaOverride, SourceJob } from './messages';

/**
 * Reads a job's files the way the CLI does (same ids, same size limit, same reasons for a
 * refusal) and applies the user's metadata overrides. Runs in the worker.
 */
export function loadJob(job: SourceJob): { inputs: SourceInput[]; problems: Problem[] } {
  const loaded = loadSources(job.files, job.maxBytes);
  const inputs: SourceInput[] = [];
  const problems: Problem[] = [];
  for (const l of loaded) {
    if (!l.ok) {
      problems.push({ path: l.path, reason: l.reason, message: l.message });
      continue;
    }
    const override = cleanOverride(job.overrides[l.path]);
    const read = override ? { ...l.read, meta: { ...l.read.meta, ...override } } : l.read;
    inputs.push({ id: l.id, path: l.path, read });
  }
  return { inputs, problems };
}

/** An override without blank values; undefined when nothing is left. */
export function cleanOverride(o: MetaOverride | undefined): MetaOverride | undefined {
  if (!o) return undefined;
  const out: MetaOverride = {};
  for (const [k, v] of Object.entries(o) as Array<[keyof MetaOverride, unknown]>) {
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
