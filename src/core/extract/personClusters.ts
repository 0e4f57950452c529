import { stripAccents } from '../text/fold';
import type { NameMention } from '../types';
import { blockKeys, parsePersonName, personMatch, wordMatch, type PersonName } from './nameMatch';

/**
 * Clusters person mentions across sources. Mentions are grouped into forms (one per
 * distinct folded name, using `resolvedTo` for surname-only mentions), forms are compared
 * only within blocks (same first letters or sound of a surname candidate), and merged in a
 * fixed order — best score first, ties by key — so the result does not depend on the order
 * of sources. A merge needs every pair of forms across the two clusters to match
 * (complete linkage), and a form that fits two people who are not each other ("George
 * Bush" next to George W. and George H. W. Bush) joins neither.
 */
interface Form {
  key: string;
  name: PersonName;
  mentions: NameMention[];
}

export function clusterPersons(mentions: NameMention[]): NameMention[][] {
  const forms = toForms(mentions);
  const full = forms.filter((f) => f.name.units.length >= 2);
  const short = forms.filter((f) => f.name.units.length < 2);
  const sets = new DisjointSets(forms.length);
  const index = new Map(forms.map((f, i) => [f, i]));
  const match = memoMatch(forms);
  linkForms(full.map((f) => index.get(f)!), forms, sets, match);
  const unattached = attachShort(short.map((f) => index.get(f)!), forms, sets, match);
  linkForms(unattached, forms, sets, (i, j) => wordMatch(forms[i].name.units[0] ?? '', forms[j].name.units[0] ?? ''));
  return sets.groups().map((g) => g.flatMap((i) => forms[i].mentions));
}

function toForms(mentions: NameMention[]): Form[] {
  const byKey = new Map<string, Form>();
  for (const m of mentions) {
    const written = m.resolvedTo ?? m.text;
    const key = stripAccents(written).toLowerCase().replace(/\s+/g, ' ').trim();
    let f = byKey.get(key);
    if (!f) {
      f = { key, name: parsePersonName(written), mentions: [] };
      byKey.set(key, f);
    }
    f.mentions.push(m);
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type Match = (i: number, j: number) => number;

function memoMatch(forms: Form[]): Match {
  const memo = new Map<number, number>();
  return (i, j) => {
    const k = i < j ? i * forms.length + j : j * forms.length + i;
    let v = memo.get(k);
    if (v === undefined) {
      v = personMatch(forms[i].name, forms[j].name);
      memo.set(k, v);
    }
    return v;
  };
}

/** Blocked candidate pairs, merged best first with complete linkage and an ambiguity check. */
function linkForms(ids: number[], forms: Form[], sets: DisjointSets, match: Match): void {
  const seen = new Set<number>();
  const edges: Array<{ i: number; j: number; score: number }> = [];
  const adj = new Map<number, number[]>();
  for (const b of blockIndex(ids, forms).values()) {
    for (let x = 0; x < b.length; x++) {
      for (let y = x + 1; y < b.length; y++) {
        const [i, j] = b[x] < b[y] ? [b[x], b[y]] : [b[y], b[x]];
        const k = i * forms.length + j;
        if (seen.has(k)) continue;
        seen.add(k);
        const score = match(i, j);
        if (score <= 0) continue;
        edges.push({ i, j, score });
        for (const [x, y] of [[i, j], [j, i]]) {
          const list = adj.get(x);
          if (list) list.push(y);
          else adj.set(x, [y]);
        }
      }
    }
  }
  edges.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const { i, j } of edges) {
    if (ambiguous(i, j, adj, match) || ambiguous(j, i, adj, match)) continue;
    const a = sets.find(i);
    const b = sets.find(j);
    if (a === b) continue;
    if (sets.members(a).every((x) => sets.members(b).every((y) => match(x, y) > 0))) sets.union(a, b);
  }
}

function blockIndex(ids: number[], forms: Form[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  for (const i of ids) {
    for (const k of blockKeys(forms[i].name)) {
      const b = blocks.get(k);
      if (b) b.push(i);
      else blocks.set(k, [i]);
    }
  }
  return blocks;
}

/** `i` also fits some `k` that cannot be the same person as `j`. */
function ambiguous(i: number, j: number, adj: Map<number, number[]>, match: Match): boolean {
  return (adj.get(i) ?? []).some((k) => k !== j && match(j, k) <= 0);
}

/**
 * A surname alone ("Nebenzia" in a source that never gives the full name) joins the one
 * cluster whose surname it matches; with two candidates it stays alone. Returns the
 * short forms that joined nothing.
 */
function attachShort(ids: number[], forms: Form[], sets: DisjointSets, match: Match): number[] {
  const left: number[] = [];
  const blocks = blockIndex(forms.map((_, i) => i).filter((i) => forms[i].name.units.length >= 2), forms);
  const targets: Array<[number, number]> = [];
  for (const i of ids) {
    const unit = forms[i].name.units[0];
    if (!unit) {
      left.push(i);
      continue;
    }
    const roots = new Set<number>();
    const candidates = new Set(blockKeys(forms[i].name).flatMap((k) => blocks.get(k) ?? []));
    for (const f of candidates) {
      const units = forms[f].name.units;
      // Surname last by default; surname first only on an exact match ("Xi" / "Xi Jinping").
      if (match(i, f) > 0 || units[0] === unit) roots.add(sets.find(f));
    }
    if (roots.size === 1) targets.push([i, [...roots][0]]);
    else left.push(i);
  }
  for (const [i, root] of targets) sets.union(root, i);
  return left;
}

/** Union-find that keeps its member lists, for complete-linkage checks. */
class DisjointSets {
  private parent: number[];
  private lists: Map<number, number[]>;

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.lists = new Map(this.parent.map((i) => [i, [i]]));
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  members(root: number): number[] {
    return this.lists.get(root) ?? [root];
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    this.lists.set(keep, [...this.members(keep), ...this.members(drop)]);
    this.lists.delete(drop);
  }

  groups(): number[][] {
    return [...this.lists.values()];
  }
}
