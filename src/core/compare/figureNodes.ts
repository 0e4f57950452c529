import type { Doc, Figure } from '../types';
import { clauseKeys, dateRole, fateKeys, type DateRole, isOccurrence, isPeople, isSpecificNoun, overlaps, sameValue, sharedCount, thingKeys } from './figureMatch';

/**
 * A figure ready for pairing: what it counts, the words of its clause, what happened to the
 * people it counts, and what its date is the date of. Both the comparison of sources
 * (figureFindings.ts) and the check of a draft against them (draft/figureCheck.ts) pair
 * figures through `pairScore`, so a draft is judged by the same rules as the sources.
 */
export interface FigureNode {
  /** Index of the document among those being paired (a draft uses its own index). */
  doc: number;
  fig: Figure;
  /** For a weekday without a known date ("on Thursday"): the weekday, lower case. */
  weekday: string | null;
  things: Set<string>;
  clause: Set<string>;
  /** For counts of people: what happened to them (killed, injured…), as synonym-group keys. */
  fate: Set<string>;
  /** For years and dates: what the date is the date of. */
  role: DateRole;
}

/** What pairing needs to know beyond the two figures. */
export interface PairContext {
  /** A copy and its original are one origin: their figures pair only when identical. */
  sameOrigin(a: number, b: number): boolean;
  /** Whether the two figures' sentences were aligned as reports of the same thing. */
  samePassage(a: FigureNode, b: FigureNode): boolean;
  /** Weight of a clause word: rare words tell more. */
  weight(key: string): number;
}

export const COUNT_KINDS = new Set(['count', 'money', 'percent', 'measure']);
const WEEKDAY = /(mon|tues|wednes|thurs|fri|satur|sun)day/;
const BARE_WEEKDAY = /^(mon|tues|wednes|thurs|fri|satur|sun)day(['’]s)?$/i;

/** The node of a figure, or null for one never compared (in furniture or a caption, an ordinal, a date with no value). */
export function figureNode(doc: Doc, d: number, fig: Figure): FigureNode | null {
  const s = doc.sentences[fig.sentence];
  if (!s || s.boilerplate || s.caption || fig.kind === 'ordinal') return null;
  const weekday = fig.kind === 'date' && !Number.isFinite(fig.lo) ? (fig.text.toLowerCase().match(WEEKDAY)?.[0] ?? null) : null;
  if (fig.kind === 'date' && !Number.isFinite(fig.lo) && !weekday) return null;
  return { doc: d, fig, weekday, things: thingKeys(fig), clause: clauseKeys(doc, fig), fate: fateKeys(doc, fig), role: dateRole(doc, fig) };
}

/** Keys through which figures can meet: what a count counts, the clause of a year or date. */
export function blockingKeys(n: FigureNode): string[] {
  return COUNT_KINDS.has(n.fig.kind) ? [...n.things].map((k) => 't:' + k) : [...n.clause].map((k) => `c:${n.fig.kind}:${k}`);
}

/** IDF of clause words among the figures' clauses: "panel" tells more than "UN". */
export function keyWeights(nodes: FigureNode[]): (key: string) => number {
  const df = new Map<string, number>();
  for (const n of nodes) for (const k of n.clause) df.set(k, (df.get(k) ?? 0) + 1);
  const total = Math.max(1, nodes.length);
  return (key) => Math.log(1 + total / (df.get(key) ?? total));
}

/** How strongly two figures speak about the same thing; 0 when they do not. */
export function pairScore(a: FigureNode, b: FigureNode, ctx: PairContext): number {
  if (a.doc === b.doc) return 0;
  const samePassage = ctx.samePassage(a, b);
  if (ctx.sameOrigin(a.doc, b.doc)) {
    // A copy's figure joins its original's twin, so the copy shows beside it.
    if (a.fig.text === b.fig.text && a.fig.sentence >= 0 && sameValue(a.fig, b.fig)) return 10;
    // A copy that changed a figure: only in the sentence it copied, judged as any pair is.
    if (!samePassage) return 0;
  }
  if (COUNT_KINDS.has(a.fig.kind) && COUNT_KINDS.has(b.fig.kind)) {
    if (a.fig.kind !== b.fig.kind) return 0;
    const shared = sharedCount(a.things, b.things);
    if (shared === 0) return 0;
    // People are counted for what happened to them: the dead and the injured are not one count.
    if (isPeople(a.fig.noun) && isPeople(b.fig.noun)) {
      if (a.fate.size || b.fate.size) return sharedCount(a.fate, b.fate) > 0 ? 2 + (samePassage ? 1 : 0) : 0;
      return samePassage ? 1.5 : 0;
    }
    const specific = isSpecificNoun(a.fig.noun) || isSpecificNoun(b.fig.noun);
    if (!specific && !samePassage && !(isOccurrence(a.fig.noun) && isOccurrence(b.fig.noun) && sharedCount(a.clause, b.clause) >= 3)) return 0;
    return shared + (samePassage ? 1 : 0) + sharedCount(a.clause, b.clause) * 0.1;
  }
  if (a.fig.kind !== b.fig.kind) return 0;
  // A weekday without a date says something only beside the same report of the same day:
  // another weekday, or a date ("on Thursday" beside "March 28") whose clause it shares.
  if (a.weekday && b.weekday) return samePassage ? 1 : 0;
  if (a.weekday || b.weekday) return samePassage ? weekdayDateScore(a.weekday ? a : b, a.weekday ? b : a, ctx) : 0;
  // Years and dates: the clauses must be about the same event; a different value needs the
  // clauses to be largely the same (a third of their words), since years are cheap to share.
  const shared = sharedCount(a.clause, b.clause);
  const equal = a.fig.kind === 'date' ? overlaps(a.fig, b.fig) : sameValue(a.fig, b.fig);
  if (shared < (equal ? 1 : 2) && !(samePassage && shared >= 1)) return 0;
  if (!equal && !sameClause(a, b, shared)) return 0;
  return clauseEvidence(a, b, ctx) + (equal ? 0.3 : 0) + (samePassage ? 0.5 : 0);
}

/**
 * A weekday and a date of one passage: paired only when their clauses are largely the same,
 * as two different dates are, whether or not the date falls on that weekday (when it does
 * not, the group is judged a conflict). A passage often holds two events ("voted on Tuesday,
 * weeks after engineers found cracks on January 7"); sharing a word or two is not enough.
 * Weaker than a pair of dates, which group first.
 */
function weekdayDateScore(w: FigureNode, d: FigureNode, ctx: PairContext): number {
  // A weekday its own source resolved by its publication date is no written date: a copy
  // republished a week later resolves "Tuesday" to another day, and would bridge the two.
  if (BARE_WEEKDAY.test(d.fig.text)) return 0;
  if (!sameClause(w, d, sharedCount(w.clause, d.clause))) return 0;
  return 0.5 * clauseEvidence(w, d, ctx) + 0.2;
}

/** Clauses largely the same (a third of their words) and dates of the same kind of thing. */
export function sameClause(a: FigureNode, b: FigureNode, shared = sharedCount(a.clause, b.clause)): boolean {
  return shared / Math.max(1, a.clause.size + b.clause.size - shared) >= 0.3 && a.role === b.role;
}

function clauseEvidence(a: FigureNode, b: FigureNode, ctx: PairContext): number {
  let evidence = 0;
  for (const k of a.clause) if (b.clause.has(k)) evidence += ctx.weight(k);
  return evidence;
}
