import type { ViewModel, ViewSource } from '../../core/view/viewModel';
import type { ResultFinding } from '../../core/result';
import { escapeMarkdown, markdownCode } from '../../core/report/escape';
import type { HighlightChoice } from './decorationSpans';
import { commandLink } from './commandLink';
import { COMMANDS } from '../ids';

export interface HoverContent {
  start: number;
  end: number;
  /** Markdown in which every piece of source text is escaped; its only links run `corroborate.openSourceAt`. */
  markdown: string;
}

const KIND = { figure: 'Figure', name: 'Name', quote: 'Quote' } as const;

/**
 * The hover for a place in a source: each finding with a mention there, its summary, and how
 * every other source words it, with a link that opens that source at that place.
 */
export function hoverContent(model: ViewModel, sourceId: string, offset: number, choice: HighlightChoice): HoverContent | undefined {
  const hits: Array<{ finding: ResultFinding; start: number; end: number }> = [];
  for (const f of model.findings) {
    if (!choice.kinds[f.kind] || (f.verdict === 'agree' && !choice.agreements)) continue;
    // End-inclusive, like word hovers: a keyboard cursor just after a name is on it.
    const m = f.mentions.find((x) => x.source === sourceId && x.start <= offset && offset <= x.end);
    if (m) hits.push({ finding: f, start: m.start, end: m.end });
  }
  if (hits.length === 0) return undefined;
  // The innermost mention decides the hover's range (a name inside a quote: the name).
  const inner = hits.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
  const sources = new Map(model.sources.map((s) => [s.id, s]));
  const markdown = hits.map((h) => findingSection(h.finding, sourceId, sources)).join('\n\n---\n\n');
  return { start: inner.start, end: inner.end, markdown };
}

function findingSection(f: ResultFinding, here: string, sources: Map<string, ViewSource>): string {
  const verdict = f.verdict === 'differ' ? 'differs' : 'agrees';
  const independent = f.independentSources === 1 ? '1 independent source' : `${f.independentSources} independent sources`;
  const lines = [
    `**${KIND[f.kind]} ${verdict}** (${escapeMarkdown(f.detail)}) · ${independent}`,
    '',
    escapeMarkdown(f.summary),
  ];
  const others = otherVersions(f, here);
  if (others.length > 0) {
    lines.push('', ...others.map((m) => `- ${sourceLabel(sources.get(m.source), m.source)}: “${escapeMarkdown(m.text)}”`
      + `${m.label ? ` (${escapeMarkdown(m.label)})` : ''}`
      + ` — [open](${commandLink(COMMANDS.openSourceAt, [{ source: m.source, path: sources.get(m.source)?.path, start: m.start, end: m.end, text: m.text }])})`));
  } else {
    lines.push('', '*No other source mentions this.*');
  }
  return lines.join('\n');
}

/** Each other source's wordings, once per distinct wording, in the order they appear. */
function otherVersions(f: ResultFinding, here: string): ResultFinding['mentions'] {
  const seen = new Set<string>();
  return f.mentions.filter((m) => {
    if (m.source === here) return false;
    const key = `${m.source}\u0000${m.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sourceLabel(source: ViewSource | undefined, id: string): string {
  const name = markdownCode(id);
  if (!source) return name;
  const extra = source.copyOf ? `copy of ${markdownCode(source.copyOf)}` : source.outlet ? escapeMarkdown(source.outlet) : '';
  return extra ? `${name} (${extra})` : name;
}
