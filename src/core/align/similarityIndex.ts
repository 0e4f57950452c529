import type { Segment } from './segments';

/**
 * An inverted index over segment keys with IDF weights. Candidates for a segment are the
 * segments that share at least one key, found through the postings of its keys; keys so
 * common that their postings exceed `maxPostings` are left out of candidate generation
 * (they still count in the score), which keeps the work near-linear in the corpus size.
 *
 * Data layout: keys are numbered once; each segment's keys, each key's postings and the
 * squared weights are typed arrays, and shared weights accumulate in one dense scratch
 * array reused for every segment (no map per candidate). Sums are taken in the same order
 * as a plain reading of the definition (the segment's keys in order, selective keys first),
 * so scores are the same to the last bit.
 */
export class SimilarityIndex {
  private readonly keyIds = new Map<string, number>();
  private readonly idf: Float64Array;
  /** Squared weight of each key. */
  private readonly w2: Float64Array;
  private readonly postings: Int32Array[];
  private readonly segKeys: Int32Array[];
  /** Per segment, the ids of its `#` keys (what a quantity counts). */
  private readonly quantityKeys: Int32Array[];
  private readonly norms: Float64Array;
  /**
   * Per segment, side by side (one cache line for a candidate): its norm, 1/√norm, for the
   * shorter side of a pair 0.75·min(1, √(norm/40))/norm, and the most its `#` keys can add
   * (min(0.3, 0.2 × their count)). See `upperScore`.
   */
  private readonly bounds: Float64Array;
  private readonly maxPostings: number;
  // Scratch space, reused by every query.
  private readonly acc: Float64Array;
  /** For `scoresOf`: [stamp, shared weight] per segment, and the shared weights of its candidates. */
  private readonly slots: Float64Array;
  private readonly shared: Float64Array;
  /** What `scoresOf` found. */
  readonly hits: Int32Array;
  readonly hitScores: Float64Array;
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly touched: Int32Array;
  private readonly keyMark: Int32Array;
  /** For each key too common to generate candidates, the set of segments that have it, as a bit set. */
  private readonly commonMembers = new Map<number, Uint32Array>();

  constructor(private readonly segments: Segment[]) {
    const counts: number[] = [];
    this.segKeys = segments.map((seg) => {
      const ids = new Int32Array(seg.keys.length);
      seg.keys.forEach((k, i) => {
        let id = this.keyIds.get(k);
        if (id === undefined) {
          id = counts.length;
          this.keyIds.set(k, id);
          counts.push(0);
        }
        counts[id]++;
        ids[i] = id;
      });
      return ids;
    });
    const nKeys = counts.length;
    this.postings = counts.map((c) => new Int32Array(c));
    const fill = new Int32Array(nKeys);
    for (const seg of segments) for (const k of this.segKeys[seg.id]) this.postings[k][fill[k]++] = seg.id;
    const n = Math.max(1, segments.length);
    this.idf = new Float64Array(nKeys);
    this.w2 = new Float64Array(nKeys);
    for (let k = 0; k < nKeys; k++) {
      this.idf[k] = Math.log(1 + n / counts[k]);
      this.w2[k] = this.idf[k] ** 2;
    }
    this.norms = new Float64Array(segments.length);
    this.quantityKeys = segments.map((seg) => {
      let sum = 0;
      for (const k of this.segKeys[seg.id]) sum += this.w2[k];
      this.norms[seg.id] = sum;
      return Int32Array.from(seg.keys.flatMap((k, i) => (k.startsWith('#') ? [this.segKeys[seg.id][i]] : [])));
    });
    this.bounds = new Float64Array(segments.length * 4);
    this.norms.forEach((x, i) => {
      this.bounds[i * 4] = x;
      this.bounds[i * 4 + 1] = x > 0 ? 1 / Math.sqrt(x) : Infinity;
      this.bounds[i * 4 + 2] = x > 0 ? (0.75 * Math.min(1, Math.sqrt(x / 40))) / x : Infinity;
      this.bounds[i * 4 + 3] = Math.min(0.3, 0.2 * this.quantityKeys[i].length);
    });
    this.maxPostings = postingsCap(n);
    this.acc = new Float64Array(segments.length);
    this.slots = new Float64Array(segments.length * 2);
    this.shared = new Float64Array(segments.length);
    this.hits = new Int32Array(segments.length);
    this.hitScores = new Float64Array(segments.length);
    this.seen = new Uint32Array(segments.length);
    this.touched = new Int32Array(segments.length);
    this.keyMark = new Int32Array(nKeys).fill(-1);
    for (let k = 0; k < nKeys; k++) {
      if (this.postings[k].length <= this.maxPostings) continue;
      const bits = new Uint32Array((segments.length + 31) >>> 5);
      for (const id of this.postings[k]) bits[id >>> 5] |= 1 << (id & 31);
      this.commonMembers.set(k, bits);
    }
  }

  weight(key: string): number {
    const id = this.keyIds.get(key);
    return id === undefined ? 0 : this.idf[id];
  }

