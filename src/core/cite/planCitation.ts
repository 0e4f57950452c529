import type { Range } from '../types';
import { readDraft, type DraftInput, type DraftText } from '../draft/draftText';
import type { FootnoteDefinition } from '../draft/draftMarkup';
import type { CitationSource } from './citationSource';
import type { CitationStyle } from './citationStyle';
import { citationKey, urlKey } from './citationKey';
import { cslItem, findCslItem, validateCslItem, type CslItem } from './cslJson';
import { draftSentences, sentenceAt, type DraftSentence } from './citedSentence';
import { footnoteDefinition, linkCitation } from './citationText';
import type { TextEdit } from './textEdit';

/** One citation to plan: the sentence (by cursor or selection), the source and its supporting passage. */
export interface CitationItem {
  /** The cursor, or a selection: the citation goes after the sentence it ends in. */
  at: number | Range;
  source: CitationSource;
  /** The supporting passage, quoted (shortened) in a footnote definition. */
  passage?: string;
}

export interface CitationRequest extends CitationItem {
  /** The draft as it is now, or as already read by a check (the same text). */
  draft: DraftInput | DraftText;
  style?: CitationStyle;
  /** The entries of the pandoc bibliography, to reuse a source's key. */
  bibliography?: readonly CslItem[];
}

export interface CitationPlan {
  style: CitationStyle;
  key: string;
  /** Non-overlapping edits of the draft, in order; empty when the sentence already cites the source. */
  edits: TextEdit[];
  /** The sentence cited, in draft offsets. */
  sentence: Range;
  /** True when an existing footnote definition or bibliography entry is reused. */
  reused: boolean;
  /** pandoc: the entry to add to the bibliography (absent when reused). */
  bibliographyEntry?: CslItem;
  /** Why the plan is not what was asked, e.g. a link without an address became a footnote. */
  note?: string;
}

/** Several citations planned together ("cite all verified quotes"): one set of edits, one undo step. */
export interface CitationsPlan {
  style: CitationStyle;
  /** Non-overlapping edits of the draft, in order. */
  edits: TextEdit[];
  /** Per item, its key. */
  keys: string[];
  /** Per item, whether its key comes from a footnote definition or bibliography entry already there. */
  reused: boolean[];
  /** pandoc: the entries to add to the bibliography, one per new source. */
  bibliographyEntries: CslItem[];
  notes: string[];
}

/**
 * Plans the text edits that cite a source after a sentence, as small as they can be:
 * - footnote: `[^key]` after the sentence's final punctuation (and any markers already
 *   there), and its definition at the end of the draft — unless a definition for the same
 *   source (same address or title) exists, whose key is reused;
 * - pandoc: `[@key]` before the final full stop (joined into a `[@a; @key]` already there),
 *   and a CSL-JSON entry for the bibliography unless it has one for the source;
 * - link: ` ([Outlet](url))` before the final full stop.
 * Nothing else in the draft changes: the draft is parsed only to find positions.
 */
export function planCitation(req: CitationRequest): CitationPlan {
  const draft = 'doc' in req.draft ? req.draft : readDraft(req.draft);
  const sentence = sentenceAt(draftSentences(draft), req.at);
  const plan = planCitations(draft, [req], { style: req.style, bibliography: req.bibliography });
  const at = sentence ?? { start: draft.doc.raw.length, end: draft.doc.raw.length };
  return {
    style: plan.style === 'link' && !req.source.url ? 'footnote' : plan.style,
    key: plan.keys[0],
    edits: plan.edits,
    sentence: { start: at.start, end: at.end },
    reused: plan.reused[0],
    ...(plan.bibliographyEntries[0] ? { bibliographyEntry: plan.bibliographyEntries[0] } : {}),
    ...(plan.notes.length ? { note: plan.notes.join('; ') } : {}),
  };
}

/**
 * Plans several citations of one draft at once: a source cited twice gets one key and one
 * definition (or bibliography entry), definitions are added together at the end, and two
 * citations after one sentence become one insertion.
 */
