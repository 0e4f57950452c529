import pluralize from 'pluralize';
import type { Token } from './figureTokens';
import { DETERMINERS, PRE_MODIFIERS, STOP_WORDS } from './figureLexicon';
import { isQuantityWord } from './numberWords';

/**
 * The counted noun after a number. English puts adjectives and noun modifiers before the
 * head ("3 million artillery shells", "six different oblasts", "10 such cases"), so for a
 * plural count the head is the first plural noun after the number, extended over a directly
 * following plural ("police officers"). A singular count ("one senior official") or an
 * ordinal ("10th consecutive month") takes the last word of the short run of noun-phrase
 * words. `of`-complements ("containers of munitions", "rounds of artillery shells") are not
 * the head but go into the context, so a comparer can see that the phrases overlap.
 */
export interface NounPhrase {
  /** Token index of the head, or -1. */
  head: number;
  noun: string | null;
  /** Content words of the phrase, singular and lower case. */
  context: string[];
}

const MAX_RUN = 5;
const MAX_COMPLEMENT = 6;

/** Lemma: singular, lower case. Hyphenated words keep their first parts ("munitions-related"). */
export function lemma(word: string): string {
  const lower = word.toLowerCase().replace(/[\u2019]/g, "'");
  if (lower.includes('-')) {
    const parts = lower.split('-');
    const last = parts.pop() as string;
    return [...parts, singular(last)].join('-');
  }
  return singular(lower);
}

/** pluralize gets a few news words wrong; these stay as written. */
const KEEP = new Set(['data', 'media', 'news', 'its', 'us', 'series', 'species', 'status', 'various', 'texas', 'paris', 'analysis']);

function singular(lower: string): string {
  if (KEEP.has(lower) || lower.length < 3) return lower;
  return pluralize.singular(lower);
}

/** A token that can be the plural head of a counted phrase. */
export function isPluralNoun(t: Token): boolean {
  if (t.type !== 'word' || STOP_WORDS.has(t.lower) || KEEP.has(t.lower)) return false;
  // Acronyms ("US", "EU") modify the head; "NGOs" is a plural head.
  if (/^\p{Lu}+$/u.test(t.text) || /^(\p{L}\.)+$/u.test(t.text)) return false;
  if (/(ss|us|is|ous)$/.test(t.lower)) return false;
  return pluralize.isPlural(t.lower) && (pluralize.singular(t.lower) !== t.lower || UNCOUNTABLE_PLURALS.has(t.lower));
}

/** Uncountable words that count as plural heads ("200 police", "5,000 staff"). */
const UNCOUNTABLE_PLURALS = new Set(['people', 'police', 'staff', 'personnel', 'sheep', 'cattle', 'aircraft', 'livestock', 'troops', 'fish', 'deer', 'crew', 'militia', 'clergy']);

/** Plural nouns that often modify another noun; any other plural is the head ("readers makes" is not a phrase). */
const PLURAL_ADJUNCTS = new Set(['police', 'arms', 'sales', 'sports', 'savings', 'goods', 'customs', 'munitions', 'weapons', 'rights', 'parts', 'services', 'people', 'staff', 'troops', 'jobs', 'drugs', 'cities', 'students', 'workers', 'systems']);

