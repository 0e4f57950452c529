import type { Segment } from './segments';

/**
 * An inverted index over segment keys with IDF weights. Candidates for a segment are the
 * segments that share at least one key, found through the postings of its keys; keys so
 * common that their postings exceed `maxPostings` are left out of candidate generation
 * (they still count in the score), which keeps the work near-linear in the corpus size.
 */
export class SimilarityIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly norms: Float64Array;
  private readonly maxPostings: number;

  constructor(private readonly segments: Segment[]) {
    for (const seg of segments) {
      for (const k of seg.keys) {
        let list = this.postings.get(k);
        if (!list) this.postings.set(k, (list = []));
        list.push(seg.id);
      }
    }
    const n = Math.max(1, segments.length);
    for (const [k, list] of this.postings) this.idf.set(k, Math.log(1 + n / list.length));
    this.norms = new Float64Array(segments.length);
    for (const seg of segments) {
      let sum = 0;
      for (const k of seg.keys) sum += this.weight(k) ** 2;
      this.norms[seg.id] = sum;
    }
    this.maxPostings = Math.max(64, Math.ceil(Math.sqrt(n) * 4));
  }

  weight(key: string): number {
    return this.idf.get(key) ?? 0;
  }

  /** Candidates sharing a selective key, with the squared-weight sum of shared keys. */
  candidates(seg: Segment, accept: (other: Segment) => boolean): Map<number, number> {
    const shared = new Map<number, number>();
    for (const k of seg.keys) {
      const list = this.postings.get(k)!;
      if (list.length > this.maxPostings) continue;
      const w = this.weight(k) ** 2;
      for (const id of list) {
        if (id === seg.id) continue;
        const other = this.segments[id];
        if (!accept(other)) continue;
        shared.set(id, (shared.get(id) ?? 0) + w);
      }
    }
    // Keys skipped above still count towards the score of candidates found through others.
    for (const k of seg.keys) {
      const list = this.postings.get(k)!;
      if (list.length <= this.maxPostings) continue;
      const w = this.weight(k) ** 2;
      for (const id of shared.keys()) if (this.segments[id].keys.includes(k)) shared.set(id, shared.get(id)! + w);
    }
    return shared;
  }

  /** Similarity of any two segments, computed from their keys. */
  pairScore(a: Segment, b: Segment): number {
    const [small, large] = a.keys.length <= b.keys.length ? [a, b] : [b, a];
    const set = new Set(large.keys);
    let shared = 0;
    for (const k of small.keys) if (set.has(k)) shared += this.weight(k) ** 2;
    return this.score(a, b, shared);
  }

  /**
   * Similarity of two segments from their shared weight: the cosine, raised towards the
   * containment of the shorter one so that a short sentence inside a long one still links.
   */
  score(a: Segment, b: Segment, shared: number): number {
    return this.scoreOf(this.norms[a.id], this.norms[b.id], shared) + quantityBonus(a.keys, b.keys);
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
    for (const k of unique) norm += (this.idf.get(k) ?? rarest) ** 2;
    const shared = new Map<number, number>();
    for (const k of unique) {
      const list = this.postings.get(k);
      if (!list || list.length > this.maxPostings) continue;
      const w = this.weight(k) ** 2;
      for (const id of list) if (accept(this.segments[id])) shared.set(id, (shared.get(id) ?? 0) + w);
    }
    for (const k of unique) {
      const list = this.postings.get(k);
      if (!list || list.length <= this.maxPostings) continue;
      const w = this.weight(k) ** 2;
      for (const id of shared.keys()) if (this.segments[id].keys.includes(k)) shared.set(id, shared.get(id)! + w);
    }
    const out = new Map<number, number>();
    for (const [id, w] of shared) out.set(id, this.scoreOf(norm, this.norms[id], w) + quantityBonus(unique, this.segments[id].keys));
    return out;
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
 * Two sentences that give a number of the same thing ("1,000 containers", "thousands of
 * containers") probably report the same claim however differently they are worded.
 */
function quantityBonus(a: string[], b: string[]): number {
  let n = 0;
  for (const k of a) if (k.startsWith('#') && b.includes(k)) n++;
  return Math.min(0.3, n * 0.2);
}
