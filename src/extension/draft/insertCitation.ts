import * as vscode from 'vscode';
import type { Services } from '../commands/services';
import type { CitationPlan } from '../../core/cite/planCitation';
import type { CitationStyle } from '../../core/cite/citationStyle';
import type { Range } from '../../core/types';
import type { IndexRef } from '../worker/messages';
import { isObject, stringField } from '../commands/args';
import { applyDraftChange, bibliographyOrFail, planFailed, refuse, type ApplyOutcome } from './citationEdit';
import { citationStyle } from './draftConfig';
import { draftInput } from './draftDocuments';
import { askEngine, draftTarget, ensureIndex, selectionOffsets } from './draftTarget';
import { citationChoices, pickTitle, type CitationChoice } from './citationChoices';

export type CitationOutcome =
  | { status: 'inserted'; plan: CitationPlan }
  | { status: 'already-cited'; plan: CitationPlan }
  | { status: Exclude<ApplyOutcome, 'applied'> | 'cancelled' | 'unavailable'; message?: string };

/**
 * Insert Citation: the source passages that support the sentence at the cursor (or the
 * selection's last sentence), ranked in the worker, in a quick pick; the chosen source is
 * cited in `corroborate.citation.style`, planned by the engine (remark finds positions;
 * nothing but the citation is inserted), and applied as one edit — refused if the draft
 * changed meanwhile. Tests and keybindings may pass `{ uri, at, source, style }`, where
 * `source` is a source id or "best", and nothing is asked.
 */
export async function insertCitation(s: Services, arg?: unknown): Promise<CitationOutcome> {
  const doc = await draftTarget(s, arg, 'insert a citation');
  if (!doc) return { status: 'unavailable' };
  const index = await ensureIndex(s);
  if (!index) return { status: 'unavailable' };
  const at = selectionOffsets(doc, arg);
  const version = doc.version;
  const draft = draftInput(doc);

  const choices = await rankedChoices(s, index, doc, at);
  if ('error' in choices) {
    void s.notifier.error(`Corroborate: ${choices.error}`);
    return { status: 'failed', message: choices.error };
  }
  if (!choices.sentence) {
    void s.notifier.info('Corroborate: there is no sentence to cite here.');
    return { status: 'unavailable' };
  }
  const chosen = await choose(arg, choices.items, pickTitle(draft.text, choices.sentence));
  if (!chosen?.source) return { status: 'cancelled' };

  const given = stringField(arg, 'style');
  const style: CitationStyle = citationStyle(doc.uri, given);
  const bibliography = style === 'pandoc' ? await bibliographyOrFail(doc, s.store, s.notifier) : undefined;
  if (bibliography && 'status' in bibliography) return bibliography;
  const what = 'the citation';
  // The pick took a while: a plan is only made, and applied, for the text the passages were ranked on.
  if (doc.version !== version) return { status: refuse(s.notifier, what, 'the draft changed while the source was being chosen') };
  const res = await askEngine(s, { type: 'planCitation', index, draft, at, source: chosen.source, passage: chosen.passage, style, bibliography: bibliography?.items ?? [] });
  if (res.type !== 'citationPlan') return planFailed(s.notifier, 'the citation', res);
  const plan = res.plan;
  if (plan.edits.length === 0) {
    void s.notifier.info(`Corroborate: this sentence already cites ${chosen.source} ([${plan.style === 'pandoc' ? '@' : '^'}${plan.key}]).`);
    return { status: 'already-cited', plan };
  }
  const entries = plan.bibliographyEntry ? [plan.bibliographyEntry] : [];
  const outcome = await applyDraftChange({ doc, version, edits: plan.edits, entries, bibliography, what, stale: 'the draft changed while the citation was planned' }, s.notifier);
  if (outcome !== 'applied') return { status: outcome };
  if (plan.note) void s.notifier.info(`Corroborate: ${plan.note}.`);
  return { status: 'inserted', plan };
}

/** The quick pick's entries for the sentence at `at`, ranked in the worker. */
export async function rankedChoices(
  s: Services,
  index: IndexRef,
  doc: vscode.TextDocument,
  at: number | Range,
): Promise<{ sentence: Range | null; items: CitationChoice[] } | { error: string }> {
  const res = await askEngine(s, { type: 'rankPassages', index, draft: draftInput(doc), at, limit: 8 });
  if (res.type === 'error') return { error: res.message };
  if (res.type !== 'passages') return { error: `unexpected answer from the engine: ${res.type}` };
  return { sentence: res.sentence, items: citationChoices(res.passages, res.sources) };
}

/** How many times Insert Citation has shown its quick pick: lets a test edit the draft while one is open. */
export const citationPicks = { shown: 0 };

async function choose(arg: unknown, items: CitationChoice[], title: string): Promise<CitationChoice | undefined> {
  const sources = items.filter((i) => i.source);
  const wanted = stringField(arg, 'source');
  if (wanted !== undefined) return wanted === 'best' ? sources[0] : sources.find((i) => i.source === wanted);
  if (isObject(arg) && arg.pick === false) return undefined;
  citationPicks.shown++;
  return vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Choose the source passage that supports this sentence',
    matchOnDescription: true,
    matchOnDetail: true,
  });
}
