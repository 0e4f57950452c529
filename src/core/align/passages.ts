import type { Segment } from './segments';
import { SimilarityIndex } from './similarityIndex';

/** Sentences of several sources that report the same thing. */
export interface AlignedPassage {
  /** Per source (doc index): the sentence indexes in that source, ascending and near-contiguous. */
  members: Map<number, number[]>;
  /** Mean score of the links that built the passage. */
  similarity: number;
}

export interface AlignOptions {
  /** Minimum score for two sentences to be linked. */
  threshold: number;
  /** Lower minimum for a link that is the best match in both directions. */
  weakThreshold: number;
  /** Sentences of one source in one passage may be at most this far apart. */
  maxGap: number;
}

export const DEFAULT_ALIGN: AlignOptions = { threshold: 0.3, weakThreshold: 0.21, maxGap: 1 };

interface Link {
  a: number;
  b: number;
  score: number;
}

/**
 * N-way alignment. Each sentence links to its best match in every other source (above the
 * threshold) — found through the index, never by comparing all pairs. Links are then merged
 * strongest first into passages; a merge that would put two distant sentences of the same
 * source into one passage is refused, so passages cannot chain across a whole article.
 */
export function alignPassages(segments: Segment[], opts: AlignOptions = DEFAULT_ALIGN): { passages: AlignedPassage[]; links: Link[] } {
  const index = new SimilarityIndex(segments);
  const links = bestLinks(segments, index, opts);
  links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const groups = new Map<number, number[]>(segments.map((s) => [s.id, [s.id]]));
  const scores = new Map<number, number[]>();

  for (const link of links) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) {
      scores.get(ra)?.push(link.score);
      continue;
    }
    const ga = groups.get(ra)!;
    const gb = groups.get(rb)!;
    if (!compatible(segments, ga, gb, opts.maxGap)) continue;
    if (ga.length + gb.length > 2 && averageLinkage(segments, index, ga, gb) < opts.weakThreshold) continue;
    parent[rb] = ra;
    groups.set(ra, ga.concat(gb));
    groups.delete(rb);
    scores.set(ra, [...(scores.get(ra) ?? []), ...(scores.get(rb) ?? []), link.score]);
    scores.delete(rb);
  }

  const passages: AlignedPassage[] = [];
  for (const [root, ids] of groups) {
    const members = new Map<number, number[]>();
    for (const id of ids) {
      const seg = segments[id];
      const list = members.get(seg.doc) ?? [];
      list.push(...seg.sentences);
      members.set(seg.doc, list);
    }
    if (members.size < 2) continue;
    for (const [doc, list] of members) members.set(doc, [...new Set(list)].sort((x, y) => x - y));
    const s = scores.get(root) ?? [];
    passages.push({ members, similarity: s.length ? s.reduce((x, y) => x + y, 0) / s.length : 0 });
  }
  passages.sort((x, y) => firstKey(x) - firstKey(y));
  return { passages: disjoint(passages), links };
}

/**
 * A sentence reaches two passages when one passage took it through a two-sentence window
 * and another through the sentence alone. It stays in the more similar passage; a passage
 * left with one source is dropped.
 */
function disjoint(passages: AlignedPassage[]): AlignedPassage[] {
  const owner = new Map<string, number>();
  passages.forEach((p, i) => {
    for (const [doc, sentences] of p.members) {
      for (const s of sentences) {
        const key = `${doc}:${s}`;
        const cur = owner.get(key);
        if (cur === undefined || p.similarity > passages[cur].similarity) owner.set(key, i);
      }
    }
  });
  const out: AlignedPassage[] = [];
  passages.forEach((p, i) => {
    const members = new Map<number, number[]>();
    for (const [doc, sentences] of p.members) {
      const kept = sentences.filter((s) => owner.get(`${doc}:${s}`) === i);
      if (kept.length) members.set(doc, kept);
    }
    if (members.size >= 2) out.push({ members, similarity: p.similarity });
  });
  return out;
}

function bestLinks(segments: Segment[], index: SimilarityIndex, opts: AlignOptions): Link[] {
  // best[seg].get(doc) = the best match of `seg` among the segments of `doc`; near[seg] holds
  // runner-up matches next to that best one (a claim one outlet makes in two paragraphs).
  const best: Array<Map<number, { id: number; score: number }>> = segments.map(() => new Map());
  const near: Array<Array<{ id: number; score: number }>> = segments.map(() => []);
  for (const seg of segments) {
    const scored: Array<{ id: number; score: number }> = [];
    for (const [id, w] of index.candidates(seg, (o) => o.doc !== seg.doc)) {
      const score = index.score(seg, segments[id], w);
      if (score < opts.weakThreshold) continue;
      scored.push({ id, score });
      const cur = best[seg.id].get(segments[id].doc);
      if (!cur || score > cur.score || (score === cur.score && id < cur.id)) best[seg.id].set(segments[id].doc, { id, score });
    }
    for (const c of scored) {
      const top = best[seg.id].get(segments[c.id].doc)!;
      if (c.id === top.id || c.score < 0.8 * top.score) continue;
      if (distance(segments[c.id], segments[top.id]) <= opts.maxGap + 1) near[seg.id].push(c);
    }
  }
  const seen = new Set<string>();
  const links: Link[] = [];
  const add = (x: number, y: number, score: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = `${a}:${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ a, b, score });
  };
  for (const seg of segments) {
    for (const { id, score } of best[seg.id].values()) {
      const mutual = best[id].get(seg.doc)?.id === seg.id;
      if (score < opts.threshold && !mutual) continue;
      add(seg.id, id, score);
      for (const n of near[seg.id]) if (segments[n.id].doc === segments[id].doc) add(seg.id, n.id, n.score);
    }
  }
  return links;
}

/** How many sentences apart two segments of one source are (0 when they overlap). */
function distance(x: Segment, y: Segment): number {
  const xs = x.sentences;
  const ys = y.sentences;
  if (xs[xs.length - 1] < ys[0]) return ys[0] - xs[xs.length - 1];
  if (ys[ys.length - 1] < xs[0]) return xs[0] - ys[ys.length - 1];
  return 0;
}

/**
 * Mean similarity across two groups (members of different sources only, at most 6×6 of
 * them), so that a passage grows only with sentences that match the passage as a whole,
 * not just one of its members.
 */
function averageLinkage(segments: Segment[], index: SimilarityIndex, ga: number[], gb: number[]): number {
  let sum = 0;
  let n = 0;
  for (const x of ga.slice(0, 6)) {
    for (const y of gb.slice(0, 6)) {
      if (segments[x].doc === segments[y].doc) continue;
      sum += index.pairScore(segments[x], segments[y]);
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** Two groups may merge when, per source, their sentences stay within `maxGap` of each other. */
function compatible(segments: Segment[], ga: number[], gb: number[], maxGap: number): boolean {
  const byDoc = new Map<number, number[]>();
  for (const id of ga.concat(gb)) {
    const s = segments[id];
    const list = byDoc.get(s.doc) ?? [];
    list.push(...s.sentences);
    byDoc.set(s.doc, list);
  }
  for (const raw of byDoc.values()) {
    const list = [...new Set(raw)].sort((x, y) => x - y);
    for (let i = 1; i < list.length; i++) if (list[i] - list[i - 1] > maxGap + 1) return false;
    if (list.length > 4) return false;
  }
  return true;
}

function firstKey(p: AlignedPassage): number {
  const [doc, sentences] = [...p.members.entries()].sort((x, y) => x[0] - y[0])[0];
  return doc * 1e6 + sentences[0];
}
