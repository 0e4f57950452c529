import type { Doc } from '../types';
import type { ResultSpan } from '../result';
import type { TextEdit } from '../cite/textEdit';
import type { CslItem } from '../cite/cslJson';
import type { QuoteDiffPart } from '../extract/quoteMatch';
import { resultSpan } from '../compare/spans';
import { foldChar } from '../text/fold';
import { headOf } from '../text/cut';

export type DiagnosticKind = 'quote' | 'figure' | 'name' | 'citation';

/**
 * - agree: a source says the same (a confirmed quotation);
 * - differ: the sources say otherwise (a reworded quotation, a conflicting figure, a misspelt name);
 * - misattributed: the sources give the words to someone else;
 * - disputed: the sources disagree among themselves on it;
 * - unsupported: no source says it;
 * - uncited: a source says it, and the draft does not cite one.
 */
export type DraftVerdict = 'agree' | 'differ' | 'misattributed' | 'disputed' | 'unsupported' | 'uncited';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** A span of a source (offsets into the source file's decoded text), with who or what it is. */
export interface Evidence extends ResultSpan {
  /** The speaker of a quotation, the claimant of a figure, when the source names one. */
  label?: string;
}

/**
 * One result of checking a draft. `start`/`end` are UTF-16 offsets into the draft text as
 * given, and `text === draft.slice(start, end)`. A fix is a list of non-overlapping edits
 * of that same text, applied together as one undo step; `fix` repeats the edit when there
 * is exactly one (the contract's shape), `fixes` always has all of them.
 */
export interface DraftDiagnostic {
  kind: DiagnosticKind;
  verdict: DraftVerdict;
  /**
   * quote: verbatim | partial | reworded | unquoted | not-found | different-speaker;
   * figure: conflict | sources-disagree | no-source;
   * name: spelling | sources-differ;
   * citation: uncited.
   */
  detail: string;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: string;
  evidence: Evidence[];
  fix?: TextEdit;
  fixes?: TextEdit[];
  /** What applying the fix does, for a quick-fix title ("Use the source's wording"). */
  fixTitle?: string;
  /** For a reworded quotation: the word-by-word difference, draft first, source's words added. */
  wordDiff?: QuoteDiffPart[];
  /** For an uncited sentence: the source to cite and the citation key the fix uses. */
  cite?: { source: string; key: string; style: string; bibliographyEntry?: CslItem };
  /**
   * Stays the same while the finding does (not its offsets), for remembering a finding the
   * user chose to ignore: kind, detail and the folded text.
   */
  fingerprint: string;
}

/** Diagnostic fields every check fills the same way. */
export function diagnostic(
  draft: Doc,
  start: number,
  end: number,
  fields: Omit<DraftDiagnostic, 'start' | 'end' | 'text' | 'fingerprint'>,
): DraftDiagnostic {
  const text = draft.raw.slice(start, end);
  const fingerprint = `${fields.kind}:${fields.detail}:${text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
  const out: DraftDiagnostic = { ...fields, start, end, text, fingerprint };
  if (out.fixes && out.fixes.length === 0) delete out.fixes;
  if (out.fixes?.length === 1) out.fix = out.fixes[0];
  return out;
}

/** A range of the draft's prose (norm offsets) in the draft's own offsets. */
export function draftRange(draft: Doc, start: number, end: number): { start: number; end: number } {
  const s = resultSpan(draft, start, end);
  return { start: s.start, end: s.end };
}

/** A range of a source (norm offsets) as evidence. */
export function evidence(doc: Doc, start: number, end: number, label?: string | null): Evidence {
  const span: Evidence = resultSpan(doc, start, end);
  if (label) span.label = label;
  return span;
}

/**
 * A source's words as they should be written into a draft: the repaired text (a damaged
 * space is a space again) with the source's own typography (curly quotes, dashes) where
 * repair only straightened it.
 */
export function sourceWording(doc: Doc, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const n = doc.norm[i];
    const r = doc.raw[doc.normToRaw[i]] ?? n;
    out += r !== n && foldChar(r) === n ? r : n;
  }
  return out;
}

/** A short form of a text for a message. */
export function clipText(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : headOf(t, max - 1).replace(/\s+\S*$/, '') + '…';
}

/** "“A” (a.txt, b.txt)" lists for messages. */
export function quoted(text: string): string {
  return `“${clipText(text)}”`;
}
