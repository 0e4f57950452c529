import { stripAccents } from '../text/fold';
import { HYPHEN_PREFIX } from './nameWords';

/**
 * Tokens for the name extractor. Unlike the figure tokeniser it keeps hyphenated names
 * whole ("Joon-kook", "al-Assad"), keeps the dots of initials and dotted acronyms ("W.",
 * "U.N."), and splits the possessive "'s" off so that it never enters a name span.
 */
export interface NameToken {
  text: string;
  start: number;
  end: number;
  type: 'word' | 'poss' | 'num' | 'punct';
  /** Lower case, accents and dots removed: the key used for word lists. */
  key: string;
  /** Starts with a capital letter (or is "al-Assad"-like). */
  cap: boolean;
  /** "UN", "U.N.", "DPRK", "NATO". */
  acronym: boolean;
  /** "W." or "H." inside a name. */
  initial: boolean;
  /** First word of the sentence, or first after an opening quote or a colon. */
  opening: boolean;
}

/** Abbreviations whose full stop belongs to the token ("Mr.", "Jr.", "Sept."). */
const DOTTED = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col',
  'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rev', 'hon', 'amb', 'supt', 'insp', 'pres', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'corp', 'co', 'bros']);

const DOTTED_ACRONYM = /(?:\p{Lu}\.){2,}/uy;
const INITIAL = /\p{Lu}\.(?=[\s,)]|$)/uy;
// Hyphens join parts; an apostrophe joins only when it is not the possessive "'s".
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:(?:[-\u2010\u2011]|['\u2019](?![sS](?![\p{L}])))[\p{L}\p{M}\p{N}]+)*/uy;
const POSS = /['\u2019][sS](?![\p{L}])/uy;
const NUM = /\p{N}+/uy;
const OPENING_QUOTES = new Set(['\u201c', '\u2018', '\u00ab', '\u201e', '(', '[']);

export function tokenizeNames(text: string, from: number, to: number): NameToken[] {
  // The tokens of a range read one character before it and, after it, a few characters (the
  // lookaheads of initials, possessives and abbreviations) and whatever a word, number or
  // acronym begun inside it runs on to (never past white space). Kept by that window, with
  // offsets relative to `from`, so a sentence met again (a copy, a draft's next version)
  // is not tokenised again.
  let after = Math.min(text.length, to + 4);
  while (after < text.length && !/\s/.test(text[after - 1])) after++;
  const key = `${from === 0 ? '\u0002' : text[from - 1]}${text.slice(from, after)}${after >= text.length ? '\u0003' : ''}\u0001${to - from}`;
  let toks = TOKENS.get(key);
  if (!toks) {
    toks = tokenizeRange(text, from, to).map((t) => ({ ...t, start: t.start - from, end: t.end - from }));
    if (TOKENS.size >= 10_000) TOKENS.clear();
    TOKENS.set(key, toks);
  }
  return toks.map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
}

const TOKENS = new Map<string, NameToken[]>();

function tokenizeRange(text: string, from: number, to: number): NameToken[] {
  const out: NameToken[] = [];
  let i = from;
  let opening = true;
  while (i < to) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const tok = readToken(text, i, to, out[out.length - 1]);
    if (tok.type === 'word') {
      tok.opening = opening;
      opening = false;
    } else if (tok.type === 'punct') {
      opening = opensClause(text, i, opening);
    } else {
      opening = false;
    }
    out.push(tok);
    i = tok.end;
  }
  return out;
}

function readToken(text: string, i: number, to: number, prev: NameToken | undefined): NameToken {
  const afterWord = prev?.type === 'word' && prev.end === i;
  if (afterWord) {
    const poss = match(POSS, text, i, to);
    if (poss) return make(text, i, i + poss.length, 'poss');
    // Plural possessive "Editors' Picks": an apostrophe after -s, then a word.
    if (/['\u2019]/.test(text[i]) && /s$/i.test(prev.text) && /^\s+\p{L}/u.test(text.slice(i + 1, i + 3))) {
      return make(text, i, i + 1, 'poss');
    }
  }
  const acr = match(DOTTED_ACRONYM, text, i, to);
  if (acr) return make(text, i, i + acr.length, 'word');
  const ini = match(INITIAL, text, i, to);
  if (ini) return make(text, i, i + ini.length, 'word');
  const word = match(WORD, text, i, to);
  if (word) {
    let end = i + word.length;
    if (text[end] === '.' && DOTTED.has(word.toLowerCase())) end++;
    return make(text, i, end, 'word');
  }
  const num = match(NUM, text, i, to);
  if (num) return make(text, i, i + num.length, 'num');
  return make(text, i, i + 1, 'punct');
}

function match(re: RegExp, text: string, i: number, to: number): string | null {
  re.lastIndex = i;
  const m = re.exec(text);
  if (!m || i + m[0].length > to) return null;
  return m[0];
}

/** After an opening quote, a colon or a dash, a capitalised word may just open a clause. */
function opensClause(text: string, i: number, current: boolean): boolean {
  const ch = text[i];
  if (OPENING_QUOTES.has(ch) || ch === ':') return true;
  // A spaced dash after a dateline or before an attribution starts a new clause.
  if (/[\u2014\u2013-]/.test(ch) && /\s/.test(text[i - 1] ?? ' ') && /\s/.test(text[i + 1] ?? ' ')) return true;
  if (ch === '"' || ch === "'") {
    const before = text[i - 1];
    const after = text[i + 1];
    if ((before === undefined || /[\s(\[]/.test(before)) && after !== undefined && !/\s/.test(after)) return true;
  }
  // A quote mark straight after another opener keeps the opening state.
  if (current && /["'\u201c\u2018]/.test(ch)) return true;
  return false;
}

function make(text: string, start: number, end: number, type: NameToken['type']): NameToken {
  const t = text.slice(start, end);
  const key = tokenKey(t);
  const letters = t.replace(/[^\p{L}]/gu, '');
  const acronym = type === 'word' && (/^(?:\p{Lu}\.){2,}$/u.test(t) || /^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u.test(t) && letters.length >= 2);
  return {
    text: t,
    start,
    end,
    type,
    key,
    cap: type === 'word' && (/^\p{Lu}/u.test(t) || HYPHEN_PREFIX.test(t)),
    acronym,
    initial: type === 'word' && /^\p{Lu}\.?$/u.test(t),
    opening: false,
  };
}

/** Lower case, no accents, no dots, typographic hyphens straightened. */
export function tokenKey(s: string): string {
  return stripAccents(s).toLowerCase().replace(/\./g, '').replace(/[\u2010\u2011]/g, '-').replace(/\u2019/g, "'");
}
