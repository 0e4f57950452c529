import type { Range } from '../types';
import { stripAccents } from '../text/fold';
import { DEMONYMS, HONORIFICS, NON_PERSON, PARTICLES, STARTERS, TITLES } from './speakerLexicon';

/**
 * People named in a document, as far as the quote extractor needs them: to pick the name out
 * of "South Korean Ambassador Joonkook Hwang said", to resolve "Woodward said" to the full
 * "Barbara Woodward", and "he said" to the last person named.
 *
 * The names extractor does this properly; when its mentions are passed in (`NameHint`),
 * they are used. Otherwise a local heuristic reads two to four capitalised words in a row as a
 * person's name once leading titles, nationalities and possessives are stripped ("Ukraine's
 * Foreign Minister Dmytro Kuleba" → "Dmytro Kuleba") and when none of the words marks a place,
 * body or date ("North Korea", "Security Council", "European Union"). One capitalised word is a
 * person when an honorific precedes it ("Mr Nebenzia") or when it is the first or last word of
 * a full name found in the document ("Woodward" → "Barbara Woodward", "Hwang" → "Hwang
 * Joon-kook"). It misses single-word names nobody spelled out in full and may take an
 * unlisted two-word organisation for a person.
 */

/** A name mention from the names extractor (`NameMention` fits). */
export interface NameHint {
  start: number;
  end: number;
  text: string;
  kind: string;
  resolvedTo?: string | null;
}

export interface PersonMention extends Range {
  text: string;
  /** The fullest form of the name in the document, as written there. */
  full: string;
}

const NAME_WORD = /^\p{Lu}(?:['’]\p{Lu})?[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*$/u;
const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.'’-]*/gu;

interface Tok extends Range {
  word: string;
  possessive: boolean;
}

/** All person mentions in `ranges` of `text`, in document order. */
export function findPersons(text: string, ranges: Range[], hints?: NameHint[]): PersonMention[] {
  const found = hints ? fromHints(hints) : ranges.flatMap((r) => detect(text, r));
  const full = new FullNames(found.filter((m) => m.text.includes(' ')));
  const out: PersonMention[] = found.map((m) => ({ ...m, full: m.full === m.text ? full.resolve(m) : m.full }));
  if (!hints) out.push(...bareSurnames(text, ranges, full, out));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The full names of a document, indexed by their first and last word, so that resolving a
 * one-word mention is a look-up, not a scan of every name (a long source names thousands).
 */
class FullNames {
  private readonly byEnd = new Map<string, PersonMention[]>();

  constructor(full: PersonMention[]) {
    for (const f of [...full].sort((a, b) => a.start - b.start)) {
      const parts = f.text.split(/\s+/);
      for (const key of new Set([normal(parts[0]), normal(parts[parts.length - 1])])) {
        const list = this.byEnd.get(key);
        if (list) list.push(f);
        else this.byEnd.set(key, [f]);
      }
    }
  }

  has(word: string): boolean {
    return this.byEnd.has(normal(word));
  }

  /** A one-word mention resolved to the nearest full name before it that starts or ends with it (else the first after). */
  resolve(m: PersonMention): string {
    if (m.text.includes(' ')) return m.text;
    const hits = this.byEnd.get(normal(m.text));
    if (!hits) return m.text;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].start < m.start) lo = mid + 1;
      else hi = mid;
    }
    return (lo > 0 ? hits[lo - 1] : hits[0]).text;
  }
}

function fromHints(hints: NameHint[]): PersonMention[] {
  return hints
    .filter((h) => h.kind === 'person')
    .map((h) => ({ start: h.start, end: h.end, text: h.text, full: h.resolvedTo ?? h.text }));
}

function tokens(text: string, r: Range): Tok[] {
  const out: Tok[] = [];
  for (const m of text.slice(r.start, r.end).matchAll(TOKEN)) {
    let word = m[0].replace(/[.'’-]+$/, '');
    const start = r.start + (m.index ?? 0);
    const possessive = /['’]s$/.test(word);
    if (possessive) word = word.slice(0, -2);
    out.push({ start, end: start + word.length, word, possessive });
  }
  return out;
}

/** Capitalised runs turned into person mentions. */
function detect(text: string, r: Range): PersonMention[] {
  const toks = tokens(text, r);
  const out: PersonMention[] = [];
  let run: Tok[] = [];
  const flush = (): void => {
    const m = runToName(text, run);
    if (m) out.push(m);
    run = [];
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // Names are written with one space (or a line break in hard-wrapped text); a comma or a dash ends one.
    if (run.length && !/^\s$/.test(text.slice(run[run.length - 1].end, t.start))) flush();
    if (NAME_WORD.test(t.word) || (run.length && PARTICLES.has(t.word) && NAME_WORD.test(toks[i + 1]?.word ?? ''))) {
      run.push(t);
      if (t.possessive) flush();
    } else flush();
  }
  flush();
  return out;
}

function runToName(text: string, run: Tok[]): PersonMention | null {
  let i = 0;
  let honorific = false;
  let stripped = false;
  while (i < run.length) {
    const w = run[i].word.toLowerCase();
    if (run[i].possessive && i < run.length - 1) i++;
    else if (TITLES.has(w) || DEMONYMS.has(w) || STARTERS.has(w)) {
      honorific ||= HONORIFICS.has(w);
      stripped ||= TITLES.has(w);
      i++;
    } else break;
  }
  const rest = run.slice(i);
  while (rest.length && isWeekday(rest[rest.length - 1].word)) rest.pop(); // "Putin Thursday"

  if (!rest.length || rest.length > 4) return null;
  if (rest.some((t) => NON_PERSON.has(t.word.toLowerCase()) || TITLES.has(t.word.toLowerCase()))) return null;
  if (rest.length === 1 && !(honorific || stripped)) return null;
  const start = rest[0].start;
  const end = rest[rest.length - 1].end;
  const name = text.slice(start, end);
  return { start, end, text: name, full: name };
}

function isWeekday(word: string): boolean {
  return /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(word);
}

/** One-word mentions of people already named in full ("Woodward told the Council"). */
function bareSurnames(text: string, ranges: Range[], full: FullNames, known: PersonMention[]): PersonMention[] {
  const covered = coverage(known);
  const out: PersonMention[] = [];
  for (const r of ranges) {
    for (const t of tokens(text, r)) {
      if (!NAME_WORD.test(t.word) || !full.has(t.word) || covered(t)) continue;
      const m = { start: t.start, end: t.end, text: t.word, full: t.word };
      out.push({ ...m, full: full.resolve(m) });
    }
  }
  return out;
}

/** Whether a range lies inside one of the given ranges: a binary search over them sorted by start. */
function coverage(ranges: Range[]): (r: Range) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  // The furthest end among the ranges up to each index: ranges may nest or overlap.
  const reach: number[] = [];
  sorted.forEach((x, i) => reach.push(Math.max(x.end, i ? reach[i - 1] : -1)));
  return (r) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= r.start) lo = mid + 1;
      else hi = mid;
    }
    // Some range starting at or before r.start reaches r.end; find one that truly contains r.
    for (let i = lo - 1; i >= 0 && reach[i] >= r.end; i--) if (sorted[i].end >= r.end) return true;
    return false;
  };
}

function normal(word: string): string {
  return stripAccents(word).toLowerCase();
}
