import pluralize from 'pluralize';
import type { Figure } from '../types';
import type { ResultFinding } from '../result';
import type { Analysis } from './context';
import { clauseKeys, claimantKey, dateRole, fateKeys, type DateRole, isOccurrence, isPeople, isSpecificNoun, overlaps, sameValue, sharedCount, thingKeys } from './figureMatch';
import { resultSpan } from './spans';

interface Node {
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

interface Edge {
  a: number;
  b: number;
  score: number;
  /** Linked inside one source by "such" ("at least 10 such cases" after "around 50 times"). */
  anaphora: boolean;
}

const COUNT_KINDS = new Set(['count', 'money', 'percent', 'measure']);
const WEEKDAY = /(mon|tues|wednes|thurs|fri|satur|sun)day/;

/**
 * Figure findings. Figures that report the same quantity are grouped (at most one figure
 * of a source per group, except figures one sentence explicitly refers back to), then each
 * group is judged: same value → agree; values that cannot both hold for the same claim →
 * conflict; different claimants or times → different-claim; a vague or rounded figure
 * beside a precise one → rounding; otherwise compatible.
 */
export function figureFindings(analysis: Analysis): ResultFinding[] {
  const nodes: Node[] = [];
  analysis.figures.forEach((figs, d) => {
    const doc = analysis.docs[d];
    for (const fig of figs) {
      const s = doc.sentences[fig.sentence];
      if (!s || s.boilerplate || s.caption || fig.kind === 'ordinal') continue;
      const weekday = fig.kind === 'date' && !Number.isFinite(fig.lo) ? (fig.text.toLowerCase().match(WEEKDAY)?.[0] ?? null) : null;
      if (fig.kind === 'date' && !Number.isFinite(fig.lo) && !weekday) continue;
      nodes.push({ doc: d, fig, weekday, things: thingKeys(fig), clause: clauseKeys(doc, fig), fate: fateKeys(doc, fig), role: dateRole(doc, fig) });
    }
  });
  const clauseWeight = keyWeights(nodes);
  const edges = [...candidateEdges(analysis, nodes, clauseWeight)];
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const members = new Map<number, number[]>(nodes.map((_, i) => [i, [i]]));
  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) continue;
    const ga = members.get(ra)!;
    const gb = members.get(rb)!;
    if (!e.anaphora && ga.some((x) => gb.some((y) => nodes[x].doc === nodes[y].doc))) continue;
    parent[rb] = ra;
    members.set(ra, ga.concat(gb));
    members.delete(rb);
  }

  const out: ResultFinding[] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const finding = judge(analysis, group.map((i) => nodes[i]));
    if (finding) out.push(finding);
  }
  return out;
}

/** IDF of clause words among the figures' clauses: "panel" tells more than "UN". */
function keyWeights(nodes: Node[]): (key: string) => number {
  const df = new Map<string, number>();
  for (const n of nodes) for (const k of n.clause) df.set(k, (df.get(k) ?? 0) + 1);
  const total = Math.max(1, nodes.length);
  return (key) => Math.log(1 + total / (df.get(key) ?? total));
}

