import type { Quote } from '../types';
import { quoteWordDiff } from '../extract/quoteMatch';
import { minimalEdit } from '../cite/textEdit';
import { alignQuote, quoteWordsAt, type QuoteWord } from './quoteAlign';
import { diagnostic, draftRange, evidence, quoted, sourceWording, type DraftDiagnostic, type Evidence } from './diagnostic';
import { independentCount, sourceList, type DraftContext } from './draftContext';
import { attribution, quoteRange, sameSpeaker, windowEvidence, type Match } from './quoteSpeakerCheck';

/** Where a draft's words were found in a source, when not as one of its quotations. */
interface Found {
  doc: number;
  start: number;
  end: number;
  /** Inside a source quotation the extractor returned in pieces. */
  quoted: boolean;
}

/**
 * Quotations of the draft against the sources' quotations:
 * - the same words (all of a source quotation, or a run of it) → confirmed (information);
 * - close but not the same words → warning with the word difference, fixed to the source's wording;
 * - words a source has, but not inside quotation marks → warning;
 * - in no source → warning (information for one or two words, often scare quotes);
 * - given to someone other than the sources give them to → warning.
 */
export function checkQuotes(ctx: DraftContext): DraftDiagnostic[] {
  const out: DraftDiagnostic[] = [];
  for (const q of ctx.quotes) {
    const words = quoteWordsAt(q.text, q.start);
    if (words.length === 0) continue;
    // One or two words inside a longer quotation are common words, not the same quotation,
    // unless the draft gives them to the same speaker (as the comparison of sources does).
    const short = words.length <= 2;
    const lookup = sourceLookup(ctx, words);
    const matches = lookup.related.filter((m) => !short || m.align.relation === 'verbatim' || sameSpeaker(ctx, q, m));
    const same = matches.filter((m) => m.align.relation === 'verbatim' || m.align.relation === 'contained');
    const found = same.length || short ? [] : (lookup.unquoted ??= findUnquoted(ctx, words));
    const misattributed = attribution(ctx, q, same.length ? same : matches);
    if (misattributed) out.push(misattributed);
    if (same.length || found.some((f) => f.quoted)) {
      if (ctx.options.confirmations && !misattributed) out.push(confirmed(ctx, q, same, found));
      continue;
    }
    const reworded = matches.filter((m) => m.align.relation === 'reworded').sort((a, b) => b.align.score - a.align.score || a.source.doc - b.source.doc);
    if (reworded.length) out.push(rewordedDiagnostic(ctx, q, words, reworded));
    else if (found.length) out.push(unquoted(ctx, q, found));
    else out.push(notFound(ctx, q, words));
  }
  return out;
}

/**
 * What the sources have of a run of words: the source quotations it lines up with (anything
 * but "different"), and where the words stand outside quotations. Both depend only on the
 * words and the sources, so they are kept per source index by the words' keys: re-checking
 * an edited draft looks up only quotations that changed.
 */
interface SourceLookup {
  related: Match[];
  unquoted?: Found[];
}

function sourceLookup(ctx: DraftContext, words: QuoteWord[]): SourceLookup {
  let memo = LOOKUPS.get(ctx.index);
  if (!memo) LOOKUPS.set(ctx.index, (memo = new Map()));
  const key = words.map((w) => w.key).join('\u0001');
  let found = memo.get(key);
  if (!found) {
    const related = ctx.index
      .quoteCandidates(words)
      .map((source) => ({ source, align: alignQuote(words, source.words, true) }))
      .filter((m) => m.align.relation !== 'different');
    found = { related };
    if (memo.size >= 20_000) memo.clear();
    memo.set(key, found);
  }
  return found;
}

const LOOKUPS = new WeakMap<DraftContext['index'], Map<string, SourceLookup>>();

/** The draft quotation's words, from its first word to its last (punctuation around left out). */
function wordsRange(ctx: DraftContext, words: QuoteWord[]): { start: number; end: number } {
  return draftRange(ctx.draft.doc, words[0].start, words[words.length - 1].end);
}

function confirmed(ctx: DraftContext, q: Quote, same: Match[], found: Found[]): DraftDiagnostic {
  const ev: Evidence[] = same.map((m) => windowEvidence(ctx, m));
  for (const f of found) ev.push(evidence(ctx.index.docs[f.doc], f.start, f.end));
  const docs = [...same.map((m) => m.source.doc), ...found.map((f) => f.doc)];
  const whole = same.some((m) => m.align.relation === 'verbatim');
  const r = quoteRange(ctx, q);
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'quote',
    verdict: 'agree',
    detail: whole ? 'verbatim' : 'partial',
    severity: 'information',
    message: `Quotation confirmed: ${whole ? 'word for word' : 'part of a longer quotation'} in ${sourceList(ctx.index, docs)} (${independentCount(ctx.index, docs)}).`,
    evidence: ev,
  });
}

