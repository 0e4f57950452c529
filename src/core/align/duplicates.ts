import type { Doc } from '../types';
import type { Segment } from './segments';
import type { Links } from './links';

export interface DuplicateOf {
  copy: number;
  original: number;
  /** Share of the copy's comparable text found in the original. */
  coverage: number;
}

/**
 * Copies and syndicated versions: a source most of whose sentences (by length) read the
 * same in another source. Same-reading sentences are found through fingerprints; near-same
 * ones through the strong links of the alignment. Of two sources that cover each other, the
 * one with less comparable text (or the later name) is the copy.
 */
export function findDuplicates(docs: Doc[], all: Segment[], links: Links, minCoverage = 0.8): DuplicateOf[] {
  const lengthOf = (seg: Segment) => {
    const s = docs[seg.doc].sentences[seg.sentences[0]];
    return s.end - s.start;
  };
  const segments = all.filter((s) => s.sentences.length === 1);
  const total = new Float64Array(docs.length);
  for (const seg of segments) total[seg.doc] += lengthOf(seg);

  // covered[x·n + y]: x's sentences that have a same-reading twin in y.
  const n = docs.length;
  const covered = new Map<number, Set<number>>();
  const cover = (x: Segment, y: Segment) => {
    const key = x.doc * n + y.doc;
    let set = covered.get(key);
    if (!set) covered.set(key, (set = new Set()));
    set.add(x.id);
  };
  const byPrint = new Map<string, Segment[]>();
  for (const seg of segments) {
    const list = byPrint.get(seg.fingerprint) ?? [];
    list.push(seg);
    byPrint.set(seg.fingerprint, list);
  }
  for (const list of byPrint.values()) {
    if (list.length < 2 || list.length > 200) continue;
    for (const x of list) for (const y of list) if (x.doc !== y.doc) cover(x, y);
  }
  for (let i = 0; i < links.length; i++) {
    if (links.score[i] < 0.85) continue;
    const x = all[links.a[i]];
    const y = all[links.b[i]];
    if (x.sentences.length !== 1 || y.sentences.length !== 1) continue;
    cover(x, y);
    cover(y, x);
  }

  const coverage = (x: number, y: number) => {
    const set = covered.get(x * n + y);
    if (!set || total[x] === 0) return 0;
    let len = 0;
    for (const id of set) len += lengthOf(all[id]);
    return len / total[x];
  };

  const out: DuplicateOf[] = [];
  const pairs = new Set<number>();
  for (const key of covered.keys()) {
    const x = Math.floor(key / n);
    const y = key - x * n;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (pairs.has(a * n + b)) continue;
    pairs.add(a * n + b);
    const ab = coverage(a, b);
    const ba = coverage(b, a);
    if (Math.max(ab, ba) < minCoverage) continue;
    // The copy is the one more fully contained in the other; on a tie, the shorter one, then the later one.
    let copy: number;
    if (Math.abs(ab - ba) > 0.02) copy = ab > ba ? a : b;
    else if (total[a] !== total[b]) copy = total[a] < total[b] ? a : b;
    else copy = b;
    const original = copy === a ? b : a;
    out.push({ copy, original, coverage: Math.round(Math.max(copy === a ? ab : ba, 0) * 1000) / 1000 });
  }
  return resolveChains(out);
}

/** A copy of a copy is a copy of the original; a source is the copy of one original only. */
function resolveChains(dups: DuplicateOf[]): DuplicateOf[] {
  const best = new Map<number, DuplicateOf>();
  for (const d of dups) {
    const cur = best.get(d.copy);
    if (!cur || d.coverage > cur.coverage || (d.coverage === cur.coverage && d.original < cur.original)) best.set(d.copy, d);
  }
  const rootOf = (i: number, depth = 0): number => {
    const d = best.get(i);
    return d && depth < 50 && d.original !== i ? rootOf(d.original, depth + 1) : i;
  };
  const out: DuplicateOf[] = [];
  for (const d of best.values()) {
    const original = rootOf(d.original);
    if (original !== d.copy) out.push({ ...d, original });
  }
  return out.sort((x, y) => x.copy - y.copy);
}