/** A word that can be part of a noun phrase (not a function word, not an adverb, not a verb form). */
function isPhraseWord(t: Token | undefined): boolean {
  if (!t || t.type !== 'word') return false;
  if (STOP_WORDS.has(t.lower) && !PRE_MODIFIERS.has(t.lower)) return false;
  if (isQuantityWord(t.lower)) return false;
  if (/'s$/.test(t.lower)) return false; // possessive: "Russia's" starts a new phrase
  if (/ly$/.test(t.lower) && t.lower.length > 4 && !/(ily|ply|ally)$/.test(t.lower)) return false;
  return true;
}

/**
 * Words of the phrase starting at token `i`, with glued hyphen compounds joined
 * ("munitions-related", "North-Korean"). Returns [first token, last token] pairs.
 */
function phraseWords(tokens: Token[], i: number, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let j = i;
  while (out.length < max && isPhraseWord(tokens[j])) {
    let k = j;
    while (tokens[k + 1]?.text === '-' && tokens[k + 1].glued && tokens[k + 2]?.glued && tokens[k + 2].type === 'word') k += 2;
    out.push([j, k]);
    j = k + 1;
    // A glued hyphen before a number or a stray punctuation mark ends the phrase.
  }
  return out;
}

function isVerbForm(t: Token): boolean {
  return /(ed|ing)$/.test(t.lower) && t.lower.length > 5 && !/^(\p{Lu})/u.test(t.text);
}

function wordText(tokens: Token[], [a, b]: [number, number]): string {
  return tokens.slice(a, b + 1).map((t) => t.text).join('');
}

/**
 * Reads the counted phrase at token `i` (the first token after the number and its unit).
 * `plural` says whether the count is more than one (or vague), which picks the head rule.
 */
export function readNounPhrase(tokens: Token[], i: number, plural: boolean): NounPhrase {
  let start = i;
  // "thousands of containers", "dozens of the tests"
  if (tokens[start]?.lower === 'of') {
    start++;
    if (DETERMINERS.has(tokens[start]?.lower ?? '')) start++;
  }
  let words = phraseWords(tokens, start, MAX_RUN);
  // A verb form after the first word ends the phrase: "2022 invasion displaced millions".
  // In first position it is an adjective: "200 detained protesters".
  const verbAt = words.findIndex(([a], k) => k > 0 && isVerbForm(tokens[a]));
  if (verbAt > 0) words = words.slice(0, verbAt);
  let headAt = -1;
  if (plural) {
    headAt = words.findIndex(([a, b]) => a === b && isPluralNoun(tokens[a]) || a !== b && isPluralNoun(tokens[b]));
    // "31 Abrams tanks": a capitalised plural-looking name before a common plural noun.
    if (headAt >= 0 && headAt + 1 < words.length && /^\p{Lu}/u.test(tokens[words[headAt][0]].text) && /^\p{Ll}/u.test(tokens[words[headAt + 1][0]].text) && isPluralNoun(tokens[words[headAt + 1][1]])) headAt++;
    // "police officers", "arms shipments": a plural noun adjunct before the real head.
    while (headAt >= 0 && headAt + 1 < words.length && PLURAL_ADJUNCTS.has(tokens[words[headAt][1]].lower) && isPluralNoun(tokens[words[headAt + 1][1]])) headAt++;
  } else {
    const nouns = words.slice(0, 3).filter(([a]) => !PRE_MODIFIERS.has(tokens[a].lower));
    if (nouns.length) headAt = words.indexOf(nouns[nouns.length - 1]);
  }
  if (headAt < 0) return { head: -1, noun: null, context: contextOf(tokens, words, -1) };
  const head = words[headAt];
  const context = contextOf(tokens, words.slice(0, headAt + 1), headAt);
  context.push(...complement(tokens, head[1] + 1));
  return { head: head[1], noun: lemma(wordText(tokens, head)), context: unique(context) };
}

function contextOf(tokens: Token[], words: Array<[number, number]>, headAt: number): string[] {
  const take = headAt < 0 ? words.slice(0, 2) : words;
  return take.map((w) => lemma(wordText(tokens, w))).filter((w) => !STOP_WORDS.has(w));
}

/** Content words of `of`-complements after the head: "of military equipment and ammunition". */
export function complement(tokens: Token[], i: number): string[] {
  const out: string[] = [];
  let j = i;
  while (tokens[j]?.lower === 'of' && out.length < MAX_COMPLEMENT) {
    j++;
    if (DETERMINERS.has(tokens[j]?.lower ?? '')) j++;
    for (;;) {
      const words = phraseWords(tokens, j, MAX_COMPLEMENT - out.length);
      if (!words.length) break;
      out.push(...words.map((w) => lemma(wordText(tokens, w))));
      j = words[words.length - 1][1] + 1;
      // "equipment and ammunition": a conjunction joins two heads of one complement.
      if (tokens[j]?.lower === 'and' && isPhraseWord(tokens[j + 1])) j++;
      else break;
    }
  }
  return out.filter((w) => !STOP_WORDS.has(w));
}

/** Content words before and after token range [a, b) in the same clause, for years and dates. */
export function clauseContext(tokens: Token[], a: number, b: number, before = 6, after = 4): string[] {
  const out: string[] = [];
  // Looked for among the nearest tokens only: in a line of 100,000 characters without
  // clause punctuation or context words, every figure would otherwise scan the whole line.
  const first = Math.max(0, a - CONTEXT_REACH);
  const last = Math.min(tokens.length, b + CONTEXT_REACH);
  for (let j = a - 1; j >= first && out.length < before; j--) {
    const t = tokens[j];
    if (t.type === 'punct' && /[,;:()]/.test(t.text)) break;
    if (isContextWord(tokens, j)) out.unshift(lemma(t.text));
  }
  // "Since 2019, Russia and China have tried …": with nothing before, the clause after the comma.
  let commas = out.length === 0 ? 1 : 0;
  let n = 0;
  for (let j = b; j < last && n < after; j++) {
    const t = tokens[j];
    if (t.type === 'punct' && /[,;:()]/.test(t.text)) {
      if (commas-- > 0 && t.text === ',') continue;
      break;
    }
    if (isContextWord(tokens, j)) {
      out.push(lemma(t.text));
      n++;
    }
  }
  return unique(out);
}

/** How many tokens either side of a figure its clause's words are looked for in. */
const CONTEXT_REACH = 60;

/** Unit words of neighbouring figures say nothing about what a figure is about. */
const NOT_CONTEXT = new Set(['per', 'cent', 'percent', 'pct']);

function isContextWord(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (t.type !== 'word' || t.lower.length < 2 || STOP_WORDS.has(t.lower) || NOT_CONTEXT.has(t.lower) || isQuantityWord(t.lower)) return false;
  // Suffixes glued to digits ("bn", "th", "s" of "1990s") are part of a number.
  return !/'s$/.test(t.lower) && !(t.glued && tokens[j - 1]?.type === 'num');
}

function unique(words: string[]): string[] {
  return [...new Set(words.filter((w) => w.length > 0))];
}

/** Whether a plural counted noun follows at token `p` ("2000 people" is a count, "2000 the law" a year). */
export function isPluralAhead(tokens: Token[], p: number): boolean {
  const np = readNounPhrase(tokens, p, true);
  return np.head >= 0;
}
