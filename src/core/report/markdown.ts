/**
 * The Markdown report a fact-checker hands to an editor. Source text is untrusted: every
 * string from the result is escaped (`escapeMarkdown`, `markdownCode`) so that it renders as
 * exactly the words of the source, never as markup, links or HTML.
 */
import type { CompareResult, ResultFinding, ResultPassage, ResultSource } from '../result';
import { escapeMarkdown as md, httpUrl, markdownCode as code } from './escape';
import { KIND_LABEL, percent, plural, reportSections, wordings, type SourceStatus } from './sections';

export function renderMarkdown(result: CompareResult): string {
  const sec = reportSections(result);
  const copies = new Set(sec.sources.filter((s) => s.copyOf !== undefined).map((s) => s.source.id));
  const parts = [
    '# Corroborate report',
    `${plural(sec.sources.length, 'source')}, ${sec.independentCount} independent · `
      + `${plural(sec.differences.length, 'difference')} · ${plural(sec.agreements.length, 'agreement')} · `
      + `${plural(sec.passages.length, 'aligned passage')}`,
    '## Sources',
    sourcesTable(sec.sources),
    ...sourceNotes(sec.sources),
    '## Differences',
    ...listOrNone(sec.differences.map((f, i) => difference(f, i + 1, copies))),
    '## Agreements',
    ...listOrNone(sec.agreements.length > 0 ? [sec.agreements.map(agreement).join('\n')] : []),
    '## Aligned passages',
    ...listOrNone(sec.passages.map((p, i) => passage(p, i + 1, copies))),
  ];
  if (sec.copyOnlyPassages > 0) {
    parts.push(`*${plural(sec.copyOnlyPassages, 'passage')} shared only by a copy and its original `
      + `${sec.copyOnlyPassages === 1 ? 'is' : 'are'} not shown.*`);
  }
  if (sec.problems.length > 0) {
    parts.push('## Could not read', sec.problems
      .map((p) => `- ${code(p.path)}: ${md(p.message)} (${md(p.reason)})`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

function listOrNone(items: string[]): string[] {
  return items.length > 0 ? items : ['*None.*'];
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function sourcesTable(sources: SourceStatus[]): string {
  return table(['Source', 'Title', 'Outlet', 'Date', 'Status'], sources.map(({ source, copyOf, coverage }) => [
    code(source.id),
    title(source),
    md(source.outlet ?? ''),
    md(source.date ?? ''),
    copyOf === undefined ? 'independent'
      : `copy of ${code(copyOf)}${coverage === undefined ? '' : ` (coverage ${percent(coverage)})`}`,
  ]));
}

/** The title, linked when the source has an http(s) URL; any other URL is shown as text only. */
function title(source: ResultSource): string {
  const text = md(source.title || '(untitled)');
  const href = httpUrl(source.url);
  // URL serialisation has already percent-encoded spaces, `<` and `>`; the characters it keeps
  // that Markdown reads (`|` ends a table cell, brackets and parentheses end a destination
  // in renderers without `<…>` destinations) are encoded too, which leaves the URL equivalent.
  const encoded = href?.replace(/[|()[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (encoded) return `[${text}](<${encoded}>)`;
  return source.url ? `${text} (${md(source.url)})` : text;
}

function sourceNotes(sources: SourceStatus[]): string[] {
  const notes = sources.flatMap(({ source }) => source.notes.map((n) => `- ${code(source.id)}: ${md(n)}`));
  return notes.length > 0 ? [`Notes from reading the sources:\n\n${notes.join('\n')}`] : [];
}

function meta(f: ResultFinding): string {
  return `${md(f.detail)} · ${plural(f.independentSources, 'independent source')}`;
}

function difference(f: ResultFinding, n: number, copies: Set<string>): string {
  const withNotes = f.mentions.some((m) => m.label || copies.has(m.source));
  const rows = f.mentions.map((m) => {
    const row = [code(m.source), `“${md(m.text)}”`];
    if (withNotes) row.push([m.label ? md(m.label) : '', copies.has(m.source) ? '*copy*' : ''].filter(Boolean).join('; '));
    return row;
  });
  return [
    `### ${n}. ${KIND_LABEL[f.kind]}: ${md(f.summary)}`,
    `*${meta(f)}*`,
    table(withNotes ? ['Source', 'Exact wording', 'Note'] : ['Source', 'Exact wording'], rows),
  ].join('\n\n');
}

function agreement(f: ResultFinding): string {
  const lines = [`- **${KIND_LABEL[f.kind]}**: ${md(f.summary)} *(${meta(f)})*`];
  for (const w of wordings(f)) lines.push(`  - “${md(w.text)}”: ${w.sources.map(code).join(', ')}`);
  return lines.join('\n');
}

function passage(p: ResultPassage, n: number, copies: Set<string>): string {
  const head = `### Passage ${n}: ${plural(p.independentSources, 'independent source')}, `
    + `similarity ${percent(p.similarity)}`;
  const rows = p.members.map((m) => [code(m.source) + (copies.has(m.source) ? ' *(copy)*' : ''), md(m.text)]);
  return `${head}\n\n${table(['Source', 'Text'], rows)}`;
}
