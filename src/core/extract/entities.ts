import { stripAccents } from '../text/fold';
import type { Entity, EntityKind, NameMention } from '../types';
import { clusterBodies } from './bodyClusters';
import { clusterPersons } from './personClusters';
import { joinPlaceVariants } from './placeVariants';

export { nameDifference } from './nameDifference';

/**
 * Clusters name mentions from all sources into entities. People are matched by surname
 * and compatible given names across spelling, transliteration, order, hyphens and
 * titles (personClusters.ts, nameMatch.ts); organisations and places by exact keys and
 * acronyms (bodyClusters.ts), and places also by spelling, when aligned passages of two
 * sources place the same thing differently (placeVariants.ts, given `passageOf`). The result is the same whatever the order of the sources:
 * forms are sorted before any decision, and entities and their mentions are sorted.
 */
export function clusterEntities(mentionsBySource: NameMention[][], passageOf?: (m: NameMention) => number | undefined): Entity[] {
  const all = mentionsBySource.flat();
  const isPerson = (m: NameMention) => m.kind === 'person' || m.resolvedTo !== null;
  let bodies = clusterBodies(all.filter((m) => !isPerson(m)));
  // Spellings of one place in reports of the same thing ("Kyiv" / "Kiev"): placeVariants.ts.
  if (passageOf) bodies = joinPlaceVariants(bodies, bodyKind, passageOf);
  const groups = [
    ...clusterPersons(all.filter(isPerson)).map((ms) => ({ kind: 'person' as EntityKind, ms })),
    ...bodies.map((ms) => ({ kind: bodyKind(ms), ms })),
  ];
  const entities = groups.map(({ kind, ms }) => ({
    id: '',
    kind,
    canonical: canonicalForm(ms),
    mentions: [...ms].sort(byPosition),
  }));
  entities.sort(byImportance);
  const used = new Map<string, number>();
  for (const e of entities) {
    const base = `${e.kind}:${slug(e.canonical)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    e.id = n === 1 ? base : `${base}-${n}`;
  }
  return entities;
}

/** The kind most mentions were given; 'other' only when no mention was classified. */
function bodyKind(ms: NameMention[]): EntityKind {
  const count = { organization: 0, place: 0, person: 0 };
  for (const m of ms) if (m.kind !== 'other') count[m.kind]++;
  if (count.organization === 0 && count.place === 0) return 'other';
  return count.organization >= count.place ? 'organization' : 'place';
}

/** The most complete form (most words), then the most frequent, then the first in order. */
function canonicalForm(ms: NameMention[]): string {
  const freq = new Map<string, number>();
  for (const m of ms) freq.set(m.text, (freq.get(m.text) ?? 0) + 1);
  const words = (t: string) => t.split(/\s+/).length;
  return [...freq.keys()].sort(
    (a, b) => words(b) - words(a) || freq.get(b)! - freq.get(a)! || b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  )[0];
}

function byPosition(a: NameMention, b: NameMention): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.start - b.start;
}

function byImportance(a: Entity, b: Entity): number {
  const sources = (e: Entity) => new Set(e.mentions.map((m) => m.source)).size;
  return (
    sources(b) - sources(a) ||
    b.mentions.length - a.mentions.length ||
    (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0) ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    byPosition(a.mentions[0], b.mentions[0])
  );
}

function slug(s: string): string {
  return stripAccents(s).toLowerCase().replace(/\./g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}
