import type { Range } from '../types';
import { isCapitalised, type Token } from './figureTokens';
import {
  ATTRIBUTION_IF_THAT, ATTRIBUTION_LOOSE, ATTRIBUTION_VERBS, DETERMINERS, PARTICIPLES, PRONOUNS, STOP_WORDS, SUBJECT_VERB_FILLERS,
} from './figureLexicon';

/**
 * Who a sentence attributes its statements to: "Ukrainian prosecutors said that …",
 * "The U.S. said …", "according to X", "X told …", "…, said X", "X, the envoy, claimed …",
 * "…, Russia contended." A figure takes the attribution nearest before it in its sentence,
 * or, when there is none, the nearest after it (quotes followed by "Shea said").
 */
export interface Attribution {
  /** Token index of the verb (or of "according"). */
  at: number;
  /** Token range of the claimant phrase, inclusive. */
  first: number;
  last: number;
  pronoun: boolean;
}

/** Words inside a name phrase that join its parts ("envoy to the U.N.", "Voice of America"). */
const JOINERS = new Set(['of', 'to', 'at', 'for', 'in', 'and', 'the']);
const MAX_PHRASE = 10;

export function findAttributions(tokens: Token[], times: Range[]): Attribution[] {
  const inTime = (t: Token): boolean => times.some((r) => t.start >= r.start && t.end <= r.end);
  const out: Attribution[] = [];
  tokens.forEach((t, v) => {
    if (t.type !== 'word') return;
    let phrase: [number, number] | null = null;
    let pronoun = false;
    if (t.lower === 'according' && tokens[v + 1]?.lower === 'to') {
      phrase = phraseForward(tokens, v + 2);
    } else if (PARTICIPLES.has(t.lower) && tokens[v - 1]?.text === ',') {
      phrase = phraseForward(tokens, 0);
    } else if (isAttributionVerb(tokens, v)) {
      const before = subjectBefore(tokens, v, inTime);
      if (before) {
        phrase = before;
        pronoun = before[0] === before[1] && PRONOUNS.has(tokens[before[0]].lower);
        if (ATTRIBUTION_LOOSE.has(t.lower) && !pronoun && !endsStatement(tokens, v + 1)) phrase = null;
      } else if ((t.lower === 'said' || t.lower === 'says' || t.lower === 'told') && (v === 0 || tokens[v - 1].type === 'punct')) {
        phrase = invertedSubject(tokens, v + 1);
      }
    }
    if (phrase) out.push({ at: v, first: phrase[0], last: phrase[1], pronoun });
  });
  return out;
}

function isAttributionVerb(tokens: Token[], v: number): boolean {
  const t = tokens[v];
  if (ATTRIBUTION_VERBS.has(t.lower) || ATTRIBUTION_LOOSE.has(t.lower)) return true;
  return ATTRIBUTION_IF_THAT.has(t.lower) && tokens[v + 1]?.lower === 'that';
}

/** After "added": "that", a quote, punctuation or the end — the verb reports a statement. */
function endsStatement(tokens: Token[], i: number): boolean {
  const n = tokens[i];
  return !n || n.lower === 'that' || n.type === 'punct';
}

/** The attribution for a figure spanning tokens [a, b). */
export function pickAttribution(atts: Attribution[], a: number, b: number): Attribution | null {
  // A claimant phrase that is the figure itself ("several members, who accused …") is no claimant.
  const usable = atts.filter((x) => x.last < a || x.first >= b);
  const before = usable.filter((x) => x.at < a);
  if (before.length) return before[before.length - 1];
  return usable.find((x) => x.at >= b) ?? null;
}

function subjectBefore(tokens: Token[], v: number, inTime: (t: Token) => boolean): [number, number] | null {
  let j = v - 1;
  while (j >= 0 && tokens[j].type === 'word' && (SUBJECT_VERB_FILLERS.has(tokens[j].lower) || inTime(tokens[j]))) j--;
  while (j >= 0 && tokens[j].type !== 'punct' && inTime(tokens[j])) j--;
  if (j < 0) return null;
  // "officials, who said …": the relative pronoun stands for the phrase before it.
  if (tokens[j].lower === 'who' || tokens[j].lower === 'which') {
    j--;
    if (tokens[j]?.text === ',') j--;
    return j >= 0 ? phraseBackward(tokens, j) : null;
  }
  const t = tokens[j];
  if (t.type === 'word' && PRONOUNS.has(t.lower) && ['he', 'she', 'they', 'it', 'we', 'i'].includes(t.lower)) return [j, j];
  if (t.text === ',') {
    // "X, the South Korean ambassador to the UN, said": the name stands before the appositive.
    for (let k = j - 1; k >= Math.max(0, j - 15); k--) {
      if (tokens[k].text !== ',') continue;
      const name = phraseBackward(tokens, k - 1);
      return name && isNameLike(tokens, name) ? name : null;
    }
    return null;
  }
  return phraseBackward(tokens, j);
}

