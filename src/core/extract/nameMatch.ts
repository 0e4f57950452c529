import { stripAccents } from '../text/fold';
import { HYPHEN_PREFIX, PARTICLES } from './nameWords';
import { jw, phoneticKey } from './similarity';

/**
 * When two written personal names can be the same person. Names are compared as lists
 * of folded units (accents, case, dots and hyphens gone: "Joon-kook" → "joonkook");
 * particles ("bin", "von der", "al-") are ignored. Two names match when a surname
 * matches AND the given names are compatible, under one of four readings of the order
 * (each name surname-last or surname-first), so that "Joonkook Hwang" meets
 * "Hwang Joon-kook" and "Kim Jong Un" meets "Kim Jong-un".
 */
export interface PersonName {
  units: string[];
  /** Whether each unit is an initial ("w" of "George W. Bush"). */
  initials: boolean[];
  /** "jr", "sr", "ii"…; two different suffixes are two people. */
  suffix: string | null;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export function parsePersonName(name: string): PersonName {
  const units: string[] = [];
  const initials: boolean[] = [];
  let suffix: string | null = null;
  for (const raw of name.split(/\s+/)) {
    const word = stripAccents(raw).replace(HYPHEN_PREFIX, '').toLowerCase().replace(/['\u2019]/g, '');
    const bare = word.replace(/\./g, '');
    if (!bare || PARTICLES.has(bare)) continue;
    if (SUFFIXES.has(bare) && units.length > 0) {
      suffix = bare;
      continue;
    }
    // "H.W." is two initials.
    if (/^(\p{L}\.)+$/u.test(word) && bare.length > 1) {
      for (const ch of bare) {
        units.push(ch);
        initials.push(true);
      }
      continue;
    }
    const unit = bare.replace(/[-\u2010\u2011]/g, '');
    if (!unit) continue;
    units.push(unit);
    initials.push(unit.length === 1);
  }
  return { units, initials, suffix };
}

/**
 * Similarity of two folded name words when they can be spellings of one name, else 0.
 * Prefix containment is not a match (Wood/Woodward, Wood/Woods, Ivanov/Ivanova), except a
 * doubled final letter (Zelensky/Zelenskyy); neither is a swapped final vowel (Maria/Mario).
 */
export function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.startsWith(s)) {
    const extra = l.slice(s.length);
    return extra.length === 1 && extra === s[s.length - 1] ? 0.97 : 0;
  }
  if (a.length === b.length && a.slice(0, -1) === b.slice(0, -1) && /[aeo]/.test(a.slice(-1)) && /[aeo]/.test(b.slice(-1))) return 0;
  const sim = jw(a, b);
  const lenDiff = l.length - s.length;
  if (s.length <= 4) return sim >= 0.9 && a[0] === b[0] && lenDiff <= 1 ? sim : 0;
  if (sim > 0.9 && a[0] === b[0] && lenDiff <= 2) return sim;
  // Transliterations that start or end differently: Gaddafi/Kadhafi, Mohammed/Muhammad.
  if (sim >= 0.8 && lenDiff <= 1 && sameEnding(a, b) && phoneticKey(a) === phoneticKey(b)) return sim;
  return 0;
}

function sameEnding(a: string, b: string): boolean {
  const end = (w: string) => w.slice(-1).replace('y', 'i');
  return end(a) === end(b);
}

/** Given names fit when one is missing, they are spellings of each other, or initials agree. */
function givenMatch(a: string[], ai: boolean[], b: string[], bi: boolean[]): number {
  if (a.length === 0 || b.length === 0) return 0.9;
  // "Jong Un" / "Jong-un", "Joon kook" / "Joonkook".
  const joined = wordMatch(a.join(''), b.join(''));
  if (joined > 0 && !ai.some(Boolean) && !bi.some(Boolean)) return joined;
  const first = unitMatch(a[0], ai[0], b[0], bi[0]);
  if (first === 0) return 0;
  const am = a.slice(1);
  const bm = b.slice(1);
  if (am.length === 0 || bm.length === 0) return first * 0.95;
  // Both have middle names or initials: they must agree one for one ("George H. W." ≠ "George W.").
  if (am.length !== bm.length) return 0;
  let score = first;
  for (let k = 0; k < am.length; k++) {
    const m = unitMatch(am[k], ai[k + 1], bm[k], bi[k + 1]);
    if (m === 0) return 0;
    score = Math.min(score, m);
  }
  return score;
}

function unitMatch(a: string, aInitial: boolean, b: string, bInitial: boolean): number {
  if (aInitial || bInitial) return a[0] === b[0] ? 0.85 : 0;
  return wordMatch(a, b);
}

/** Score in (0, 1] when the two names can be the same person, else 0. */
export function personMatch(a: PersonName, b: PersonName): number {
  if (a.units.length === 0 || b.units.length === 0) return 0;
  if (a.suffix && b.suffix && a.suffix !== b.suffix) return 0;
  let best = 0;
  for (const ra of [false, true]) {
    for (const rb of [false, true]) {
      if ((ra && a.units.length < 2) || (rb && b.units.length < 2)) continue;
      // A middle initial marks the Western order ("William B. Hartsfield"): its first word is
      // not a surname, or a father would meet his son "William Berry Jr." through "William".
      if ((ra && innerInitial(a)) || (rb && innerInitial(b))) continue;
      best = Math.max(best, reading(a, ra, b, rb));
    }
  }
  return best;
}

function innerInitial(n: PersonName): boolean {
  return n.initials.some((initial, k) => initial && k > 0);
}

/** One reading of the order: `rx` means "surname first" for that name. */
function reading(a: PersonName, ra: boolean, b: PersonName, rb: boolean): number {
  const sa = ra ? 0 : a.units.length - 1;
  const sb = rb ? 0 : b.units.length - 1;
  if (a.initials[sa] || b.initials[sb]) return 0;
  const surname = wordMatch(a.units[sa], b.units[sb]);
  if (surname === 0) return 0;
  const rest = (n: PersonName, s: number) => ({
    units: n.units.filter((_, k) => k !== s),
    initials: n.initials.filter((_, k) => k !== s),
  });
  const ga = rest(a, sa);
  const gb = rest(b, sb);
  // A reading that swaps the order of one name must be backed by real given names on both sides.
  if (ra !== rb && (ga.units.length === 0 || gb.units.length === 0 || ga.initials.some(Boolean) || gb.initials.some(Boolean))) return 0;
  const given = givenMatch(ga.units, ga.initials, gb.units, gb.initials);
  if (given === 0) return 0;
  const penalty = ra === rb ? 1 : 0.98;
  return ((surname + given) / 2) * penalty;
}

/** Keys that put names that might match into one block: first letters and sound of the surname candidates. */
export function blockKeys(n: PersonName): string[] {
  const keys = new Set<string>();
  const ends = n.units.length > 1 ? [n.units[0], n.units[n.units.length - 1]] : n.units;
  for (const u of ends) {
    if (u.length < 2) continue;
    keys.add(`p:${u.slice(0, 3)}`);
    keys.add(`m:${phoneticKey(u)}`);
  }
  return [...keys];
}