function rewordedDiagnostic(ctx: DraftContext, q: Quote, words: QuoteWord[], reworded: Match[]): DraftDiagnostic {
  const best = reworded[0];
  const src = ctx.index.docs[best.source.doc];
  const sw = best.source.words;
  const sourceText = sourceWording(src, sw[best.align.from].start, sw[best.align.to - 1].end);
  const range = wordsRange(ctx, words);
  const draftText = ctx.draft.doc.raw.slice(range.start, range.end);
  const diff = quoteWordDiff(draftText, sourceText);
  // The draft's own words where they are the source's, so the fix changes only what differs
  // (and keeps the draft's quote marks, apostrophes and capital letter).
  let newText = diff.filter((p) => !p.removed).map((p) => p.value).join('').trim();
  if (/^\p{Lu}/u.test(draftText) && /^\p{Ll}/u.test(newText)) newText = newText[0].toUpperCase() + newText.slice(1);
  const fix = minimalEdit(ctx.draft.doc.raw, range.start, range.end, newText);
  const sameWindow = reworded.filter((m) => sourceWording(ctx.index.docs[m.source.doc], m.source.words[m.align.from].start, m.source.words[m.align.to - 1].end) === sourceText);
  const r = quoteRange(ctx, q);
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'quote',
    verdict: 'differ',
    detail: 'reworded',
    severity: 'warning',
    message: `Quotation differs from ${sourceList(ctx.index, sameWindow.map((m) => m.source.doc))}: the source has ${quoted(sourceText)} (${describeDiff(diff)}).`,
    evidence: sameWindow.map((m) => windowEvidence(ctx, m)),
    fixes: [fix],
    fixTitle: `Use the source's wording: ${quoted(sourceText)}`,
    wordDiff: diff,
  });
}

function describeDiff(diff: ReturnType<typeof quoteWordDiff>): string {
  const removed = diff.filter((p) => p.removed).map((p) => p.value.trim()).filter(Boolean);
  const added = diff.filter((p) => p.added).map((p) => p.value.trim()).filter(Boolean);
  const parts: string[] = [];
  if (removed.length) parts.push(`not ${removed.map((w) => `“${w}”`).join(', ')}`);
  if (added.length) parts.push(`but ${added.map((w) => `“${w}”`).join(', ')}`);
  return parts.join(' ') || 'worded differently';
}

function unquoted(ctx: DraftContext, q: Quote, found: Found[]): DraftDiagnostic {
  const r = quoteRange(ctx, q);
  const docs = found.map((f) => f.doc);
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'quote',
    verdict: 'unsupported',
    detail: 'unquoted',
    severity: 'warning',
    message: `No source quotes these words: ${sourceList(ctx.index, docs)} ${docs.length > 1 ? 'have' : 'has'} them, but not as a quotation (a paraphrase, not someone's words).`,
    evidence: found.map((f) => evidence(ctx.index.docs[f.doc], f.start, f.end)),
  });
}

function notFound(ctx: DraftContext, q: Quote, words: QuoteWord[]): DraftDiagnostic {
  const r = quoteRange(ctx, q);
  const short = words.length <= 2;
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'quote',
    verdict: 'unsupported',
    detail: 'not-found',
    severity: short ? 'information' : 'warning',
    message: short
      ? 'No source has these words; if they are a quotation rather than scare quotes, check them.'
      : 'Quotation not found in any source.',
    evidence: [],
  });
}

/**
 * The draft's words as a run of a source's text outside the quotations the extractor
 * found: inside a quotation after all (one the extractor returned in pieces), or not
 * quoted at all (the draft put quotation marks around a paraphrase).
 */
function findUnquoted(ctx: DraftContext, words: QuoteWord[]): Found[] {
  const out: Found[] = [];
  ctx.index.docs.forEach((_, d) => {
    const { words: dw, at } = ctx.index.docWords(d);
    for (const i of at.get(words[0].key) ?? []) {
      if (i + words.length > dw.length || !words.every((w, k) => dw[i + k].key === w.key)) continue;
      const start = dw[i].start;
      const end = dw[i + words.length - 1].end;
      const quoted = ctx.index.analysis.quotes[d].some((q) => q.outer.start <= start && end <= q.outer.end);
      out.push({ doc: d, start, end, quoted });
      break;
    }
  });
  return out;
}
