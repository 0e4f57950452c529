import type { EntityKind, NameMention } from '../types';
import { bodyKey } from './bodyKeys';
import { wordMatch } from './nameMatch';
import { jw, phoneticKey } from './similarity';

/**
 * Spellings of one place across sources: "Kyiv" / "Kiev", "Kharkiv" / "Kharkov", "Odesa" /
 * "Odessa", "Luhansk" / "Lugansk". Two groups of mentions (from bodyClusters.ts, which joins
 * only forms with the same key), one of them a place and the other a place or unclassified,
 * become one place when all of these hold:
 *
 * - their forms have the same number of words, and each pair of words is a spelling of one
 *   name by the rules people's names follow (nameMatch.ts `wordMatch`), or, for words of at
 *   most four letters, the same length, first letter and sound ("Kiev" / "Kyiv", "Lvov" /
 *   "Lviv"; not "Iran" / "Iraq", "Mali" / "Malta");
 * - the two spellings are written in sentences of one aligned passage, in different sources:
 *   two reports of the same thing that place it differently;
 * - no source writes both: a source keeps one spelling, so two spellings in one source are two
 *   places ("Slovakia and Slovenia", "Austria and Australia").
 *
 * Candidates are found passage by passage (never every place against every other) and decided
 * in the order of their spellings, so the result does not depend on the order of the sources.
 */
export function joinPlaceVariants(
  groups: NameMention[][],
  kindOf: (group: NameMention[]) => EntityKind,
  passageOf: (m: NameMention) => number | undefined,
): NameMention[][] {
  // A spelling the place lexicon lacks ("Kharkov" beside "Kharkiv") is often unclassified: it
  // may join a place, never another unclassified name.
  const kinds = groups.map(kindOf);
  const joinable = (i: number) => kinds[i] === 'place' || kinds[i] === 'other';
  const places = groups.map((_, i) => i).filter(joinable);
  if (!places.some((i) => kinds[i] === 'place')) return groups;
  const byPassage = new Map<number, Array<{ group: number; m: NameMention }>>();
  for (const g of places) {
    for (const m of groups[g]) {
      const p = passageOf(m);
      if (p === undefined) continue;
      const list = byPassage.get(p) ?? [];
      list.push({ group: g, m });
      byPassage.set(p, list);
    }
  }
  const names = groups.map((g, i) => (joinable(i) ? spelling(g) : ''));
  const candidates = new Map<string, [number, number]>();
  const tried = new Set<string>();
  for (const list of byPassage.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x];
        const b = list[y];
        if (a.group === b.group || a.m.source === b.m.source || (kinds[a.group] !== 'place' && kinds[b.group] !== 'place')) continue;
        const key = names[a.group] < names[b.group] ? `${names[a.group]}\u0000${names[b.group]}` : `${names[b.group]}\u0000${names[a.group]}`;
        if (candidates.has(key)) continue;
        const texts = a.m.text < b.m.text ? `${a.m.text}\u0000${b.m.text}` : `${b.m.text}\u0000${a.m.text}`;
        if (tried.has(texts)) continue;
        tried.add(texts);
        if (formsMatch(a.m.text, b.m.text)) candidates.set(key, [a.group, b.group]);
      }
    }
  }
  if (candidates.size === 0) return groups;

  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const sources = groups.map((g) => new Set(g.map((m) => m.source)));
  for (const key of [...candidates.keys()].sort()) {
    const [a, b] = candidates.get(key)!;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || [...sources[rb]].some((s) => sources[ra].has(s))) continue;
    const [keep, gone] = names[ra] <= names[rb] ? [ra, rb] : [rb, ra];
    parent[gone] = keep;
    for (const s of sources[gone]) sources[keep].add(s);
  }
  const joined = new Map<number, NameMention[]>();
  groups.forEach((g, i) => {
    const r = find(i);
    joined.set(r, [...(joined.get(r) ?? []), ...g]);
  });
  return [...joined.values()];
}

/** The first spelling of a group in sort order: what names it, whatever the source order. */
function spelling(group: NameMention[]): string {
  let first = group[0].text;
  for (const m of group) if (m.text < first) first = m.text;
  return first;
}

/** Whether two written place names can be spellings of one name, word for word. */
export function formsMatch(a: string, b: string): boolean {
  const wa = bodyKey(a).split(' ');
  const wb = bodyKey(b).split(' ');
  if (wa.length !== wb.length || wa.join(' ') === wb.join(' ')) return false;
  return wa.every((w, i) => placeWordMatch(w, wb[i]));
}

function placeWordMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length <= 4 && b.length <= 4) {
    return a.length === b.length && a[0] === b[0] && phoneticKey(a) === phoneticKey(b) && jw(a, b) >= 0.8;
  }
  return wordMatch(a, b) > 0;
}
