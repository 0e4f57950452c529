import * as vscode from 'vscode';
import type { Range } from '../../core/types';
import type { CitationSource } from '../../core/cite/citationSource';
import type { CitedPassage } from '../worker/messages';

/** A quick pick entry of Insert Citation: a source, and the passage quoted in a footnote. */
export interface CitationChoice extends vscode.QuickPickItem {
  source?: string;
  passage?: string;
}

/**
 * The quick pick of Insert Citation: the passages that support the sentence, best first
 * (label: the source's outlet and title; description: the similarity score; detail: the
 * passage), then the other sources of the set, which are cited without a quotation.
 */
export function citationChoices(passages: readonly CitedPassage[], sources: readonly CitationSource[]): CitationChoice[] {
  const items: CitationChoice[] = passages.map((p) => ({
    label: sourceName(p.citation, p.title),
    description: `score ${p.score.toFixed(2)} · ${p.source}`,
    detail: oneLine(p.text),
    source: p.source,
    passage: p.text,
  }));
  const ranked = new Set(passages.map((p) => p.source));
  const others = sources.filter((s) => !ranked.has(s.id));
  if (others.length > 0) {
    items.push({ label: passages.length > 0 ? 'Other sources' : 'No passage supports this sentence closely', kind: vscode.QuickPickItemKind.Separator });
    for (const s of others) items.push({ label: sourceName(s, s.title ?? s.id), description: s.id, detail: 'cited without a quotation', source: s.id });
  }
  return items;
}

/** What the pick's title quotes: the start of the sentence being cited. */
export function pickTitle(text: string, sentence: Range | null): string {
  if (!sentence) return 'Corroborate: cite a source';
  return `Corroborate: cite a source for “${oneLine(text.slice(sentence.start, sentence.end), 70)}”`;
}

function sourceName(s: CitationSource, title: string): string {
  return s.outlet && s.outlet !== title ? `${s.outlet} — ${title}` : title;
}

function oneLine(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
