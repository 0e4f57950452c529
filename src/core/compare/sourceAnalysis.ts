import type { Doc, Figure, Range, Sentence } from '../types';
import type { CompareResult } from '../result';
import type { DocSegment } from '../align/segments';
import { prepareDoc } from '../sources/prepare';
import { analyseDoc, analyzeSet, type DocAnalysis } from './analyze';
import { buildResult, type Problem, type SourceInput } from './compareSources';

/**
 * Sources analysed once. Everything the engine finds in a source on its own (its repaired
 * text and sentences, comparable segments, names, figures and quotes) depends only on that
 * source, so a front end can keep it — in memory, or on disk across restarts, keyed by a
 * hash of the source (`analysisKey` in src/node/sourceAnalysisKey.ts: hashing is Node's, and
 * the engine imports nothing of Node) — and compare a set again with only the cross-source
 * stages (alignment, copies, entities, findings):
 *
 *   compareAnalysed(inputs.map(analyseSource)) ≡ compareSources(inputs)
 *   compareAnalysed(analyses.map((a) => deserialiseAnalysis(serialiseAnalysis(a)))) ≡ the same
 *
 * An analysis is never changed by a comparison, so one may be shared by many.
 */
export interface SourceAnalysis extends DocAnalysis {
  /** ANALYSIS_VERSION of the engine that made it; a cached analysis of another version is stale. */
  version: number;
}

/** Bumped whenever what the per-source stages produce changes. */
export const ANALYSIS_VERSION = 1;

/** Analyses one source on its own: pure, and the same whatever it is later compared with. */
export function analyseSource(input: SourceInput): SourceAnalysis {
  return { version: ANALYSIS_VERSION, ...analyseDoc(prepareDoc(input.id, input.path, input.read)) };
}

/** `compareSources` over sources already analysed: only the stages that need the whole set run. */
export function compareAnalysed(analyses: SourceAnalysis[], problems: Problem[] = []): CompareResult {
  for (const a of analyses) {
    if (a.version !== ANALYSIS_VERSION) throw new Error(`analysis of ${a.doc.id} has version ${a.version}, not ${ANALYSIS_VERSION}`);
  }
  const sorted = [...analyses].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  return buildResult(analyzeSet(sorted), problems);
}

const FORMAT = 'corroborate-analysis';

/**
 * An analysis as a JSON string. Offset maps and sentence tables are packed into typed
 * arrays written as base64 (an offset map as the runs where it is not a plain shift), the
 * segments' keys as indexes into one table of the source's words, and the bounds of open
 * intervals (±Infinity, which JSON cannot hold) as strings, so that reading it back gives
 * every value exactly.
 */
export function serialiseAnalysis(a: SourceAnalysis): string {
  const { doc } = a;
  const table = new Map<string, number>();
  const segments = a.segments.map((s) => [s.sentences, s.keys.map((k) => table.get(k) ?? (table.set(k, table.size), table.size - 1)), s.fingerprint]);
  const packed = {
    format: FORMAT,
    version: a.version,
    doc: {
      id: doc.id,
      path: doc.path,
      meta: doc.meta,
      raw: doc.raw,
      norm: doc.norm,
      normToRaw: packOffsets(doc.normToRaw),
      blocks: packInts(doc.blocks.flatMap((b) => [b.start, b.end])),
      sentences: packInts(doc.sentences.flatMap((s) => [s.start, s.end, s.block, (s.boilerplate ? 1 : 0) | (s.caption ? 2 : 0)])),
      notes: doc.notes,
    },
    keys: [...table.keys()],
    segments,
    names: a.names,
    figures: a.figures.map(packFigure),
    quotes: a.quotes,
  };
  return JSON.stringify(packed);
}

/**
 * Figures are the only place a number JSON cannot hold appears (the ±Infinity of an open
 * interval; NaN and -0 are kept too, to be exact): their bounds are written as strings then.
 */
function packFigure(f: Figure): Figure {
  return !isPlain(f.lo) || !isPlain(f.hi) ? ({ ...f, lo: packNumber(f.lo), hi: packNumber(f.hi) } as unknown as Figure) : f;
}

function unpackFigure(f: Figure): Figure {
  return typeof f.lo === 'string' || typeof f.hi === 'string' ? { ...f, lo: Number(f.lo), hi: Number(f.hi) } : f;
}

function isPlain(v: number): boolean {
  return Number.isFinite(v) && !Object.is(v, -0);
}

function packNumber(v: number): number | string {
  return isPlain(v) ? v : Object.is(v, -0) ? '-0' : String(v);
}

/** Reads back what `serialiseAnalysis` wrote; throws on anything else (another format or version). */
export function deserialiseAnalysis(text: string): SourceAnalysis {
  const p = JSON.parse(text) as Packed;
  if (p?.format !== FORMAT) throw new Error('not a Corroborate source analysis');
  if (p.version !== ANALYSIS_VERSION) throw new Error(`analysis version ${p.version}, not ${ANALYSIS_VERSION}`);
  const blocks: Range[] = [];
  const b = unpackInts(p.doc.blocks);
  for (let i = 0; i < b.length; i += 2) blocks.push({ start: b[i], end: b[i + 1] });
  const sentences: Sentence[] = [];
  const s = unpackInts(p.doc.sentences);
  for (let i = 0; i < s.length; i += 4) {
    sentences.push({ start: s[i], end: s[i + 1], block: s[i + 2], index: i / 4, boilerplate: (s[i + 3] & 1) !== 0, caption: (s[i + 3] & 2) !== 0 });
  }
  const doc: Doc = {
    id: p.doc.id,
    path: p.doc.path,
    meta: p.doc.meta,
    raw: p.doc.raw,
    norm: p.doc.norm,
    normToRaw: unpackOffsets(p.doc.normToRaw),
    blocks,
    sentences,
    notes: p.doc.notes,
  };
  const segments: DocSegment[] = p.segments.map(([sent, keys, fingerprint]) => ({ sentences: sent, keys: keys.map((k) => p.keys[k]), fingerprint }));
  return { version: p.version, doc, segments, names: p.names, figures: p.figures.map(unpackFigure), quotes: p.quotes };
}

interface Packed {
  format: string;
  version: number;
  doc: { id: string; path: string; meta: Doc['meta']; raw: string; norm: string; normToRaw: string; blocks: string; sentences: string; notes: string[] };
  keys: string[];
  segments: Array<[number[], number[], string]>;
  names: SourceAnalysis['names'];
  figures: SourceAnalysis['figures'];
  quotes: SourceAnalysis['quotes'];
}

function packInts(values: ArrayLike<number>): string {
  const a = Int32Array.from(values);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function unpackInts(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** An offset map as [length, then (index, shift) at every index where map[i] − i changes]. */
function packOffsets(map: Int32Array): string {
  const runs: number[] = [map.length];
  let shift = NaN;
  for (let i = 0; i < map.length; i++) {
    if (map[i] - i !== shift) {
      shift = map[i] - i;
      runs.push(i, shift);
    }
  }
  return packInts(runs);
}

function unpackOffsets(text: string): Int32Array {
  const runs = unpackInts(text);
  const map = new Int32Array(runs[0]);
  for (let r = 1; r < runs.length; r += 2) {
    const to = r + 2 < runs.length ? runs[r + 2] : map.length;
    for (let i = runs[r]; i < to; i++) map[i] = i + runs[r + 1];
  }
  return map;
}
