import { stripAccents } from '../text/fold';
import { acronymOf, isAcronymForm } from './bodyKeys';
import { parsePersonName, wordMatch } from './nameMatch';
import { TITLE_HEADS, TITLE_MODIFIERS } from './nameWords';

export type NameDifference = 'same' | 'spelling' | 'order' | 'hyphenation' | 'case' | 'title' | 'partial';

/**
 * How two written forms of one entity differ, the first that applies:
 * - 'same': identical;
 * - 'case': identical but for letter case;
 * - 'title': identical once titles are removed ("Mr Nebenzia" / "Nebenzia");
 * - 'hyphenation': the same letters in the same order, parted differently by spaces,
 *   hyphens or dots ("Kim Jong Un" / "Kim Jong-un", "U.N." / "UN");
 * - 'order': the same parts in another order ("Joonkook Hwang" / "Hwang Joon-kook");
 * - 'partial': one gives fewer name parts ("Nebenzia" / "Vassily Nebenzia"), or is the
 *   abbreviation of the other ("UN" / "United Nations"): a shorter form, not a conflict;
 * - 'spelling': anything else — transliteration, accents, typos ("Nebenzya" / "Nebenzia").
 */
export function nameDifference(a: string, b: string): NameDifference {
  if (a === b) return 'same';
  if (a.toLowerCase() === b.toLowerCase()) return 'case';
  const sa = stripTitles(a);
  const sb = stripTitles(b);
  if (sa.toLowerCase() === sb.toLowerCase()) return 'title';
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (letters(sa) === letters(sb)) return 'hyphenation';
  const wa = sa.split(/\s+/);
  for (let r = 1; r < wa.length; r++) {
    if (letters([...wa.slice(r), ...wa.slice(0, r)].join('')) === letters(sb)) return 'order';
  }
  if (isAbbreviation(sa, sb) || isAbbreviation(sb, sa) || isPartial(sa, sb)) return 'partial';
  return 'spelling';
}

function isAbbreviation(short: string, long: string): boolean {
  return isAcronymForm(short) && acronymOf(long) === short.replace(/\./g, '').toLowerCase();
}

function stripTitles(s: string): string {
  const words = s.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && isTitle(words[i])) i++;
  return words.slice(i).join(' ');
}

function isTitle(w: string): boolean {
  const k = w.toLowerCase().replace(/\./g, '');
  return TITLE_HEADS.has(k) || TITLE_MODIFIERS.has(k);
}

/** Fewer parts, each of which matches a part of the longer form (spelling allowed). */
function isPartial(a: string, b: string): boolean {
  const ua = parsePersonName(a).units;
  const ub = parsePersonName(b).units;
  if (ua.length === ub.length || ua.length === 0 || ub.length === 0) return false;
  const [short, long] = ua.length < ub.length ? [ua, ub] : [ub, ua];
  const fold = (u: string) => stripAccents(u);
  return short.every((u) => long.some((v) => wordMatch(fold(u), fold(v)) > 0 || (u.length === 1 && v[0] === u)));
}
