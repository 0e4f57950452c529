import type { NameMention } from '../types';
import { acronymOf, bodyKey, isAcronymForm, withoutQualifier } from './bodyKeys';

/**
 * Clusters organisations, places and unclassified names across sources: forms that share
 * a key (see bodyKeys.ts) are one body. Keys are exact, so the result does not depend on
 * the order of sources, and each form is looked up once (no pairwise comparison).
 */
export function clusterBodies(mentions: NameMention[]): NameMention[][] {
  const forms = new Map<string, NameMention[]>();
  for (const m of mentions) {
    const k = bodyKey(m.text);
    const list = forms.get(k);
    if (list) list.push(m);
    else forms.set(k, [m]);
  }
  const keys = [...forms.keys()].sort();
  const acronyms = new Set(keys.filter((k) => forms.get(k)!.some((m) => isAcronymForm(m.text))));
  const parent = new Map<string, string>(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const k of keys) {
    // The first spelling in sort order, so that the source order never matters.
    const text = forms.get(k)!.map((m) => m.text).sort()[0];
    // "United Nations" meets "UN" only when the acronym is itself written somewhere.
    const acr = acronymOf(text);
    if (acr && acr !== k && acronyms.has(acr)) union(k, acr);
    const core = withoutQualifier(text);
    if (core && forms.has(core)) union(k, core);
  }
  const groups = new Map<string, NameMention[]>();
  for (const k of keys) {
    const r = find(k);
    groups.set(r, [...(groups.get(r) ?? []), ...forms.get(k)!]);
  }
  return [...groups.values()];
}
