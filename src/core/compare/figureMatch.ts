import type { Doc, Figure } from '../types';
import { contentWords } from '../text/words';
import { datesMeet } from '../extract/dates';

/**
 * Whether two figures speak about the same thing, and how their values relate.
 * Counts meet when what they count overlaps ("containers", "rounds of artillery shells" vs
 * "artillery shells"); years and dates meet when the words of their own clause overlap
 * ("the expert panel was created in 2009" vs "passed in 2006 establishing the panel").
 */

const GENERIC_NOUNS = new Set([
  'time', 'case', 'year', 'day', 'month', 'week', 'people', 'person', 'member', 'thing', 'way', 'part', 'percent',
  'per', 'cent', 'number', 'one', 'other', 'hour', 'minute', 'country', 'nation', 'state', 'group', 'official', 'report',
]);

/** Event words that count the same kind of thing ("50 times", "10 such cases", "12 incidents"). */
const OCCURRENCE_NOUNS = new Set(['time', 'case', 'incident', 'occasion', 'instance', 'attack', 'strike', 'occurrence']);

/** Verbs of founding and starting that report the same event ("created", "set up", "established"). */
const SYNONYM_GROUPS: string[][] = [
  ['creat', 'establish', 'set', 'found', 'form', 'launch', 'introduc', 'start', 'begin', 'began', 'implement', 'impos', 'adopt', 'pass', 'put', 'place', 'first'],
  ['end', 'expir', 'halt', 'stop', 'termin', 'ceas'],
  ['send', 'sent', 'deliv', 'transfer', 'ship', 'suppli', 'provid', 'export'],
  ['kill', 'dead', 'death', 'die', '=di', 'fatal', 'toll', 'perish', 'murder'],
  ['injur', 'wound', 'hurt', 'hospitalis', 'hospitaliz'],
  ['arrest', 'detain', 'held', 'captur'],
  ['evacu', 'displac', 'homeless', 'fled', 'flee'],
];
const SYNONYM = new Map<string, string>();
SYNONYM_GROUPS.forEach((group, i) => group.forEach((w) => SYNONYM.set(w, `~${i}`)));

/** Stems of a group match by prefix; short stems marked "=" only match whole ("died" → "di"). */
function synonymKey(key: string): string {
  let out = SYNONYM_OF.get(key);
  if (out === undefined) {
    out = key;
    for (const [prefix, group] of SYNONYM) {
      if (prefix.startsWith('=') ? key === prefix.slice(1) : key.startsWith(prefix)) {
        out = group;
        break;
      }
    }
    if (SYNONYM_OF.size > 100_000) SYNONYM_OF.clear();
    SYNONYM_OF.set(key, out);
  }
  return out;
}

/** synonymKey of each key met so far: a pure function of the key, asked for every word of every figure's clause. */
const SYNONYM_OF = new Map<string, string>();

/** What happened to people who are counted: killed, injured, arrested, displaced. */
const FATE_GROUPS = new Set(['~3', '~4', '~5', '~6']);

/** The fate words of the figure's own words and clause, without borrowing from the next clause. */
export function fateKeys(doc: Doc, f: Figure): Set<string> {
  const keys = new Set<string>();
  for (const w of contentWords(f.text)) keys.add(synonymKey(w.key));
  for (const k of clauseKeys(doc, f, false)) keys.add(k);
  return new Set([...keys].filter((k) => FATE_GROUPS.has(k)));
}

/** Nouns for people: "38 people", "200 injured residents" and "41 victims" all count people. */
const PEOPLE_NOUNS = new Set([
  'person', 'people', 'resident', 'civilian', 'victim', 'passenger', 'worker', 'child', 'adult', 'student',
  'soldier', 'troop', 'patient', 'casualty', 'inhabitant', 'migrant', 'refugee', 'protester', 'citizen',
  'pupil', 'fan', 'spectator', 'villager', 'man', 'woman', 'member', 'employee', 'tourist', 'visitor',
]);

export function isPeople(noun: string | null): boolean {
  return !!noun && PEOPLE_NOUNS.has(noun);
}

