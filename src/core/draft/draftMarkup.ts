import type { Nodes, Root } from 'mdast';
import type { Range } from '../types';

/** A citation already written in a draft (raw offsets of the whole marker). */
export interface CitationMark extends Range {
  style: 'footnote' | 'pandoc' | 'link';
  /** The footnote label or the pandoc keys ("doe99" or "a; b" for `[@a; @b]`). */
  key?: string;
  url?: string;
}

/** A footnote definition `[^key]: …` (raw offsets of the whole definition). */
export interface FootnoteDefinition extends Range {
  label: string;
  /** The definition as written, from `[^` to its end. */
  text: string;
}

/** What of a draft is markup rather than prose, found once so every check can ask. */
export interface DraftMarkup {
  /** Raw ranges that are never checked: code, HTML, link targets, footnote definitions, citation keys. */
  masked: Range[];
  citations: CitationMark[];
  footnotes: FootnoteDefinition[];
}

/** Pandoc citations: `[@key]`, `[see @key, p. 3]`, `[@a; @b]`. */
const PANDOC = /\[([^[\]\n]*?)(?<![\w.])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)([^[\]\n]*)\]/gu;
const PANDOC_KEY = /(?<![\w.])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*?)(?=[\s,;\]]|$)/gu;

/** Node kinds whose whole extent is never prose. */
const MASKED_NODES = new Set(['code', 'inlineCode', 'html', 'definition', 'footnoteDefinition', 'yaml', 'toml', 'math', 'inlineMath']);

/**
 * The markup of a Markdown draft, from remark's tree (positions relative to the body, which
 * starts at `base` in the raw text). Autolinks ("<https://…>", "www.…") are masked whole:
 * their text is an address, not prose. A link with text keeps its text; its target is
 * markup and is never part of the analysed text anyway.
 */
export function markdownMarkup(raw: string, tree: Root, base: number): DraftMarkup {
  const masked: Range[] = base > 0 ? [{ start: 0, end: base }] : [];
  const citations: CitationMark[] = [];
  const footnotes: FootnoteDefinition[] = [];
  const definitions = new Map<string, string>();
  const references: Array<{ node: Nodes; start: number; end: number }> = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const r = { start: base + start, end: base + end };
    if (MASKED_NODES.has(node.type)) masked.push(r);
    switch (node.type) {
      case 'footnoteDefinition':
        footnotes.push({ ...r, label: node.label ?? node.identifier, text: raw.slice(r.start, r.end) });
        return;
      case 'definition':
        definitions.set(node.identifier, node.url);
        return;
      case 'footnoteReference':
        citations.push({ ...r, style: 'footnote', key: node.label ?? node.identifier });
        return;
      case 'link':
        if (raw[r.start] !== '[') masked.push(r);
        citations.push({ ...r, style: 'link', url: node.url });
        break;
      case 'linkReference':
        references.push({ node, ...r });
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  for (const ref of references) {
    if (ref.node.type !== 'linkReference') continue;
    const url = definitions.get(ref.node.identifier);
    if (url !== undefined) citations.push({ start: ref.start, end: ref.end, style: 'link', url });
  }
  for (const c of pandocCitations(raw, base)) {
    if (inside(masked, c.start)) continue;
    citations.push(c);
    masked.push({ start: c.start, end: c.end });
  }
  return finish(masked, citations, footnotes);
}

/**
 * The markup of a plain-text draft: only citation markers and footnote definitions written
 * Markdown-style (a plain-text draft may still use them), found by their shape.
 */
export function plainTextMarkup(raw: string): DraftMarkup {
  const masked: Range[] = [];
  const citations: CitationMark[] = [];
  const footnotes: FootnoteDefinition[] = [];
  for (const m of raw.matchAll(/^\[\^([^\]\s]+)\]:[^\n]*(?:\n(?: {2,}|\t)[^\n]*)*/gm)) {
    const start = m.index ?? 0;
    footnotes.push({ start, end: start + m[0].length, label: m[1], text: m[0] });
    masked.push({ start, end: start + m[0].length });
  }
  for (const m of raw.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
    const start = m.index ?? 0;
    if (inside(masked, start)) continue;
    citations.push({ start, end: start + m[0].length, style: 'footnote', key: m[1] });
    masked.push({ start, end: start + m[0].length });
  }
  for (const c of pandocCitations(raw, 0)) {
    if (inside(masked, c.start)) continue;
    citations.push(c);
    masked.push({ start: c.start, end: c.end });
  }
  for (const m of raw.matchAll(/\bhttps?:\/\/[^\s<>"”’)\]]+/g)) {
    const start = m.index ?? 0;
    if (inside(masked, start)) continue;
    const url = m[0].replace(/[.,;:!?]+$/, '');
    citations.push({ start, end: start + url.length, style: 'link', url });
    masked.push({ start, end: start + url.length });
  }
  return finish(masked, citations, footnotes);
}

function pandocCitations(raw: string, from: number): CitationMark[] {
  const out: CitationMark[] = [];
  for (const m of raw.matchAll(PANDOC)) {
    const start = m.index ?? 0;
    if (start < from) continue;
    const keys = [...m[0].matchAll(PANDOC_KEY)].map((k) => k[1]);
    out.push({ start, end: start + m[0].length, style: 'pandoc', key: keys.join('; ') });
  }
  return out;
}

function inside(ranges: Range[], offset: number): boolean {
  return ranges.some((r) => r.start <= offset && offset < r.end);
}

/** Ranges sorted and merged, marks in order. */
function finish(masked: Range[], citations: CitationMark[], footnotes: FootnoteDefinition[]): DraftMarkup {
  const sorted = [...masked].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  citations.sort((a, b) => a.start - b.start);
  footnotes.sort((a, b) => a.start - b.start);
  return { masked: merged, citations, footnotes };
}

/** Whether a raw offset lies in a masked range (binary search over merged ranges). */
export function isMasked(markup: DraftMarkup, offset: number): boolean {
  const ranges = markup.masked;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ranges[mid].start) hi = mid - 1;
    else if (offset >= ranges[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
