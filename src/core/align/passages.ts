import type { Segment } from './segments';
import { SimilarityIndex } from './similarityIndex';
import { Links } from './links';

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

/**
 * N-way alignment. Each sentence links to its best match in every other source (above the
 * threshold) — found through the index, never by comparing all pairs. Links are then merged
 * strongest first into passages; a merge that would put two distant sentences of the same
 * source into one passage is refused, so passages cannot chain across a whole article.
 */
export function alignPassages(segments: Segment[], opts: AlignOptions = DEFAULT_ALIGN): { passages: AlignedPassage[]; links: Links } {
  const index = new SimilarityIndex(segments);
  const links = bestLinks(segments, index, opts);
  const order = links.strongestFirst();

  const n = segments.length;
  const parent = Int32Array.from(segments, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) {
      const next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  };
  // Each group is a linked list of its segments, in the order the groups were joined (the
  // first six of each are compared when two groups meet), and keeps, per source, its
  // sentences (sorted, at most four) so that a merge checks only the sources both groups share.
  const head = Int32Array.from(segments, (_, i) => i);
  const tail = Int32Array.from(segments, (_, i) => i);
  const next = new Int32Array(n).fill(-1);
  const size = new Int32Array(n).fill(1);
  const sentencesOf: Array<Map<number, number[]> | undefined> = new Array(n);
  const docsOf = (root: number): Map<number, number[]> => {
    let m = sentencesOf[root];
    if (!m) {
      const seg = segments[root];
      sentencesOf[root] = m = new Map([[seg.doc, [...seg.sentences]]]);
    }
    return m;
  };
  // The scores of the links inside each group, in the order they were added (their mean is
  // the passage's similarity), as linked lists too.
  const scoreValue = new Float64Array(links.length);
  const scoreNext = new Int32Array(links.length).fill(-1);
  const scoreHead = new Int32Array(n).fill(-1);
  const scoreTail = new Int32Array(n).fill(-1);
  let scoreCount = 0;
  const addScore = (root: number, score: number) => {
    const at = scoreCount++;
    scoreValue[at] = score;
    if (scoreTail[root] < 0) scoreHead[root] = at;
    else scoreNext[scoreTail[root]] = at;
    scoreTail[root] = at;
  };

  // Keys are exact integers below 64·n² (n up to ten million segments).
  const refused = new Set<number>();
  for (const at of order) {
    const score = links.score[at];
    const ra = find(links.a[at]);
    const rb = find(links.b[at]);
    if (ra === rb) {
      if (scoreHead[ra] >= 0) addScore(ra, score);
      continue;
    }
    const da = docsOf(ra);
    const db = docsOf(rb);
    const joined = compatible(da, db, opts.maxGap);
    if (!joined) continue;
    if (size[ra] + size[rb] > 2) {
      // Two groups whose first six members did not change since they last failed to meet fail again.
      const key = (ra * 8 + Math.min(size[ra], 6)) * (n * 8) + rb * 8 + Math.min(size[rb], 6);
      if (refused.has(key)) continue;
      if (averageLinkage(segments, index, firstSix(head[ra], next), firstSix(head[rb], next)) < opts.weakThreshold) {
        refused.add(key);
        continue;
      }
    }
    parent[rb] = ra;
    next[tail[ra]] = head[rb];
    tail[ra] = tail[rb];
    size[ra] += size[rb];
    const into = da.size >= db.size ? da : db;
    for (const [doc, list] of da.size >= db.size ? db : da) into.set(doc, list);
    for (const [doc, list] of joined) into.set(doc, list);
    sentencesOf[ra] = into;
    sentencesOf[rb] = undefined;
    // The group's scores: ra's, then rb's, then this link's.
    if (scoreHead[rb] >= 0) {
      if (scoreTail[ra] < 0) scoreHead[ra] = scoreHead[rb];
      else scoreNext[scoreTail[ra]] = scoreHead[rb];
      scoreTail[ra] = scoreTail[rb];
    }
    addScore(ra, score);
  }

  const passages: AlignedPassage[] = [];
  for (let root = 0; root < n; root++) {
    if (parent[root] !== root) continue;
    const members = new Map<number, number[]>();
    for (let id = head[root]; id >= 0; id = next[id]) {
      const seg = segments[id];
      const list = members.get(seg.doc) ?? [];
      list.push(...seg.sentences);
      members.set(seg.doc, list);
    }
    if (members.size < 2) continue;
    for (const [doc, list] of members) members.set(doc, [...new Set(list)].sort((x, y) => x - y));
    let sum = 0;
    let count = 0;
    for (let at = scoreHead[root]; at >= 0; at = scoreNext[at]) {
      sum += scoreValue[at];
      count++;
    }
    passages.push({ members, similarity: count ? sum / count : 0 });
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

function bestLinks(segments: Segment[], index: SimilarityIndex, opts: AlignOptions): Links {
  // Per segment: its best match in each other source (in the order the sources were first
  // met), and runner-up matches next to that best one (a claim one outlet makes in two
  // paragraphs), kept in flat arrays (→ [from, to) ranges) rather than a map each. Segments
  // with the same keys (a sentence and its copies) have the same candidates with the same
  // scores, so these are worked out once for all of them over every source, and each
  // segment then leaves out its own source: the same matches as asking for each.
  const n = segments.length;
  const docCount = segments.reduce((m, s) => Math.max(m, s.doc + 1), 0);
  const sameAs = index.sameKeys();
  const bestFrom = new Int32Array(n);
  const nearFrom = new Int32Array(n);
  const bestTo = new Int32Array(n);
  const nearTo = new Int32Array(n);
  const bestDoc: number[] = [];
  const bestId: number[] = [];
  const bestScore: number[] = [];
  const nearId: number[] = [];
  const nearScore: number[] = [];
  // Scratch: the entry of each source's best.
  const entryOf = new Int32Array(docCount).fill(-1);
  const { hits, hitScores } = index;
  for (const seg of segments) {
    if (sameAs[seg.id] !== seg.id) continue;
    bestFrom[seg.id] = bestDoc.length;
    nearFrom[seg.id] = nearId.length;
    const count = index.scoresOf(seg.id, opts.weakThreshold);
    for (let c = 0; c < count; c++) {
      const id = hits[c];
      const score = hitScores[c];
      const doc = segments[id].doc;
      const e = entryOf[doc];
      if (e < 0) {
        entryOf[doc] = bestDoc.length;
        bestDoc.push(doc);
        bestId.push(id);
        bestScore.push(score);
      } else if (score > bestScore[e] || (score === bestScore[e] && id < bestId[e])) {
        bestId[e] = id;
        bestScore[e] = score;
      }
    }
    for (let c = 0; c < count; c++) {
      const e = entryOf[segments[hits[c]].doc];
      const top = bestId[e];
      if (hits[c] === top || hitScores[c] < 0.8 * bestScore[e]) continue;
      if (distance(segments[hits[c]], segments[top]) <= opts.maxGap + 1) {
        nearId.push(hits[c]);
        nearScore.push(hitScores[c]);
      }
    }
    bestTo[seg.id] = bestDoc.length;
    nearTo[seg.id] = nearId.length;
    for (let e = bestFrom[seg.id]; e < bestDoc.length; e++) entryOf[bestDoc[e]] = -1;
  }
  /** The best match of a segment in another source, or -1. */
  const bestIn = (seg: number, doc: number): number => {
    const g = sameAs[seg];
    for (let e = bestFrom[g]; e < bestTo[g]; e++) if (bestDoc[e] === doc) return bestId[e];
    return -1;
  };

  const seen = new PairSet(bestDoc.length + nearId.length);
  const links = new Links();
  const add = (x: number, y: number, score: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (seen.add(a, b)) links.push(a, b, score);
  };
  for (const seg of segments) {
    const g = sameAs[seg.id];
    for (let e = bestFrom[g]; e < bestTo[g]; e++) {
      if (bestDoc[e] === seg.doc) continue;
      const id = bestId[e];
      const score = bestScore[e];
      // Below the threshold a link stands only when it is the best match both ways.
      if (score < opts.threshold && bestIn(id, seg.doc) !== seg.id) continue;
      add(seg.id, id, score);
      for (let k = nearFrom[g]; k < nearTo[g]; k++) if (segments[nearId[k]].doc === bestDoc[e]) add(seg.id, nearId[k], nearScore[k]);
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

/** The first six segments of a group's list. */
function firstSix(head: number, next: Int32Array): number[] {
  const out: number[] = [];
  for (let id = head; id >= 0 && out.length < 6; id = next[id]) out.push(id);
  return out;
}

/**
 * Mean similarity across two groups (members of different sources only, at most 6×6 of
 * them), so that a passage grows only with sentences that match the passage as a whole,
 * not just one of its members.
 */
function averageLinkage(segments: Segment[], index: SimilarityIndex, ga: number[], gb: number[]): number {
  let sum = 0;
  let n = 0;
  for (const x of ga) {
    for (const y of gb) {
      if (segments[x].doc === segments[y].doc) continue;
      sum += index.pairScore(segments[x], segments[y]);
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * Two groups may merge when, per source, their sentences stay within `maxGap` of each
 * other (and at most four of them). Only sources both groups have can break that: each
 * group already keeps it. Returns the joined sentences of the shared sources, or null.
 */
function compatible(da: Map<number, number[]>, db: Map<number, number[]>, maxGap: number): Map<number, number[]> | null {
  const joined = new Map<number, number[]>();
  const [small, large] = da.size <= db.size ? [da, db] : [db, da];
  for (const [doc, mine] of small) {
    const theirs = large.get(doc);
    if (!theirs) continue;
    const list = [...new Set([...mine, ...theirs])].sort((x, y) => x - y);
    if (list.length > 4) return null;
    for (let i = 1; i < list.length; i++) if (list[i] - list[i - 1] > maxGap + 1) return null;
    joined.set(doc, list);
  }
  return joined;
}

function firstKey(p: AlignedPassage): number {
  const [doc, sentences] = [...p.members.entries()].sort((x, y) => x[0] - y[0])[0];
  return doc * 1e6 + sentences[0];
}

/** A set of pairs of non-negative integers, open addressing over typed arrays (no number boxing). */
class PairSet {
  private a: Int32Array;
  private b: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.a = new Int32Array(cap).fill(-1);
    this.b = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Adds the pair; false when it was there already. */
  add(x: number, y: number): boolean {
    if ((this.size + 1) * 2 > this.a.length) this.grow();
    let i = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y, 0x85ebca6b)) & this.mask;
    while (this.a[i] !== -1) {
      if (this.a[i] === x && this.b[i] === y) return false;
      i = (i + 1) & this.mask;
    }
    this.a[i] = x;
    this.b[i] = y;
    this.size++;
    return true;
  }

  private grow(): void {
    const { a, b } = this;
    this.a = new Int32Array(a.length * 2).fill(-1);
    this.b = new Int32Array(a.length * 2);
    this.mask = this.a.length - 1;
    this.size = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== -1) this.add(a[i], b[i]);
  }
}