export function planCitations(
  draftIn: DraftInput | DraftText,
  items: readonly CitationItem[],
  options: { style?: CitationStyle; bibliography?: readonly CslItem[] } = {},
): CitationsPlan {
  const draft = 'doc' in draftIn ? draftIn : readDraft(draftIn);
  const sentences = draftSentences(draft);
  const planner = new Planner(draft, options.bibliography ?? []);
  const style = options.style ?? 'footnote';
  const keys = items.map((item) => {
    const s = sentenceAt(sentences, item.at);
    if (!s) {
      planner.notes.add('the draft has no sentence to cite');
      planner.reused.push(false);
      return citationKey(item.source, planner.taken);
    }
    if (style === 'link' && !item.source.url) {
      planner.notes.add('a source with no address to link to is cited with a footnote instead');
      return planner.footnote(s, item);
    }
    return style === 'pandoc' ? planner.pandoc(s, item) : style === 'link' ? planner.link(s, item) : planner.footnote(s, item);
  });
  return { style, edits: planner.edits(), keys, reused: planner.reused, bibliographyEntries: planner.entries, notes: [...planner.notes] };
}

/** The state of one planning: keys given out, definitions and entries to add, insertions so far. */
class Planner {
  readonly taken: Set<string>;
  readonly entries: CslItem[] = [];
  readonly notes = new Set<string>();
  readonly reused: boolean[] = [];
  private readonly keyOf = new Map<string, string>();
  private readonly definitions: string[] = [];
  private readonly inserts = new Map<number, string>();
  private readonly raw: string;

  constructor(
    private readonly draft: DraftText,
    private readonly bibliography: readonly CslItem[],
  ) {
    this.raw = draft.doc.raw;
    const { footnotes, citations } = draft.markup;
    this.taken = new Set(
      [
        ...footnotes.map((f) => f.label),
        ...citations.flatMap((c) => (c.key ?? '').split(/;\s*/)),
        ...bibliography.map((b) => b.id),
      ].map((k) => k.toLowerCase()),
    );
  }

  footnote(s: DraftSentence, item: CitationItem): string {
    const defined = definitionFor(this.draft.markup.footnotes, item.source)?.label;
    const existing = this.keyOf.get(item.source.id) ?? defined;
    this.reused.push(!!defined);
    const key = existing ?? this.newKey(item.source);
    if (!existing) this.definitions.push(footnoteDefinition(key, item.source, item.passage));
    if (s.citations.some((c) => c.style === 'footnote' && c.key?.toLowerCase() === key.toLowerCase())) return key;
    // After the full stop, closing quotes and any footnote markers already following it.
    let at = s.end;
    for (const c of s.citations) if (c.style === 'footnote' && c.start >= at && this.raw.slice(at, c.start).trim() === '') at = c.end;
    this.insert(at, `[^${key}]`, `[^${key}]`);
    return key;
  }

