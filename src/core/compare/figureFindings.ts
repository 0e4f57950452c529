import type { Figure } from '../types';
import type { ResultFinding } from '../result';
import type { Analysis } from './context';
import { clauseKeys, claimantKey, isOccurrence, isSpecificNoun, overlaps, sameValue, sharedCount, thingKeys } from './figureMatch';
import { resultSpan } from './spans';

interface Node {
  doc: number;
  fig: Figure;
  things: Set<string>;
  clause: Set<string>;
}

interface Edge {
  a: number;
  b: number;
  score: number;
  /** Linked inside one source by "such" ("at least 10 such cases" after "around 50 times"). */
  anaphora: boolean;
}

const COUNT_KINDS = new Set(['count', 'money', 'percent', 'measure']);

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
      nodes.push({ doc: d, fig, things: thingKeys(fig), clause: clauseKeys(doc, fig) });
    }
  });
  const edges = [...candidateEdges(analysis, nodes)];
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

function* candidateEdges(analysis: Analysis, nodes: Node[]): Generator<Edge> {
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
        const score = pairScore(analysis, nodes[a], nodes[b]);
        if (score > 0) yield { a, b, score, anaphora: false };
      }
    }
  }
  // "such" refers back to the previous count in the same paragraph.
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!/\bsuch\b/i.test(n.fig.text)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const m = nodes[j];
      if (m.doc !== n.doc) break;
      const sa = analysis.docs[n.doc].sentences[n.fig.sentence];
      const sb = analysis.docs[m.doc].sentences[m.fig.sentence];
      if (sa.block !== sb.block) break;
      if (COUNT_KINDS.has(m.fig.kind)) {
        yield { a: j, b: i, score: 2, anaphora: true };
        break;
      }
    }
  }
}

function pairScore(analysis: Analysis, a: Node, b: Node): number {
  if (a.doc === b.doc || analysis.origins.of(a.doc) === analysis.origins.of(b.doc)) return 0;
  const samePassage = inSamePassage(analysis, a, b);
  if (COUNT_KINDS.has(a.fig.kind) && COUNT_KINDS.has(b.fig.kind)) {
    if (a.fig.kind !== b.fig.kind) return 0;
    const shared = sharedCount(a.things, b.things);
    if (shared === 0) return 0;
    const specific = isSpecificNoun(a.fig.noun) || isSpecificNoun(b.fig.noun);
    if (!specific && !samePassage && !(isOccurrence(a.fig.noun) && isOccurrence(b.fig.noun) && sharedCount(a.clause, b.clause) >= 3)) return 0;
    return shared + (samePassage ? 1 : 0) + sharedCount(a.clause, b.clause) * 0.1;
  }
  if (a.fig.kind !== b.fig.kind) return 0;
  // Years and dates: the clause must be about the same event.
  const shared = sharedCount(a.clause, b.clause);
  const equal = sameValue(a.fig, b.fig);
  if (shared < (equal ? 1 : 2) && !(samePassage && shared >= 1)) return 0;
  return shared * 0.5 + (equal ? 0.4 : 0) + (samePassage ? 0.5 : 0);
}

function inSamePassage(analysis: Analysis, a: Node, b: Node): boolean {
  const pa = analysis.passageOf[a.doc].get(a.fig.sentence);
  return pa !== undefined && pa === analysis.passageOf[b.doc].get(b.fig.sentence);
}

function judge(analysis: Analysis, group: Node[]): ResultFinding | null {
  group.sort((x, y) => x.doc - y.doc || x.fig.start - y.fig.start);
  const figs = group.map((n) => n.fig);
  const allSame = figs.every((f) => sameValue(f, figs[0]) && f.hedge === figs[0].hedge);
  const claimants = new Set(figs.map((f) => claimantKey(f.claimant) ?? ''));
  const differentClaimants = claimants.size > 1 && ![...claimants].includes('') ? true : claimants.size > 2;
  const times = new Set(figs.map((f) => (f.time ?? '').toLowerCase()).filter(Boolean));
  const differentNouns = new Set(figs.map((f) => f.noun ?? '')).size > 1;
  let disjoint = false;
  for (let i = 0; i < figs.length; i++) for (let j = i + 1; j < figs.length; j++) if (!overlaps(figs[i], figs[j])) disjoint = true;
  const vague = figs.some((f) => f.hedge === 'vague');

  let detail: string;
  if (allSame) detail = 'same';
  else if (differentClaimants || (times.size > 1 && COUNT_KINDS.has(figs[0].kind))) detail = 'different-claim';
  else if (disjoint) detail = 'conflict';
  else if (vague) detail = 'rounding';
  else detail = 'compatible';
  const verdict = allSame ? 'agree' : 'differ';
  const docs = group.map((n) => n.doc);
  const independent = analysis.origins.count(docs);
  const what = describe(figs);
  const values = group.map((n) => `${n.fig.text}${n.fig.claimant ? ` (${n.fig.claimant})` : ''}`);
  const summary = allSame
    ? `${what}: ${independent} independent sources agree on “${figs[0].text}”`
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

function describe(figs: Figure[]): string {
  const f = figs[0];
  if (f.kind === 'year' || f.kind === 'date') return f.kind === 'year' ? 'Year' : 'Date';
  const nouns = [...new Set(figs.map((x) => x.noun).filter((n): n is string => !!n))];
  return nouns.length ? `Number of ${nouns.slice(0, 2).join(' / ')}` : 'Figure';
}