  /** Candidates sharing a selective key, with the squared-weight sum of shared keys. */
  candidates(seg: Segment, accept: (other: Segment) => boolean): Map<number, number> {
    const out = new Map<number, number>();
    this.eachCandidate(this.segKeys[seg.id], seg.id, (id) => accept(this.segments[id]), (id, w) => out.set(id, w));
    return out;
  }

  /**
   * Every segment, of any source and `seg` itself included, that shares a selective key with
   * `seg` and scores at least `minScore`, with its score (as `score` gives it), in the order
   * the segments were first reached: the alignment's inner loop, without a map or a callback
   * per posting. Returns how many; their ids and scores are `hits` and `hitScores` [0, count),
   * valid until the next call. What a segment gets depends only on its keys, so segments with
   * the same keys (`sameKeys`) get the same answer, and each leaves out its own source.
   */
  scoresOf(seg: number, minScore: number): number {
    // Stamp and shared weight side by side (one cache line per posting visited).
    const { slots, touched, postings, w2, maxPostings } = this;
    const stamp = this.nextStamp();
    const keys = this.segKeys[seg];
    let count = 0;
    let common = false;
    for (let i = 0; i < keys.length; i++) {
      const list = postings[keys[i]];
      if (list.length > maxPostings) {
        common = true;
        continue;
      }
      const w = w2[keys[i]];
      for (let p = 0; p < list.length; p++) {
        const j = 2 * list[p];
        if (slots[j] === stamp) slots[j + 1] += w;
        else {
          slots[j] = stamp;
          slots[j + 1] = w;
          touched[count++] = list[p];
        }
      }
    }
    const shared = this.shared;
    for (let c = 0; c < count; c++) shared[c] = slots[2 * touched[c] + 1];
    let kept = count;
    if (common) {
      // The common keys can add at most their total weight: only candidates that could then
      // reach `minScore` (the score grows with the shared weight) get their common keys
      // added, in the same order as always, so their scores are exact.
      let commonTotal = 0;
      for (const k of keys) if (postings[k].length > maxPostings) commonTotal += w2[k];
      const reach = commonTotal * (1 + 1e-9) + 1e-9;
      kept = 0;
      for (let c = 0; c < count; c++) {
        if (this.upperScore(seg, touched[c], shared[c] + reach) < minScore) continue;
        touched[kept] = touched[c];
        shared[kept++] = shared[c];
      }
      for (let i = 0; i < keys.length; i++) {
        const members = this.commonMembers.get(keys[i]);
        if (!members) continue;
        const w = w2[keys[i]];
        for (let c = 0; c < kept; c++) {
          const id = touched[c];
          if (members[id >>> 5] & (1 << (id & 31))) shared[c] += w;
        }
      }
    }
    let hits = 0;
    for (let c = 0; c < kept; c++) {
      const id = touched[c];
      if (this.upperScore(seg, id, shared[c]) < minScore) continue;
      const score = this.scoreIds(seg, id, shared[c]);
      if (score < minScore) continue;
      this.hits[hits] = id;
      this.hitScores[hits++] = score;
    }
    return hits;
  }

  /**
   * Per segment, the first segment with the same keys in the same order (itself if none
   * came before): a sentence and its copies, which `scoresOf` answers alike.
   */
  sameKeys(): Int32Array {
    const first = new Map<string, number>();
    return Int32Array.from(this.segKeys, (keys, id) => {
      const text = keys.join(',');
      const found = first.get(text);
      if (found !== undefined) return found;
      first.set(text, id);
      return id;
    });
  }

