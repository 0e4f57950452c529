import { stemmer } from 'stemmer';
import { stripAccents } from './fold';
import { lexicon } from './lexicon';

/**
 * Content words for matching passages: lower case, accents removed, British spellings
 * mapped to American ones, stemmed (Porter), with stop words dropped. Proper adjectives and
 * their nouns share a key (Ukraine/Ukrainian, Korea/Korean, China/Chinese) and dotted or
 * spelled-out abbreviations of the common international bodies meet their short forms.
 */

export interface Word {
  start: number;
  end: number;
  /** The matching key. */
  key: string;
  /** The word as written. */
  text: string;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+|(?<=\d),\d{3})*\.?/gu;

export const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet for of to in on at by with from into onto over under about against between ' +
    'through during before after above below up down out off than then as if while because since until unless ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may ' +
    'might must ought it its it’s this that these those there here who whom whose which what when where why how ' +
    'i me my we us our you your he him his she her they them their themselves itself himself herself ' +
    'not no also just only very too more most much many some any each every all both either neither other another ' +
    'such own same said says say told tell according also s t even still already however meanwhile thus'
  ).split(/\s+/),
);

/** Multi-word names that stand for one key; matched on lower-cased, dot-free text. */
const PHRASES: Array<[RegExp, string]> = [
  [/^united nations$/, 'un'],
  [/^united states$/, 'us'],
  [/^united kingdom$/, 'uk'],
  [/^european union$/, 'eu'],
];

const SHORT_FORMS: Record<string, string> = lexicon({ usa: 'us', 'u.s.a': 'us' });

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const token = tokenInfo(m[0]);
    const start = offset + (m.index ?? 0);
    out.push({ start, end: start + token.text.length, text: token.text, key: token.key });
  }
  return joinPhrases(out);
}

/**
 * What the engine knows of one matched token, computed once per distinct token: the same
 * words recur across every sentence of every source, and their keys (accents stripped,
 * spelling americanised, Porter-stemmed) are pure functions of the token. Bounded, so a huge
 * vocabulary cannot hold memory forever.
 */
interface TokenInfo {
  /** The word as written (a trailing dot dropped unless it ends a dotted abbreviation). */
  text: string;
  key: string;
  /** Whether `contentWords` keeps it. */
  content: boolean;
}

const TOKENS = new Map<string, TokenInfo>();
const MAX_CACHED = 200_000;

function tokenInfo(match: string): TokenInfo {
  let info = TOKENS.get(match);
  if (info) return info;
  let raw = match;
  // A trailing dot belongs to the word only for dotted abbreviations ("U.N.").
  if (raw.endsWith('.') && !/^(\p{L}\.)+$/u.test(raw)) raw = raw.slice(0, -1);
  const key = wordKey(raw);
  info = { text: raw, key, content: isContent(raw, key) };
  if (TOKENS.size >= MAX_CACHED) TOKENS.clear();
  TOKENS.set(match, info);
  return info;
}

/** The matching key of one word. */
export function wordKey(word: string): string {
  let w = stripAccents(word).replace(/’/g, "'");
  // Possessive and dotted abbreviations: "Russia's" → "Russia", "U.N." → "un".
  w = w.replace(/'s$/i, '').replace(/'$/, '');
  if (/^(\p{L}\.)+\p{L}?\.?$/u.test(w)) {
    const k = w.replace(/\./g, '').toLowerCase();
    return SHORT_FORMS[k] ?? k;
  }
  const capitalised = /^\p{Lu}/u.test(w) && !/^\p{Lu}+$/u.test(w);
  let lower = w.toLowerCase();
  if (/^\p{Lu}{2,}$/u.test(w)) return SHORT_FORMS[lower] ?? lower; // acronyms stay whole
  if (/^\d/.test(lower)) return lower.replace(/[,']/g, '');
  lower = americanise(lower);
  if (lower.includes('-')) return lower.split('-').map((p) => stemmer(p)).join('-');
  if (capitalised && /(ian|ean|ese|an|[ae])$/.test(lower)) return properKey(lower);
  return stemmer(lower);
}

/** Russia/Russian, Korea/Korean, China/Chinese, Ukraine/Ukrainian → one key. */
function properKey(word: string): string {
  return word.replace(/(ian|ean|ese|an|n)$/, '').replace(/[aeiy]+$/, '') || word;
}

/** British → American spelling, so that "programmes" meets "programs". */
function americanise(w: string): string {
  return w
    .replace(/([^aeiou])our(s|ed|ing)?$/, '$1or$2')
    .replace(/isation(s)?$/, 'ization$1')
    .replace(/is(e|ed|es|ing)$/, (m, s: string) => (w.length > 6 ? 'iz' + s : m))
    .replace(/mme(s)?$/, 'm$1')
    .replace(/tre(s)?$/, 'ter$1')
    .replace(/ence$/, (m) => (/(def|off|lic)ence$/.test(w) ? 'ense' : m));
}

function joinPhrases(ws: Word[]): Word[] {
  let out: Word[] | null = null;
  for (let i = 0; i < ws.length; i++) {
    // Every phrase starts with one of a few words: test the pair only after one of them.
    if (i + 1 < ws.length && PHRASE_STARTS.has(ws[i].text.toLowerCase())) {
      const pair = `${ws[i].text} ${ws[i + 1].text}`.toLowerCase();
      const hit = PHRASES.find(([re]) => re.test(pair));
      if (hit) {
        out ??= ws.slice(0, i);
        out.push({ start: ws[i].start, end: ws[i + 1].end, text: `${ws[i].text} ${ws[i + 1].text}`, key: hit[1] });
        i++;
        continue;
      }
    }
    out?.push(ws[i]);
  }
  return out ?? ws;
}

/** First words of the phrases above, lower case. */
const PHRASE_STARTS = new Set(PHRASES.map(([re]) => re.source.replace(/^\^/, '').split(' ')[0]));

/** Content words only: no stop words, no single letters. */
export function contentWords(text: string, offset = 0): Word[] {
  return words(text, offset).filter((w) => TOKENS.get(w.text)?.content ?? isContent(w.text, w.key));
}

/** "US" and "U.S." are content words even though the pronoun "us" is not. */
function isContent(text: string, key: string): boolean {
  return !STOP_WORDS.has(text.toLowerCase()) && !(STOP_WORDS.has(key) && !/^\p{Lu}/u.test(text)) && key.length > 1;
}
