import { loadSource, sourceFromBytes, type LoadedSource } from '../cli/collect';
import type { SourceInput } from '../core/compare/compareSources';
import type { SourceProblem } from '../cli/sourceBytes';
import { analyseSource, type SourceAnalysis } from '../core/compare/sourceAnalysis';
import { analysisKey } from './sourceAnalysisKey';
import type { SourceMeta } from '../core/types';

/**
 * The per-source work the pool (sourcePool.ts) spreads over threads. Every thread, the
 * calling one included, runs this same function, so a source's analysis or problem is the
 * same whichever thread made it:
 *
 * - `load`: read the file as `loadSource` reads it (same size limit, same words for a
 *   problem) and analyse it: what the command line needs;
 * - `parse`: read bytes already in hand as `loadSource` would (the extension reads them first
 *   to hash them), apply the user's metadata override, and give the source with its
 *   `analysisKey`, so the caller can look for the analysis in its cache first;
 * - `analyse`: analyse a source already read.
 */
export type SourceTask =
  | { kind: 'load'; path: string; id: string; maxBytes: number }
  | { kind: 'parse'; path: string; id: string; bytes: Uint8Array; override?: SourceMeta }
  | { kind: 'analyse'; input: SourceInput };

export type Refused = { ok: false; problem: SourceProblem };
export type Loaded = { ok: true; analysis: SourceAnalysis } | Refused;
export type Parsed = { ok: true; input: SourceInput; key: string } | Refused;
export type Analysed = { ok: true; analysis: SourceAnalysis };

/** What each kind of task gives. */
export type OutcomeOf<T extends SourceTask> = T extends { kind: 'load' } ? Loaded : T extends { kind: 'parse' } ? Parsed : Analysed;
export type SourceOutcome = Loaded | Parsed | Analysed;

export async function performTask(task: SourceTask): Promise<SourceOutcome> {
  switch (task.kind) {
    case 'load': {
      const l = loadSource(task.path, task.maxBytes);
      return l.ok ? { ok: true, analysis: analyseSource({ id: task.id, path: l.path, read: l.read }) } : refused(l);
    }
    case 'parse': {
      const l = sourceFromBytes(task.path, task.bytes);
      if (!l.ok) return refused(l);
      const read = task.override ? { ...l.read, meta: { ...l.read.meta, ...task.override } } : l.read;
      const input: SourceInput = { id: task.id, path: l.path, read };
      return { ok: true, input, key: analysisKey(input) };
    }
    case 'analyse':
      return { ok: true, analysis: analyseSource(task.input) };
  }
}

function refused(l: LoadedSource & { ok: false }): Refused {
  return { ok: false, problem: { path: l.path, reason: l.reason, message: l.message } };
}