  /**
   * The shared weight of every accepted segment that shares a selective key with `keys`,
   * reported in the order segments were first reached. Selective keys add up first, then
   * the common ones, each in the order of `keys`.
   */
  private eachCandidate(keys: Int32Array, self: number, accept: (id: number) => boolean, each: (id: number, shared: number) => void): void {
    const stamp = this.nextStamp();
    const { acc, seen, touched, postings, w2, maxPostings } = this;
    let count = 0;
    let common = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const list = postings[k];
      if (list.length > maxPostings) {
        common++;
        continue;
      }
      const w = w2[k];
      for (let p = 0; p < list.length; p++) {
        const id = list[p];
        if (id === self) continue;
        if (seen[id] === stamp) {
          acc[id] += w;
          continue;
        }
        if (seen[id] === stamp + 1) continue; // rejected before
        if (!accept(id)) {
          seen[id] = stamp + 1;
          continue;
        }
        seen[id] = stamp;
        acc[id] = w;
        touched[count++] = id;
      }
    }
    if (common > 0) this.addCommon(keys, count);
    for (let c = 0; c < count; c++) each(touched[c], acc[touched[c]]);
  }

  /**
   * Keys too common to generate candidates still count towards the score of the candidates
   * found through others (`touched[0…count)`), each key in the order of `keys`.
   */
  private addCommon(keys: Int32Array, count: number): void {
    const { acc, touched, w2 } = this;
    for (let i = 0; i < keys.length; i++) {
      const members = this.commonMembers.get(keys[i]);
      if (!members) continue;
      const w = w2[keys[i]];
      for (let c = 0; c < count; c++) {
        const id = touched[c];
        if (members[id >>> 5] & (1 << (id & 31))) acc[id] += w;
      }
    }
  }

  /** Two stamps per query: `stamp` for a candidate, `stamp + 1` for a rejected segment. */
  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.seen.fill(0);
      this.slots.fill(0);
      this.stamp = 0;
    }
    this.stamp += 2;
    return this.stamp;
  }

  /** Similarity of any two segments, computed from their keys. */
  pairScore(a: Segment, b: Segment): number {
    const [small, large] = a.keys.length <= b.keys.length ? [a, b] : [b, a];
    const stamp = this.nextStamp();
    for (const k of this.segKeys[large.id]) this.keyMark[k] = stamp;
    let shared = 0;
    for (const k of this.segKeys[small.id]) if (this.keyMark[k] === stamp) shared += this.w2[k];
    for (const k of this.segKeys[large.id]) this.keyMark[k] = -1;
    return this.scoreIds(a.id, b.id, shared);
  }

  /**
   * Similarity of two segments from their shared weight: the cosine, raised towards the
   * containment of the shorter one so that a short sentence inside a long one still links.
   */
  score(a: Segment, b: Segment, shared: number): number {
    return this.scoreIds(a.id, b.id, shared);
  }

  /**
   * A bound a little above `scoreIds` (by 1e-9, for rounding), from quantities worked out
   * once per segment: most candidates fall below the threshold on it without a square root.
   */
  private upperScore(a: number, b: number, shared: number): number {
    const info = this.bounds;
    const ia = a * 4;
    const ib = b * 4;
    const cosine = shared * info[ia + 1] * info[ib + 1];
    const contained = shared * (info[ia] <= info[ib] ? info[ia + 2] : info[ib + 2]);
    const bonus = info[ia + 3] < info[ib + 3] ? info[ia + 3] : info[ib + 3];
    return (cosine > contained ? cosine : contained) * (1 + 1e-9) + 1e-9 + bonus;
  }

  private scoreIds(a: number, b: number, shared: number): number {
    return this.scoreOf(this.norms[a], this.norms[b], shared) + this.bonus(this.quantityKeys[a], this.quantityKeys[b]);
  }

  /**
   * Similarity of text from outside the index (a draft's sentence, given by its keys) to
   * every indexed segment that shares a selective key with it, scored as `score` does. A
   * key no indexed segment has weighs as much as the rarest key: words the sources never
   * use make the text less like any of them.
   */
  query(keys: string[], accept: (other: Segment) => boolean = () => true): Map<number, number> {
    const unique = [...new Set(keys)];
    const rarest = Math.log(1 + Math.max(1, this.segments.length));
    let norm = 0;
    for (const k of unique) {
      const id = this.keyIds.get(k);
      norm += (id === undefined ? rarest : this.idf[id]) ** 2;
    }
    const known = Int32Array.from(unique.flatMap((k) => (this.keyIds.has(k) ? [this.keyIds.get(k)!] : [])));
    const quantity = Int32Array.from(unique.flatMap((k) => (k.startsWith('#') && this.keyIds.has(k) ? [this.keyIds.get(k)!] : [])));
    const out = new Map<number, number>();
    this.eachCandidate(known, -1, (id) => accept(this.segments[id]), (id, w) => {
      out.set(id, this.scoreOf(norm, this.norms[id], w) + this.bonus(quantity, this.quantityKeys[id]));
    });
    return out;
  }

  /**
   * Two sentences that give a number of the same thing ("1,000 containers", "thousands of
   * containers") probably report the same claim however differently they are worded.
   */
  private bonus(a: Int32Array, b: Int32Array): number {
    if (a.length === 0 || b.length === 0) return 0;
    let n = 0;
    for (const k of a) if (b.includes(k)) n++;
    return Math.min(0.3, n * 0.2);
  }

  /** The cosine, raised towards the containment of the shorter side. */
  private scoreOf(na: number, nb: number, shared: number): number {
    if (na === 0 || nb === 0) return 0;
    const cosine = shared / Math.sqrt(na * nb);
    const containment = shared / Math.min(na, nb);
    return Math.max(cosine, 0.75 * containment * Math.min(1, Math.sqrt(Math.min(na, nb) / 40)));
  }
}

/**
 * How long a key's postings may be for the key to generate candidates: 4√n for up to
 * MAX_POSTINGS²/16 segments (about 300 articles), then MAX_POSTINGS. A word in more
 * segments than that is too common to find what reports the same thing (a real match
 * shares rarer words too); with a fixed cap each segment reads a bounded number of
 * postings, so the alignment grows linearly with the corpus instead of as n^1.5.
 */
export function postingsCap(segments: number): number {
  return Math.min(MAX_POSTINGS, Math.max(64, Math.ceil(Math.sqrt(segments) * 4)));
}

const MAX_POSTINGS = 400;