/** "…, said Robert Wood, the U.S. representative" / "said the envoy, Dorothy Shea". */
function invertedSubject(tokens: Token[], i: number): [number, number] | null {
  const first = phraseForward(tokens, i);
  if (!first) return null;
  const after = first[1] + 1;
  if (!/^\p{Lu}/u.test(tokens[first[1]].text) && tokens[after]?.text === ',') {
    const name = phraseForward(tokens, after + 1);
    if (name && isNameLike(tokens, name)) return name;
  }
  return first;
}

function isNameLike(tokens: Token[], [a, b]: [number, number]): boolean {
  return tokens.slice(a, b + 1).some((t) => /^\p{Lu}/u.test(t.text));
}

function isPhraseToken(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === 'punct') return t.text === '-' && t.glued; // "Joon-kook"
  if (t.type !== 'word') return false;
  if (/^\p{Lu}/u.test(t.text)) return !['He', 'She', 'They', 'It', 'We', 'I'].includes(t.text);
  return !STOP_WORDS.has(t.lower) || DETERMINERS.has(t.lower);
}

/** The phrase ending at token `j`, read backwards. */
function phraseBackward(tokens: Token[], j: number): [number, number] | null {
  if (!isPhraseToken(tokens[j]) || JOINERS.has(tokens[j].lower)) return null;
  let a = j;
  while (a - 1 >= 0 && j - (a - 1) < MAX_PHRASE) {
    const p = tokens[a - 1];
    if (isPhraseToken(p) && !(DETERMINERS.has(p.lower) && p.lower !== 'the' && p.lower !== 'a' && p.lower !== 'an')) {
      a--;
      if (DETERMINERS.has(p.lower)) break; // a determiner opens the phrase
      continue;
    }
    // "envoy to the U.N.", "Voice of America": a joiner between two phrase words.
    if (p.type === 'word' && JOINERS.has(p.lower) && p.lower !== 'the' && isPhraseToken(tokens[a - 2]) && !DETERMINERS.has(tokens[a - 2].lower)) {
      a -= 2;
      continue;
    }
    // "Mr. Smith", "Gov. Newsom": a title abbreviation's full stop.
    if (p.text === '.' && p.glued && tokens[a - 2]?.type === 'word' && /^\p{Lu}\p{Ll}{1,3}$/u.test(tokens[a - 2].text)) {
      a -= 2;
      continue;
    }
    break;
  }
  while (a < j && (JOINERS.has(tokens[a].lower) && tokens[a].lower !== 'the')) a++;
  return [a, j];
}

/** The phrase starting at token `i`, read forwards (after "according to", "said"). */
function phraseForward(tokens: Token[], i: number): [number, number] | null {
  let j = i;
  while (tokens[j] && (tokens[j].text === '"' || tokens[j].lower === "'" || tokens[j].text === '\u201c' || tokens[j].text === '\u2018')) j++;
  const start = j;
  if (!isPhraseToken(tokens[start])) return null;
  let b = start;
  while (b + 1 < tokens.length && b + 1 - start < MAX_PHRASE) {
    const n = tokens[b + 1];
    if (n.type === 'word' && /^\p{Ll}/u.test(n.text) && /ed$/.test(n.lower) && b >= start) break; // a verb: "The Kremlin defended"
    if (isPhraseToken(n) && !DETERMINERS.has(n.lower)) {
      b++;
      continue;
    }
    // "Col. Ivan Petrov", "Gov. Newsom"
    if (n.text === '.' && n.glued && /^\p{Lu}\p{Ll}{1,3}$/u.test(tokens[b].text) && isCapitalised(tokens[b + 2])) {
      b += 2;
      continue;
    }
    if (n.type === 'word' && JOINERS.has(n.lower) && n.lower !== 'the' && isPhraseToken(tokens[b + 2]) && /^\p{Lu}/u.test(tokens[b].text)) {
      b += 2;
      if (DETERMINERS.has(tokens[b].lower) && isPhraseToken(tokens[b + 1])) b++;
      continue;
    }
    break;
  }
  while (b > start && JOINERS.has(tokens[b].lower)) b--;
  if (b === start && DETERMINERS.has(tokens[start].lower)) return null;
  return [start, b];
}