function* candidateEdges(analysis: Analysis, nodes: Node[], weight: (key: string) => number): Generator<Edge> {
  // Blocking: figures meet only through a shared thing key or clause key.
  const byKey = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const keys = COUNT_KINDS.has(n.fig.kind) ? [...n.things].map((k) => 't:' + k) : [...n.clause].map((k) => `c:${n.fig.kind}:${k}`);
    for (const k of keys) {
      const list = byKey.get(k) ?? [];
      list.push(i);
      byKey.set(k, list);
    }
  });
  const seen = new Set<string>();
  for (const list of byKey.values()) {
    if (list.length > 400) continue; // a key shared by that many figures tells nothing
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = Math.min(list[x], list[y]);
        const b = Math.max(list[x], list[y]);
        const key = `${a}:${b}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const score = pairScore(analysis, nodes[a], nodes[b], weight);
        if (score > 0) yield { a, b, score, anaphora: false };
      }
    }
  }
  // "such" refers back to an earlier count of the same kind of thing in the same paragraph.
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!/\bsuch\b/i.test(n.fig.text) || !COUNT_KINDS.has(n.fig.kind)) continue;
    const block = analysis.docs[n.doc].sentences[n.fig.sentence].block;
    let best = -1;
    let bestRank = 0;
    for (let j = i - 1; j >= 0; j--) {
      const m = nodes[j];
      if (m.doc !== n.doc || analysis.docs[m.doc].sentences[m.fig.sentence].block !== block) break;
      if (!COUNT_KINDS.has(m.fig.kind)) continue;
      const rank = m.fig.noun === n.fig.noun ? 3 : isOccurrence(m.fig.noun) === isOccurrence(n.fig.noun) ? 2 : 1;
      if (rank > bestRank) {
        best = j;
        bestRank = rank;
      }
    }
    if (best >= 0) yield { a: best, b: i, score: 2, anaphora: true };
  }
}

function pairScore(analysis: Analysis, a: Node, b: Node, weight: (key: string) => number): number {
  if (a.doc === b.doc) return 0;
  if (analysis.origins.of(a.doc) === analysis.origins.of(b.doc)) {
    // A copy's figure joins its original's twin, so the copy shows beside it.
    return a.fig.text === b.fig.text && a.fig.sentence >= 0 && sameValue(a.fig, b.fig) ? 10 : 0;
  }
  const samePassage = inSamePassage(analysis, a, b);
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
  // A weekday without a date says something only beside the same report of the same day.
  if (a.weekday || b.weekday) return a.weekday && b.weekday && samePassage ? 1 : 0;
  // Years and dates: the clauses must be about the same event; a different value needs the
  // clauses to be largely the same (a third of their words), since years are cheap to share.
  const shared = sharedCount(a.clause, b.clause);
  const equal = a.fig.kind === 'date' ? overlaps(a.fig, b.fig) : sameValue(a.fig, b.fig);
  const jaccard = shared / Math.max(1, a.clause.size + b.clause.size - shared);
  if (shared < (equal ? 1 : 2) && !(samePassage && shared >= 1)) return 0;
  if (!equal && (jaccard < 0.3 || a.role !== b.role)) return 0;
  let evidence = 0;
  for (const k of a.clause) if (b.clause.has(k)) evidence += weight(k);
  return evidence + (equal ? 0.3 : 0) + (samePassage ? 0.5 : 0);
}

function inSamePassage(analysis: Analysis, a: Node, b: Node): boolean {
  const pa = analysis.passageOf[a.doc].get(a.fig.sentence);
  return pa !== undefined && pa === analysis.passageOf[b.doc].get(b.fig.sentence);
}

function judge(analysis: Analysis, group: Node[]): ResultFinding | null {
  group.sort((x, y) => x.doc - y.doc || x.fig.start - y.fig.start);
  const figs = group.map((n) => n.fig);
  const allSame = figs[0].kind === 'date'
    ? group.every((n) => (n.weekday ? n.weekday === group[0].weekday : figs.every((g) => overlaps(n.fig, g))))
    : figs.every((f) => sameValue(f, figs[0]) && f.hedge === figs[0].hedge);
  const claimants = new Set(figs.map((f) => claimantKey(f.claimant) ?? ''));
  const differentClaimants = claimants.size > 1 && ![...claimants].includes('') ? true : claimants.size > 2;
  const times = new Set(figs.map((f) => (f.time ?? '').toLowerCase()).filter(Boolean));
  const differentNouns = new Set(figs.map((f) => f.noun ?? '')).size > 1;
  let disjoint = false;
  for (let i = 0; i < figs.length; i++) for (let j = i + 1; j < figs.length; j++) if (!overlaps(figs[i], figs[j])) disjoint = true;
  const vague = figs.some((f) => f.hedge === 'vague');

  let detail: string;
  if (allSame) detail = 'same';
  // When something happened does not depend on who says it; a count can depend on who
  // counts and when, so differing counts from different claimants are different claims.
  else if (disjoint && !COUNT_KINDS.has(figs[0].kind)) detail = 'conflict';
  else if (differentClaimants || (times.size > 1 && COUNT_KINDS.has(figs[0].kind))) detail = 'different-claim';
  else if (disjoint) detail = 'conflict';
  else if (vague) detail = 'rounding';
  else detail = 'compatible';
  const verdict = allSame ? 'agree' : 'differ';
  const docs = group.map((n) => n.doc);
  const independent = analysis.origins.count(docs);
  if (independent < 2 && !group.some((n, i) => i > 0 && n.doc === group[0].doc)) return null;
  const what = describe(analysis, group);
  // Copies repeat their original's wording: each distinct wording is listed once.
  const values = [...new Set(group.filter((n) => !analysis.origins.isCopy(n.doc)).map((n) => `${n.fig.text}${n.fig.claimant ? ` (${n.fig.claimant})` : ''}`))];
  const summary = allSame
    ? `${what}: ${values.map((v) => `“${v}”`).join(', ')} — ${independent} independent sources agree`
    : `${what}: ${values.map((v) => `“${v}”`).join(' vs ')} — ${DETAIL_TEXT[detail]}`;
  const base = { conflict: 100, 'different-claim': 70, rounding: 50, compatible: 45, same: 10 }[detail] ?? 0;
  return {
    id: '',
    kind: 'figure',
    verdict,
    detail: differentNouns && detail === 'same' ? 'same' : detail,
    summary,
    importance: base + independent * 2,
    independentSources: independent,
    mentions: group.map((n) => ({
      ...resultSpan(analysis.docs[n.doc], n.fig.start, n.fig.end),
      label: n.fig.claimant ?? undefined,
    })),
  };
}

const DETAIL_TEXT: Record<string, string> = {
  conflict: 'these cannot all be true',
  'different-claim': 'different claims (different sources or times)',
  rounding: 'a rounded or vague figure beside a precise one',
  compatible: 'worded differently but compatible',
};

function describe(analysis: Analysis, group: Node[]): string {
  const f = group[0].fig;
  if (f.kind === 'year' || f.kind === 'date') {
    const doc = analysis.docs[group[0].doc];
    return `${f.kind === 'year' ? 'Year' : 'Date'} of “${clauseSnippet(doc.norm, doc.sentences[f.sentence], f)}”`;
  }
  const nouns = [...new Set(group.map((n) => n.fig.noun).filter((n): n is string => !!n))];
  return nouns.length ? `Number of ${nouns.slice(0, 2).map((n) => pluralize(n)).join(' / ')}` : 'Figure';
}

/** A few words around the figure, with the figure itself left out: "the expert panel was created …". */
function clauseSnippet(norm: string, sentence: { start: number; end: number }, f: Figure): string {
  const before = (norm.slice(sentence.start, f.start).split(/[,;:]/).pop() ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(-6);
  while (before.length && /^(in|on|at|since|from|by|of|until|to|the|a)$/i.test(before[before.length - 1])) before.pop();
  const after = norm
    .slice(f.end, sentence.end)
    .replace(/^[\s,;:.]+/, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, before.length >= 3 ? 0 : 5);
  return [...before, '…', ...after].join(' ').replace(/^… /, '… ').replace(/[,;:.]+$/, '');
}
