import { checkDraft } from '../../core/draft/checkDraft';
import { rankPassages } from '../../core/draft/rankPassages';
import { readDraft } from '../../core/draft/draftText';
import type { SourceIndex } from '../../core/draft/sourceIndex';
import { planCitation, planCitations, type CitationItem } from '../../core/cite/planCitation';
import { draftSentences, sentenceAt } from '../../core/cite/citedSentence';
import type { IndexRef, WorkerRequest, WorkerResponse } from './messages';
import { sourceIndex as indexOf } from './sourceIndexCache';
import { workerCache } from './workerCache';

const sourceIndex = (ref: IndexRef) => indexOf(ref, workerCache);

type Req<T extends WorkerRequest['type']> = Extract<WorkerRequest, { type: T }>;

/** The draft requests of the worker: each works on the exact text the host sent with its version. */

export async function checkDraftJob(req: Req<'checkDraft'>): Promise<WorkerResponse> {
  const index = await sourceIndex(req.index);
  return { id: req.id, type: 'draftChecked', version: req.version, diagnostics: checkDraft(req.draft, index, req.options) };
}

export async function rankPassagesJob(req: Req<'rankPassages'>): Promise<WorkerResponse> {
  const index = await sourceIndex(req.index);
  const draft = readDraft(req.draft);
  const sentence = sentenceAt(draftSentences(draft), req.at);
  const sources = index.docs.map((_, i) => index.citationSource(i));
  if (!sentence) return { id: req.id, type: 'passages', sentence: null, passages: [], sources };
  // Ranked on the sentence's prose (markup and citation markers left out), as the CLI does.
  const s = draft.doc.sentences[sentence.index];
  const ranked = rankPassages(draft.doc.norm.slice(s.start, s.end), index, { limit: req.limit });
  const passages = ranked.map((p) => ({ ...p, citation: index.citationSource(index.docIndex(p.source)) }));
  return { id: req.id, type: 'passages', sentence: { start: sentence.start, end: sentence.end }, passages, sources };
}

export async function planCitationJob(req: Req<'planCitation'>): Promise<WorkerResponse> {
  const index = await sourceIndex(req.index);
  const doc = index.docIndex(req.source);
  if (doc < 0) return { id: req.id, type: 'error', message: `${req.source} is no longer a source of the set` };
  const plan = planCitation({ draft: req.draft, at: req.at, source: index.citationSource(doc), passage: req.passage, style: req.style, bibliography: req.bibliography });
  return { id: req.id, type: 'citationPlan', plan };
}

/**
 * Cite All Verified Quotes: every quotation the sources confirm word for word (or as part
 * of a longer one) is cited to the source that confirms it — the original rather than a copy.
 */
export async function citeVerifiedQuotesJob(req: Req<'citeVerifiedQuotes'>): Promise<WorkerResponse> {
  const index = await sourceIndex(req.index);
  const draft = readDraft(req.draft);
  const confirmed = checkDraft(draft, index, { confirmations: true }).filter((d) => d.kind === 'quote' && d.verdict === 'agree' && d.evidence.length > 0);
  const items: CitationItem[] = confirmed.map((d) => {
    const evidence = bestEvidence(index, d.evidence);
    return { at: { start: d.start, end: d.end }, source: index.citationSource(index.docIndex(evidence.source)), passage: evidence.text };
  });
  const plan = planCitations(draft, items, { style: req.style, bibliography: req.bibliography });
  return { id: req.id, type: 'citationsPlan', plan, quotes: items.length };
}

function bestEvidence<E extends { source: string }>(index: SourceIndex, evidence: E[]): E {
  const origins = index.analysis.origins;
  return evidence.find((e) => !origins.isCopy(index.docIndex(e.source))) ?? evidence[0];
}
