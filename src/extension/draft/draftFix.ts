import * as vscode from 'vscode';
import type { Services } from '../commands/services';
import type { TextEdit } from '../../core/cite/textEdit';
import { isObject, stringField } from '../commands/args';
import { applyDraftChange, bibliographyOrFail, planFailed, refuse, type ApplyOutcome } from './citationEdit';
import { draftInput, isSource } from './draftDocuments';
import { isSourceOnDisk } from '../sources/sameFile';
import { askEngine } from './draftTarget';

/**
 * The arguments of a quick fix, made by the code action provider from one check's result:
 * the edits and the document version they were computed for. They arrive as command
 * arguments, so they are checked like any input.
 */
export interface DraftFixArgs {
  uri: string;
  version: number;
  title: string;
  edits: TextEdit[];
  /** For "cite this" in pandoc style: the entry goes into the bibliography, so the plan is made again with it (same version). */
  cite?: { source: string; style: string; sentence: { start: number; end: number }; passage?: string };
}

export type FixOutcome = { status: ApplyOutcome | 'invalid'; message?: string };

export async function applyDraftFix(s: Services, arg: unknown): Promise<FixOutcome> {
  const fix = parseFixArgs(arg);
  if (!fix) return { status: 'invalid' };
  const target = vscode.Uri.parse(fix.uri);
  const what = `the fix “${fix.title}”`;
  // The arguments come from our code actions, but a command can be called by anyone: a fix
  // aimed at a source is refused before the source is even opened. Sources are never written.
  if (isSource(target, s.store) || (await isSourceOnDisk(target, s.store.sourceSet.files))) {
    return { status: refuse(s.notifier, what, `${target.path.replace(/^.*\//, '')} is a source, and sources are never written`) };
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const stale = 'the draft changed since it was checked';
  if (doc.version !== fix.version) return { status: refuse(s.notifier, what, stale) };
  if (fix.cite?.style !== 'pandoc') return { status: await applyDraftChange({ doc, version: fix.version, edits: fix.edits, what, stale }, s.notifier) };

  // pandoc: the key must be the one the bibliography already has for the source, if any,
  // which the check could not know; the plan is made again for this same version.
  const index = s.runner.index;
  const bibliography = await bibliographyOrFail(doc, s.store, s.notifier);
  if ('status' in bibliography) return bibliography;
  if (!index) return { status: 'failed' };
  const res = await askEngine(s, {
    type: 'planCitation',
    index,
    draft: draftInput(doc),
    at: fix.cite.sentence,
    source: fix.cite.source,
    passage: fix.cite.passage,
    style: 'pandoc',
    bibliography: bibliography.items,
  });
  if (res.type !== 'citationPlan') return planFailed(s.notifier, 'the citation', res);
  const entries = res.plan.bibliographyEntry ? [res.plan.bibliographyEntry] : [];
  return { status: await applyDraftChange({ doc, version: fix.version, edits: res.plan.edits, entries, bibliography, what, stale }, s.notifier) };
}

function parseFixArgs(arg: unknown): DraftFixArgs | undefined {
  if (!isObject(arg) || !Number.isInteger(arg.version) || !Array.isArray(arg.edits)) return undefined;
  const uri = stringField(arg, 'uri');
  const title = stringField(arg, 'title') ?? 'fix';
  if (uri === undefined) return undefined;
  const edits = arg.edits.filter((e): e is TextEdit => isObject(e) && Number.isInteger(e.start) && Number.isInteger(e.end) && typeof e.newText === 'string' && (e.start as number) <= (e.end as number));
  if (edits.length !== arg.edits.length) return undefined;
  const cite = isObject(arg.cite) && typeof arg.cite.source === 'string' && typeof arg.cite.style === 'string' && isObject(arg.cite.sentence)
    ? (arg.cite as DraftFixArgs['cite'])
    : undefined;
  return { uri, version: arg.version as number, title, edits, ...(cite ? { cite } : {}) };
}

/** Ignore this finding: remembered per workspace by its fingerprint, so it stays hidden while the draft is edited. */
export async function ignoreFinding(s: Services, arg: unknown): Promise<boolean> {
  const fingerprint = stringField(arg, 'fingerprint');
  if (!fingerprint) return false;
  await s.drafts.ignore(fingerprint);
  return true;
}

/** Clear Ignored Findings: every ignored draft finding shows again. */
export async function clearIgnored(s: Services): Promise<number> {
  const n = await s.drafts.clearIgnored();
  void s.notifier.info(n === 0 ? 'Corroborate: no draft findings were ignored.' : `Corroborate: ${n} ignored finding${n === 1 ? '' : 's'} will show again.`);
  return n;
}
