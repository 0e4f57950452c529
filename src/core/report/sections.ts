/**
 * What every report shows, decided once so that the terminal, Markdown and HTML reports
 * never disagree about which findings are differences or how many sources are independent.
 */
import type { CompareResult, FindingKind, ResultFinding, ResultPassage, ResultSource } from '../result';

export interface SourceStatus {
  source: ResultSource;
  /** The original, when this source is a copy of another one. */
  copyOf?: string;
  /** Share of the copy's sentences found in the original, 0…1, when known. */
  coverage?: number;
}

export interface ReportSections {
  sources: SourceStatus[];
  independentCount: number;
  differences: ResultFinding[];
  agreements: ResultFinding[];
  /** Passages reported by at least two independent sources, in the engine's order. */
  passages: ResultPassage[];
  /** Passages shared only by a copy and its original: the same report twice, not shown. */
  copyOnlyPassages: number;
  problems: CompareResult['problems'];
}

export const KIND_LABEL: Record<FindingKind, string> = { figure: 'FIGURE', name: 'NAME', quote: 'QUOTE' };

export function reportSections(result: CompareResult): ReportSections {
  const sources = result.sources.map((source): SourceStatus => {
    // `duplicates` carries the coverage; `copyOf` on the source is the same fact, either may be set.
    const dup = result.duplicates.find((d) => d.source === source.id);
    const copyOf = source.copyOf ?? dup?.of;
    const coverage = dup && dup.of === copyOf ? dup.coverage : undefined;
    return { source, copyOf, coverage };
  });
  // Findings keep the engine's order: they arrive sorted by importance.
  const differences = result.findings.filter((f) => f.verdict === 'differ');
  const agreements = result.findings.filter((f) => f.verdict === 'agree');
  const aligned = result.passages.filter((p) => p.members.length >= 2);
  const passages = aligned.filter((p) => p.independentSources >= 2);
  return {
    sources,
    independentCount: sources.filter((s) => s.copyOf === undefined).length,
    differences,
    agreements,
    passages,
    copyOnlyPassages: aligned.length - passages.length,
    problems: result.problems,
  };
}

/** "1 source", "3 sources". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 0.996 → "99.6%"; whole numbers without decimals, and never "100%" for less than all. */
export function percent(share: number): string {
  const p = Math.floor(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** The ids of the sources a finding's mentions come from, first appearance first. */
export function mentionSources(finding: ResultFinding): string[] {
  return [...new Set(finding.mentions.map((m) => m.source))];
}

/** The distinct wordings of a finding with the sources that use each, first appearance first. */
export function wordings(finding: ResultFinding): Array<{ text: string; sources: string[] }> {
  const byText = new Map<string, string[]>();
  for (const m of finding.mentions) {
    const list = byText.get(m.text) ?? [];
    if (!list.includes(m.source)) list.push(m.source);
    byText.set(m.text, list);
  }
  return [...byText].map(([text, srcs]) => ({ text, sources: srcs }));
}
