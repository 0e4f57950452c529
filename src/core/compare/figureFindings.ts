import pluralize from 'pluralize';
import type { Figure } from '../types';
import type { ResultFinding } from '../result';
import type { Analysis } from './context';
import { claimantKey, isOccurrence, overlaps, sameValue } from './figureMatch';
import { blockingKeys, COUNT_KINDS, figureNode, type FigureNode, keyWeights, pairScore, type PairContext } from './figureNodes';
import { COPY_DEPARTS } from './origins';
import { resultSpan } from './spans';
import { checkWeekday, weekdayFitText, weekdayMisfitText } from './weekdayCheck';

type Node = FigureNode;

interface Edge {
  a: number;
  b: number;
  score: number;
  /** Linked inside one source by "such" ("at least 10 such cases" after "around 50 times"). */
  anaphora: boolean;
}

/**
 * Figure findings. Figures that report the same quantity are grouped (at most one figure
 * of a source per group, except figures one sentence explicitly refers back to), then each
 * group is judged: same value → agree; values that cannot both hold for the same claim →
 * conflict; different claimants or times → different-claim; a vague or rounded figure
 * beside a precise one → rounding; otherwise compatible.
 */
export function figureFindings(analysis: Analysis): ResultFinding[] {
  const { nodes, groups } = groupFigures(analysis);
  const out: ResultFinding[] = [];
  for (const group of groups) {
    if (group.length < 2) continue;
    const finding = judgeGroup(analysis, group.map((i) => nodes[i]));
    if (finding) out.push(finding);
  }
  return out;
}

/** The figures of every source as nodes, and the groups (node indexes) that report one quantity. */
export function groupFigures(analysis: Analysis): { nodes: FigureNode[]; groups: number[][] } {
  const nodes: Node[] = [];
  analysis.figures.forEach((figs, d) => {
    const doc = analysis.docs[d];
    for (const fig of figs) {
      const node = figureNode(doc, d, fig);
      if (node) nodes.push(node);
    }
  });
  const ctx = pairContext(analysis, keyWeights(nodes));
  const edges = [...candidateEdges(analysis, nodes, ctx)];
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
  return { nodes, groups: [...members.values()] };
}

/** Pairing inside one analysis: origins from the duplicates, passages from the alignment. */
export function pairContext(analysis: Analysis, weight: (key: string) => number): PairContext {
  return {
    sameOrigin: (a, b) => analysis.origins.of(a) === analysis.origins.of(b),
    samePassage: (a, b) => {
      const pa = analysis.passageOf[a.doc].get(a.fig.sentence);
      return pa !== undefined && pa === analysis.passageOf[b.doc].get(b.fig.sentence);
    },
    weight,
  };
}

function* candidateEdges(analysis: Analysis, nodes: Node[], ctx: PairContext): Generator<Edge> {
  // Blocking: figures meet only through a shared thing key or clause key.
  const byKey = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const k of blockingKeys(n)) {
      const list = byKey.get(k) ?? [];
      list.push(i);
      byKey.set(k, list);
    }
  });
  const seen = new Set<number>();
  for (const list of byKey.values()) {
    if (list.length > 400) continue; // a key shared by that many figures tells nothing
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = Math.min(list[x], list[y]);
        const b = Math.max(list[x], list[y]);
        const key = a * nodes.length + b;
        if (seen.has(key)) continue;
        seen.add(key);
        const score = pairScore(nodes[a], nodes[b], ctx);
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

/** The finding for one group of figures, or null when they come from one origin only. */
export function judgeGroup(analysis: Analysis, group: Node[]): ResultFinding | null {
  group.sort((x, y) => x.doc - y.doc || x.fig.start - y.fig.start);
  const figs = group.map((n) => n.fig);
  // A weekday fits any date until the group tells its day ("March 28" with "March 2024").
  const weekday = figs[0].kind === 'date' ? checkWeekday(group) : null;
  const misfit = weekday?.fits === false ? weekday : null;
  const allSame = figs[0].kind === 'date'
    ? !misfit && new Set(group.map((n) => n.weekday).filter(Boolean)).size <= 1 && figs.every((f) => figs.every((g) => overlaps(f, g)))
    : figs.every((f) => sameValue(f, figs[0]) && f.hedge === figs[0].hedge);
  const claimants = new Set(figs.map((f) => claimantKey(f.claimant) ?? ''));
  const differentClaimants = claimants.size > 1 && ![...claimants].includes('') ? true : claimants.size > 2;
  const times = new Set(figs.map((f) => (f.time ?? '').toLowerCase()).filter(Boolean));
  const differentNouns = new Set(figs.map((f) => f.noun ?? '')).size > 1;
  let disjoint = misfit !== null;
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
  const sameDocTwice = group.some((n, i) => i > 0 && n.doc === group[0].doc);
  // One origin agreeing with itself says nothing; a copy that changed its original's figure
  // does — when the words changed: "Friday" copied under a later date is the same words.
  const copyDeparts = independent < 2 && !allSame && wordingsPerDoc(group) > 1;
  if (independent < 2 && !sameDocTwice && !copyDeparts) return null;
  const what = describe(analysis, group);
  // Copies repeat their original's wording: each distinct wording is listed once.
  const values = [...new Set(group.map((n) => `${n.fig.text}${n.fig.claimant ? ` (${n.fig.claimant})` : ''}`))];
  const summary = allSame
    ? `${what}: ${values.map((v) => `“${v}”`).join(', ')} — ${independent} independent sources agree${weekday?.fits ? ` (${weekdayFitText(weekday)})` : ''}`
    : `${what}: ${values.map((v) => `“${v}”`).join(' vs ')} — ${misfit && detail === 'conflict' ? weekdayMisfitText(misfit) : DETAIL_TEXT[detail]}${copyDeparts ? COPY_DEPARTS : ''}`;
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

/** How many different sets of wordings the group's documents have (a copy that changed nothing: 1). */
function wordingsPerDoc(group: Node[]): number {
  const byDoc = new Map<number, Set<string>>();
  for (const n of group) byDoc.set(n.doc, (byDoc.get(n.doc) ?? new Set()).add(n.fig.text.toLowerCase()));
  return new Set([...byDoc.values()].map((set) => [...set].sort().join('\u0000'))).size;
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
