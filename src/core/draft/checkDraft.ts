import type { Doc } from '../types';
import { extractNames } from '../extract/names';
import { extractQuotes } from '../extract/quotes';
import { readDraft, type DraftInput, type DraftText } from './draftText';
import { SourceIndex } from './sourceIndex';
import { sentenceMatches } from './sentenceMatches';
import type { CheckOptions, DraftContext } from './draftContext';
import { checkQuotes } from './quoteCheck';
import { checkFigures } from './figureCheck';
import { checkNames } from './nameCheck';
import { checkCitations } from './citationCheck';
import type { DraftDiagnostic } from './diagnostic';

const DEFAULTS: Required<CheckOptions> = { citationStyle: 'footnote', confirmations: true, citeThreshold: 0.5 };

const KIND_ORDER = { quote: 0, figure: 1, name: 2, citation: 3 } as const;

/**
 * Checks a draft against a source set: its quotations, figures and names against what the
 * sources say, and its sentences that follow a source without citing one. Pass a
 * `SourceIndex` to check many versions of a draft (or many drafts) against sources analysed
 * once; given Docs, the index is built here. Only the draft is analysed on each call.
 * Diagnostics come in the order of the draft, with offsets into `draft.text`.
 */
export function checkDraft(draft: DraftInput | DraftText, sources: Doc[] | SourceIndex, options: CheckOptions = {}): DraftDiagnostic[] {
  const index = sources instanceof SourceIndex ? sources : SourceIndex.fromDocs(sources);
  const text = 'doc' in draft ? draft : readDraft(draft);
  const names = extractNames(text.doc);
  const ctx: DraftContext = {
    draft: text,
    index,
    names,
    quotes: extractQuotes(text.doc, names),
    matches: sentenceMatches(text, index),
    options: { ...DEFAULTS, ...definedOnly(options) },
  };
  const out = [...checkQuotes(ctx), ...checkFigures(ctx), ...checkNames(ctx), ...checkCitations(ctx)];
  return out.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0));
}

function definedOnly(options: CheckOptions): CheckOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as CheckOptions;
}
