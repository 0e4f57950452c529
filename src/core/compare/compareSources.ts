import type { Doc, ReadResult } from '../types';
import type { CompareResult, ResultFinding, ResultPassage, ResultSource } from '../result';
import { prepareDoc } from '../sources/prepare';
import { analyze } from './analyze';
import type { Analysis } from './context';
import { nameFindings } from './nameFindings';
import { figureFindings } from './figureFindings';
import { quoteFindings } from './quoteFindings';
import { sentencesSpan } from './spans';
import { mapRange } from '../text/offsetMap';
import { headOf } from '../text/cut';

export interface SourceInput {
  id: string;
  path: string;
  read: ReadResult;
}

export type Problem = CompareResult['problems'][number];

/**
 * The engine's entry point: sources in, the contract out. Sources are taken in id order so
 * that the result does not depend on the order they were given in.
 */
export function compareSources(inputs: SourceInput[], problems: Problem[] = []): CompareResult {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const docs = sorted.map((s) => prepareDoc(s.id, s.path, s.read));
  return buildResult(analyze(docs), problems);
}

export function buildResult(analysis: Analysis, problems: Problem[]): CompareResult {
  const { docs, origins } = analysis;
  const findings = [...nameFindings(analysis), ...figureFindings(analysis), ...quoteFindings(analysis)];
  findings.sort(compareFindings);
  findings.forEach((f, i) => (f.id = `${f.kind}-${i + 1}`));
  return {
    version: 1,
    sources: docs.map((d, i) => sourceEntry(d, origins.isCopy(i) ? docs[origins.of(i)].id : undefined)),
    duplicates: analysis.duplicates.map((x) => ({ source: docs[x.copy].id, of: docs[x.original].id, coverage: x.coverage })),
    passages: passages(analysis),
    findings,
    problems,
  };
}

function compareFindings(a: ResultFinding, b: ResultFinding): number {
  if (a.verdict !== b.verdict) return a.verdict === 'differ' ? -1 : 1;
  if (a.importance !== b.importance) return b.importance - a.importance;
  const ma = a.mentions[0];
  const mb = b.mentions[0];
  if (ma.source !== mb.source) return ma.source < mb.source ? -1 : 1;
  return ma.start - mb.start;
}

function sourceEntry(doc: Doc, copyOf: string | undefined): ResultSource {
  const boilerplate: Array<{ start: number; end: number }> = [];
  for (const s of doc.sentences) {
    if (!s.boilerplate && !s.caption) continue;
    const r = mapRange(doc.normToRaw, s.start, s.end, doc.raw);
    const last = boilerplate[boilerplate.length - 1];
    // HTML text need not follow the page's order (Readability moves link text and titles), so
    // a range is merged only when it really comes after the last one: else start > end.
    if (last && r.start >= last.end && doc.raw.slice(last.end, r.start).trim() === '') last.end = r.end;
    else boilerplate.push({ start: r.start, end: r.end });
  }
  return {
    id: doc.id,
    path: doc.path,
    title: doc.meta.title ?? guessTitle(doc),
    ...(doc.meta.outlet ? { outlet: doc.meta.outlet } : {}),
    ...(doc.meta.url ? { url: doc.meta.url } : {}),
    ...(doc.meta.date ? { date: doc.meta.date } : {}),
    ...(doc.meta.author ? { author: doc.meta.author } : {}),
    boilerplate,
    ...(copyOf ? { copyOf } : {}),
    notes: doc.notes,
    sentences: doc.sentences.filter((s) => !s.boilerplate).length,
  };
}

/** Without metadata, the first line that is neither furniture nor a caption stands for the title. */
export function guessTitle(doc: Doc): string {
  const s = doc.sentences.find((x) => !x.boilerplate && !x.caption);
  if (!s) return doc.id;
  const text = doc.norm.slice(s.start, s.end).replace(/\s+/g, ' ');
  return text.length <= 90 ? text : headOf(text, 89).replace(/\s+\S*$/, '') + '…';
}

function passages(analysis: Analysis): ResultPassage[] {
  return analysis.passages.map((p, i) => {
    const members = [...p.members.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([d, sentences]) => sentencesSpan(analysis.docs[d], sentences));
    return {
      id: `passage-${i + 1}`,
      members,
      independentSources: analysis.origins.count(p.members.keys()),
      similarity: Math.round(p.similarity * 1000) / 1000,
    };
  });
}
