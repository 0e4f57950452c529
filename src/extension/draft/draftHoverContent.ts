import type { DraftDiagnostic, Evidence } from '../../core/draft/diagnostic';
import type { ViewSource } from '../../core/view/viewModel';
import { escapeMarkdown, markdownCode } from '../../core/report/escape';
import { commandLink } from '../editor/commandLink';
import { COMMANDS } from '../ids';

export interface DraftHoverContent {
  start: number;
  end: number;
  /** Markdown in which every piece of draft and source text is escaped; its only links run `corroborate.openSourceAt`. */
  markdown: string;
}

/** A heading a journalist reads at a glance, by kind and verdict. */
const HEADINGS: Record<string, string> = {
  'quote:agree': 'Quotation confirmed',
  'quote:differ': 'Quotation differs from the source',
  'quote:misattributed': 'Quotation attributed to someone else',
  'quote:unsupported': 'Quotation not found in the sources',
  'figure:differ': 'Figure conflicts with the sources',
  'figure:disputed': 'The sources disagree on this figure',
  'figure:unsupported': 'No source gives this figure',
  'name:differ': 'Spelt differently from the sources',
  'name:disputed': 'The sources spell this name differently',
  'citation:uncited': 'Follows a source without citing it',
};

/** At most this many pieces of evidence in one hover; the Problems panel lists them all. */
const MAX_EVIDENCE = 6;

/**
 * The hover for a place in a draft: each result there (the innermost first, and it decides the range), its
 * message, the word-by-word difference for a reworded quotation, and the evidence — what
 * each source says, with a link that opens the source at that place.
 */
export function draftHoverContent(diagnostics: readonly DraftDiagnostic[], offset: number, sources: readonly ViewSource[]): DraftHoverContent | undefined {
  // End-inclusive, like word hovers: a keyboard cursor just after a name is on it.
  const hits = diagnostics.filter((d) => d.start <= offset && offset <= d.end);
  if (hits.length === 0) return undefined;
  // The most specific first: on a name inside an uncited sentence, the name, then the sentence.
  const ordered = [...hits].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  const inner = ordered[0];
  const byId = new Map(sources.map((s) => [s.id, s]));
  return { start: inner.start, end: inner.end, markdown: ordered.map((d) => section(d, byId)).join('\n\n---\n\n') };
}

function section(d: DraftDiagnostic, sources: Map<string, ViewSource>): string {
  const heading = HEADINGS[`${d.kind}:${d.verdict}`] ?? `${d.kind} ${d.verdict}`;
  const detail = d.detail !== d.verdict ? ` (${escapeMarkdown(d.detail)})` : '';
  const lines = [`**${escapeMarkdown(heading)}**${detail}`];
  // VS Code's own hover shows the message of an error, warning or information right above
  // ours; a hint's (and a confirmation, which is not a problem at all) only we show.
  if (d.verdict === 'agree' || d.severity === 'hint') lines.push('', escapeMarkdown(d.message));
  if (d.wordDiff && d.wordDiff.some((p) => p.added || p.removed)) {
    const diff = d.wordDiff
      .map((p) => (p.removed ? `~~${escapeMarkdown(p.value.trim())}~~` : p.added ? `**${escapeMarkdown(p.value.trim())}**` : escapeMarkdown(p.value)))
      .join(' ')
      .replace(/\s+/g, ' ');
    lines.push('', `Draft → source: ${diff}`);
  }
  const evidence = distinct(d.evidence);
  if (evidence.length > 0) {
    lines.push('', ...evidence.slice(0, MAX_EVIDENCE).map((e) => evidenceLine(e, sources.get(e.source))));
    if (evidence.length > MAX_EVIDENCE) lines.push(`- …and ${evidence.length - MAX_EVIDENCE} more (see the Problems panel)`);
  }
  return lines.join('\n');
}

function evidenceLine(e: Evidence, source: ViewSource | undefined): string {
  const name = markdownCode(e.source);
  const extra = source?.copyOf ? `copy of ${markdownCode(source.copyOf)}` : source?.outlet ? escapeMarkdown(source.outlet) : '';
  const link = source ? ` — [open](${commandLink(COMMANDS.openSourceAt, [{ source: e.source, path: source.path, start: e.start, end: e.end, text: e.text }])})` : '';
  return `- ${name}${extra ? ` (${extra})` : ''}: “${escapeMarkdown(clip(e.text))}”${e.label ? ` (${escapeMarkdown(e.label)})` : ''}${link}`;
}

/** Each source's wording once. */
function distinct(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.source}\u0000${e.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clip(text: string, max = 240): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
