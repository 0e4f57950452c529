import type { Services } from '../commands/services';
import type { CitationsPlan } from '../../core/cite/planCitation';
import type { CitationStyle } from '../../core/cite/citationStyle';
import { stringField } from '../commands/args';
import { applyDraftChange, bibliographyOrFail, planFailed, type ApplyOutcome } from './citationEdit';
import { citationStyle } from './draftConfig';
import { draftInput } from './draftDocuments';
import { askEngine, draftTarget, ensureIndex } from './draftTarget';

export type CiteAllOutcome =
  | { status: 'inserted' | 'already-cited'; quotes: number; plan: CitationsPlan }
  | { status: Exclude<ApplyOutcome, 'applied'> | 'unavailable' | 'no-quotes'; message?: string };

/**
 * Cite All Verified Quotes: every quotation of the draft that a source confirms is cited to
 * that source, planned together by the engine (a source cited twice gets one definition or
 * bibliography entry), and applied as ONE edit — one undo step — for the version checked.
 */
export async function citeAllVerifiedQuotes(s: Services, arg?: unknown): Promise<CiteAllOutcome> {
  const doc = await draftTarget(s, arg, 'cite its verified quotes');
  if (!doc) return { status: 'unavailable' };
  const index = await ensureIndex(s);
  if (!index) return { status: 'unavailable' };
  const given = stringField(arg, 'style');
  const style: CitationStyle = citationStyle(doc.uri, given);
  const bibliography = style === 'pandoc' ? await bibliographyOrFail(doc, s.store, s.notifier) : undefined;
  if (bibliography && 'status' in bibliography) return bibliography;
  const version = doc.version;
  const res = await askEngine(s, { type: 'citeVerifiedQuotes', index, draft: draftInput(doc), style, bibliography: bibliography?.items ?? [] });
  if (res.type !== 'citationsPlan') return planFailed(s.notifier, 'the citations', res);
  const { plan, quotes } = res;
  if (quotes === 0) {
    void s.notifier.info('Corroborate: no quotation in this draft is confirmed by a source yet.');
    return { status: 'no-quotes' };
  }
  if (plan.edits.length === 0) {
    void s.notifier.info(`Corroborate: the ${quotes === 1 ? 'verified quotation is' : `${quotes} verified quotations are`} already cited.`);
    return { status: 'already-cited', quotes, plan };
  }
  const outcome = await applyDraftChange(
    { doc, version, edits: plan.edits, entries: plan.bibliographyEntries, bibliography, what: 'the citations', stale: 'the draft changed while the citations were planned' },
    s.notifier,
  );
  if (outcome !== 'applied') return { status: outcome };
  void s.notifier.info(`Corroborate: cited ${quotes} verified quotation${quotes === 1 ? '' : 's'}${plan.notes.length ? ` (${plan.notes.join('; ')})` : ''}.`);
  return { status: 'inserted', quotes, plan };
}