export function thingKeys(f: Figure): Set<string> {
  const keys = new Set<string>();
  const add = (w: string) => {
    for (const word of contentWords(w)) keys.add(word.key);
  };
  if (isPeople(f.noun)) keys.add('person');
  else if (f.noun) add(f.noun);
  for (const c of f.context) if (!PEOPLE_NOUNS.has(c)) add(c);
  return keys;
}

export function isSpecificNoun(noun: string | null): boolean {
  return !!noun && !GENERIC_NOUNS.has(noun) && !OCCURRENCE_NOUNS.has(noun);
}

export function isOccurrence(noun: string | null): boolean {
  return !!noun && OCCURRENCE_NOUNS.has(noun);
}

const CLAUSE_REACH = 400;

/**
 * The words of a figure's own clause: the sentence cut at commas, semicolons and
 * "while"/"but"/"whereas" around the figure, without the figure itself.
 */
export function clauseKeys(doc: Doc, f: Figure, borrow = true): Set<string> {
  const s = doc.sentences[f.sentence];
  // Only the text near the figure is searched: a clause is far shorter than CLAUSE_REACH,
  // and a "sentence" of 100,000 characters with thousands of figures would otherwise be
  // scanned once per figure.
  const lo = Math.max(s.start, f.start - CLAUSE_REACH);
  const text = doc.norm.slice(lo, Math.min(s.end, f.end + CLAUSE_REACH));
  const at = f.start - lo;
  const boundary = /[,;:()–—]|\b(while|but|whereas|although|and then)\b/gi;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(boundary)) {
    const i = m.index ?? 0;
    if (i + m[0].length <= at) from = i + m[0].length;
    else if (i >= at + (f.end - f.start)) {
      to = i;
      break;
    }
  }
  // A clause that is only the figure ("In 2006, …") borrows the clause after it.
  let clause = text.slice(from, at) + ' ' + text.slice(at + (f.end - f.start), to);
  if (borrow && contentWords(clause).length < 2) clause += ' ' + text.slice(to, to + 80);
  const keys = new Set<string>();
  for (const w of contentWords(clause)) if (!/^\d/.test(w.key)) keys.add(synonymKey(w.key));
  return keys;
}

/** Do the two intervals share a value? Dates without a year meet dates on month and day. */
export function overlaps(a: Figure, b: Figure): boolean {
  if (a.kind === 'date' && b.kind === 'date') return datesMeet(a, b);
  if (a.hi < b.lo || b.hi < a.lo) return false;
  if (a.hi === b.lo && (a.hiOpen || b.loOpen)) return false;
  if (b.hi === a.lo && (b.hiOpen || a.loOpen)) return false;
  return true;
}

export function sameValue(a: Figure, b: Figure): boolean {
  return a.lo === b.lo && a.hi === b.hi && a.loOpen === b.loOpen && a.hiOpen === b.hiOpen;
}

/** Normalised claimant for comparison: "Ukrainian prosecutors" vs "the U.S.". */
export function claimantKey(c: string | null): string | null {
  if (!c) return null;
  const keys = contentWords(c).map((w) => w.key);
  return keys.length ? keys.sort().join(' ') : null;
}

export function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n;
}

export type DateRole = 'point' | 'start' | 'end' | 'statement';

/**
 * What a year or date is the date of: a point ("in 2009", "on March 28"), the start or end
 * of a period ("since September 2023", "until 2030"), or the day something was said
 * ("announced on Oct. 13"). Only dates of the same role can conflict.
 */
export function dateRole(doc: Doc, f: Figure): DateRole {
  const s = doc.sentences[f.sentence];
  const before = doc.norm.slice(Math.max(s.start, f.start - 40), f.start).toLowerCase();
  if (/\b(since|from|starting|beginning)\s+(in\s+|on\s+|early\s+|late\s+|mid-)?$/.test(before)) return 'start';
  if (/\b(until|till|through|by|before)\s+(the\s+end\s+of\s+)?$/.test(before)) return 'end';
  if (/\b(said|says|announced|told|reported|stated|declared|wrote|added|confirmed|tweeted|posted)\s+(on|in|late on|early on)?\s*$/.test(before)) return 'statement';
  return 'point';
}
