import type { EntityKind } from '../types';
import { PARTICLES } from './nameWords';

/**
 * Resolves short mentions ("Nebenzia", "Mr Nebenzia", "Woodward", "Xi", "George Bush")
 * to the one fuller personal name of the same source they can stand for. A short name
 * that fits two different full names ("Bush" with George W. Bush and Laura Bush) stays
 * unresolved: guessing would merge people.
 */
export interface ShortNameItem {
  /** Folded key of the whole mention. */
  key: string;
  /** Folded name words ("vassily", "nebenzia"). */
  parts: string[];
  kind: EntityKind;
  text: string;
  acronym: boolean;
}

export interface Resolution {
  /** The one full name this mention stands for, as written; null when none or several. */
  resolvedTo: string | null;
  /** A surname of at least one person of the source: a person even when ambiguous ("Kim"). */
  personLike: boolean;
}

/** For each item, the full name it resolves to. */
export function resolveShortNames(items: ShortNameItem[]): Resolution[] {
  const full = new Map<string, ShortNameItem>();
  for (const it of items) {
    if (it.kind === 'person' && it.parts.length >= 2 && !full.has(it.key)) full.set(it.key, it);
  }
  const fulls = [...full.values()];
  const none: Resolution = { resolvedTo: null, personLike: false };
  return items.map((it) => {
    if (it.acronym || it.parts.length === 0 || full.has(it.key) && it.parts.length >= 2) return none;
    if (it.parts.length === 1) {
      const p = it.parts[0];
      const byLast = fulls.filter((f) => f.parts[f.parts.length - 1] === p);
      // Surname-first names: "Xi" for "Xi Jinping", "Kim" for "Kim Jong Un".
      const candidates = byLast.length > 0 ? byLast : fulls.filter((f) => f.parts[0] === p);
      return { resolvedTo: candidates.length === 1 ? candidates[0].text : null, personLike: candidates.length > 0 };
    }
    if (it.kind !== 'person') return none;
    const longer = fulls.filter(
      (f) => f.parts.length > it.parts.length && f.parts[f.parts.length - 1] === it.parts[it.parts.length - 1] &&
        isSubsequence(it.parts, f.parts),
    );
    return { resolvedTo: longer.length === 1 ? longer[0].text : null, personLike: longer.length > 0 };
  });
}

function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const p of long) if (j < short.length && short[j] === p) j++;
  return j === short.length;
}

/** Words of a folded name without particles ("von der leyen" → ["leyen"]). */
export function nameParts(key: string): string[] {
  return key.split(/\s+/).filter((w) => w.length > 0 && !PARTICLES.has(w));
}
