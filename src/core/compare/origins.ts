import type { DuplicateOf } from '../align/duplicates';

/**
 * Added to a finding's summary when only a copy and its original have the difference: not
 * corroboration by two sources, but a copy that changed what it copied.
 */
export const COPY_DEPARTS = ' (a copy departs from its original)';

/**
 * Origins: a copy and its original are one origin. Every count of "independent sources"
 * counts origins, not files.
 */
export class Origins {
  private readonly root: number[];

  constructor(count: number, duplicates: DuplicateOf[]) {
    this.root = Array.from({ length: count }, (_, i) => i);
    for (const d of duplicates) this.root[d.copy] = d.original;
    for (let i = 0; i < count; i++) this.root[i] = this.follow(i);
  }

  private follow(i: number): number {
    let cur = i;
    for (let steps = 0; this.root[cur] !== cur && steps < this.root.length; steps++) cur = this.root[cur];
    return cur;
  }

  of(doc: number): number {
    return this.root[doc];
  }

  isCopy(doc: number): boolean {
    return this.root[doc] !== doc;
  }

  /** Number of distinct origins among the given documents. */
  count(docs: Iterable<number>): number {
    const set = new Set<number>();
    for (const d of docs) set.add(this.root[d]);
    return set.size;
  }
}
