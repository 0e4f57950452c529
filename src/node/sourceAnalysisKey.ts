import { createHash } from 'node:crypto';
import type { SourceInput } from '../core/compare/compareSources';
import { ANALYSIS_VERSION } from '../core/compare/sourceAnalysis';

/**
 * The cache key of a source's analysis: a SHA-256 of everything `analyseSource` reads (id,
 * path, the decoded file, the article text and its offset map, metadata, notes) and the
 * analysis version. The same key means the cached analysis is still the right one.
 */
export function analysisKey(input: SourceInput): string {
  const h = createHash('sha256');
  const part = (s: string) => h.update(`${s.length}:`).update(s);
  part(`corroborate-analysis-v${ANALYSIS_VERSION}`);
  part(input.id);
  part(input.path);
  part(input.read.raw);
  part(input.read.text);
  h.update(new Uint8Array(input.read.toRaw.buffer, input.read.toRaw.byteOffset, input.read.toRaw.byteLength));
  part(JSON.stringify(input.read.meta, Object.keys(input.read.meta).sort()));
  part(JSON.stringify(input.read.notes));
  return h.digest('hex');
}
