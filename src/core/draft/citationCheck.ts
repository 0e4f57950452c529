import { isHeading } from '../align/segments';
import { contentWords } from '../text/words';
import { sentencesSpan } from '../compare/spans';
import { planCitation } from '../cite/planCitation';
import { draftSentences } from '../cite/citedSentence';
import { urlKey } from '../cite/citationKey';
import { diagnostic, clipText, type DraftDiagnostic } from './diagnostic';
import { sourceLabel, type DraftContext } from './draftContext';
import type { PassageMatch } from './sourceIndex';

/** Sentences shorter than this say too little to need a citation of their own. */
const MIN_WORDS = 6;

/**
 * Sentences that closely follow a source passage but cite nothing → a hint whose fix
 * inserts the citation (in the configured style). A sentence is cited by a footnote
 * reference or a pandoc citation after it, or a link in it to one of the sources or to
 * any web page: a hyperlink is how a newsroom cites, and a draft may rightly cite the
 * primary document (a press release) rather than an article that reported it.
 */
export function checkCitations(ctx: DraftContext): DraftDiagnostic[] {
  const { doc } = ctx.draft;
  const urls = new Set(ctx.index.docs.map((d) => d.meta.url).filter((u): u is string => !!u).map(urlKey));
  const out: DraftDiagnostic[] = [];
  for (const s of draftSentences(ctx.draft)) {
    const sentence = doc.sentences[s.index];
    if (sentence.boilerplate || isHeading(doc, sentence.block)) continue;
    if (!saysEnough(doc.norm.slice(sentence.start, sentence.end))) continue;
    if (s.citations.some((c) => c.style !== 'link' || isWebLink(c.url, urls))) continue;
    const best = preferOriginal(ctx, ctx.matches[s.index] ?? []);
    if (!best || best.score < ctx.options.citeThreshold) continue;
    const src = ctx.index.docs[best.segment.doc];
    const passage = sentencesSpan(src, best.segment.sentences);
    const plan = planCitation({
      draft: ctx.draft,
      at: { start: s.start, end: s.end },
      source: ctx.index.citationSource(best.segment.doc),
      passage: passage.text,
      style: ctx.options.citationStyle,
    });
    out.push(
      diagnostic(doc, s.start, s.end, {
        kind: 'citation',
        verdict: 'uncited',
        detail: 'uncited',
        severity: 'hint',
        message: `This sentence closely follows ${sourceLabel(ctx.index, best.segment.doc)} (“${clipText(passage.text, 90)}”) but cites no source.`,
        evidence: [passage],
        fixes: plan.edits,
        fixTitle: `Cite ${sourceLabel(ctx.index, best.segment.doc)} (${plan.style})`,
        cite: { source: src.id, key: plan.key, style: plan.style, ...(plan.bibliographyEntry ? { bibliographyEntry: plan.bibliographyEntry } : {}) },
      }),
    );
  }
  return out;
}

/** Whether a sentence has enough content words to need a citation; kept by text (asked of every sentence of every version). */
function saysEnough(text: string): boolean {
  let enough = ENOUGH.get(text);
  if (enough === undefined) {
    enough = contentWords(text).length >= MIN_WORDS;
    if (ENOUGH.size >= 50_000) ENOUGH.clear();
    ENOUGH.set(text, enough);
  }
  return enough;
}

const ENOUGH = new Map<string, boolean>();

function isWebLink(url: string | undefined, sourceUrls: Set<string>): boolean {
  return !!url && (sourceUrls.has(urlKey(url)) || /^https?:\/\//i.test(url));
}

/** The best passage, from the original rather than a copy of it when both match as well. */
function preferOriginal(ctx: DraftContext, matches: PassageMatch[]): PassageMatch | null {
  const best = matches[0];
  if (!best) return null;
  const origins = ctx.index.analysis.origins;
  if (!origins.isCopy(best.segment.doc)) return best;
  return matches.find((m) => m.segment.doc === origins.of(best.segment.doc) && m.score >= best.score * 0.95) ?? best;
}