  pandoc(s: DraftSentence, item: CitationItem): string {
    const listed = findCslItem(this.bibliography, item.source)?.id;
    const existing = this.keyOf.get(item.source.id) ?? listed;
    this.reused.push(!!listed);
    const key = existing ?? this.newKey(item.source);
    if (!existing) {
      const entry = cslItem(key, item.source);
      const errors = validateCslItem(entry);
      if (errors.length) throw new Error(`cannot make a bibliography entry: ${errors.join('; ')}`);
      this.entries.push(entry);
    }
    const own = s.citations.filter((c) => c.style === 'pandoc').flatMap((c) => (c.key ?? '').split(/;\s*/));
    if (own.some((k) => k.toLowerCase() === key.toLowerCase())) return key;
    // A citation already at the end of the sentence takes the new key: "[@a]" becomes "[@a; @key]".
    const joined = s.citations.find((c) => c.style === 'pandoc' && c.end <= s.end && this.raw.slice(c.end, s.end).trim().length <= 1);
    if (joined) this.insert(joined.end - 1, `; @${key}`, `@${key}`);
    else {
      const at = beforeFinalStop(this.raw, s);
      this.insert(at, `${spaceBefore(this.raw, at)}[@${key}]`, `@${key}`, (prev) => prev.replace(/\]$/, `; @${key}]`));
    }
    return key;
  }

  link(s: DraftSentence, item: CitationItem): string {
    const url = item.source.url!;
    const key = this.keyOf.get(item.source.id) ?? citationKey(item.source, new Set());
    this.keyOf.set(item.source.id, key);
    this.reused.push(false);
    if (s.citations.some((c) => c.style === 'link' && c.url && urlKey(c.url) === urlKey(url))) return key;
    const at = beforeFinalStop(this.raw, s);
    const text = linkCitation(item.source);
    this.insert(at, `${spaceBefore(this.raw, at)}(${text})`, text, (prev) => prev.replace(/\)$/, `; ${text})`));
    return key;
  }

  /** All edits: the insertions after sentences and the definitions at the end, merged where they meet. */
  edits(): TextEdit[] {
    if (this.definitions.length) {
      const eol = this.raw.includes('\r\n') ? '\r\n' : '\n';
      const def = appendDefinition(this.draft, this.definitions.join(eol));
      // The last sentence of a draft without a final line end: one insertion, so that the
      // order of two insertions at one place is never left to the editor.
      this.inserts.set(def.start, (this.inserts.get(def.start) ?? '') + def.newText);
    }
    return [...this.inserts.entries()].sort((a, b) => a[0] - b[0]).map(([at, newText]) => ({ start: at, end: at, newText }));
  }

  private newKey(source: CitationSource): string {
    const key = citationKey(source, this.taken);
    this.taken.add(key.toLowerCase());
    this.keyOf.set(source.id, key);
    return key;
  }

  /** Adds text at an offset; a second citation at the same place joins the first (`join`), once. */
  private insert(at: number, text: string, marker: string, join?: (prev: string) => string): void {
    const prev = this.inserts.get(at);
    if (prev === undefined) this.inserts.set(at, text);
    else if (!prev.includes(marker)) this.inserts.set(at, join ? join(prev) : prev + text);
  }
}

/** Before a final ".", "!" or "?" that ends the sentence itself; after closing quotes otherwise. */
function beforeFinalStop(raw: string, s: DraftSentence): number {
  const last = raw[s.end - 1];
  return s.end > s.start && /[.!?]/.test(last ?? '') && !/[.!?]/.test(raw[s.end - 2] ?? '') ? s.end - 1 : s.end;
}

function spaceBefore(raw: string, at: number): string {
  return at > 0 && /\s/.test(raw[at - 1]) ? '' : ' ';
}

/** A definition that already cites this source: same address, or its title written in it. */
function definitionFor(footnotes: FootnoteDefinition[], source: CitationSource): FootnoteDefinition | null {
  const url = source.url ? urlKey(source.url) : null;
  const title = source.title && source.title.length >= 12 ? source.title.toLowerCase() : null;
  return (
    footnotes.find((f) => {
      const text = f.text.toLowerCase();
      return (url && urlKey(text).includes(url)) || (url && text.includes(url)) || (title && text.includes(title));
    }) ?? null
  );
}

/**
 * The edit that adds footnote definitions at the end of the draft: on the next line after
 * other definitions, after a blank line otherwise, with the draft's own line ends, and
 * keeping a final line end if the draft had one.
 */
function appendDefinition(draft: DraftText, definition: string): TextEdit {
  const raw = draft.doc.raw;
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const end = raw.length;
  const lastDef = draft.markup.footnotes[draft.markup.footnotes.length - 1];
  const afterLastDef = !!lastDef && raw.slice(lastDef.end).trim() === '';
  const breaks = trailingBreaks(raw);
  const wanted = end === 0 ? 0 : afterLastDef ? 1 : 2;
  const lead = eol.repeat(Math.max(0, wanted - breaks));
  return { start: end, end, newText: `${lead}${definition}${breaks > 0 ? eol : ''}` };
}

/** How many line breaks (\n or \r\n) end the text: read backwards, not by a regex tried at every offset. */
function trailingBreaks(raw: string): number {
  let n = 0;
  let i = raw.length;
  while (i > 0 && raw[i - 1] === '\n') {
    i--;
    if (i > 0 && raw[i - 1] === '\r') i--;
    n++;
  }
  return n;
}
