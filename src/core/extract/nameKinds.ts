import type { EntityKind } from '../types';
import type { NameToken } from './nameTokens';
import {
  APPOSITIVE_ROLES, COMPASS, COUNTRY_ACRONYMS, FINITE_AFTER_SUBJECT, LOCATIVES, OF_CONNECTORS, ORG_CUES, ORG_NOUNS, PARTICLES,
  PLACE_CUES, SPEECH_VERBS, STATE_ROLES, WEAK_LOCATIVES,
} from './nameWords';

/**
 * Kind evidence from the words around one mention, without a gazetteer: cue nouns inside
 * the name ("Ministry", "Peninsula"), titles before it, an appositive role after it
 * (", the Kremlin spokesman"), "the" before it, a locative preposition, a possessive
 * followed by a state role ("Britain's Ambassador"). Scores are summed per document.
 */
export interface KindScores {
  person: number;
  organization: number;
  place: number;
}

export const zeroScores = (): KindScores => ({ person: 0, organization: 0, place: 0 });

export interface MentionContext {
  toks: NameToken[];
  from: number;
  to: number;
  text: string;
  title: string | null;
}

export function isAcronymText(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$/u.test(text) || /^\p{Lu}[\p{Lu}\p{N}&]{1,6}$/u.test(text);
}

export function localEvidence(m: MentionContext): KindScores {
  const s = zeroScores();
  const { toks, from, to, text } = m;
  const words = toks.slice(from, to);
  const prev = toks[from - 1];
  const next = toks[to];
  if (from === 0 && isDateline(toks)) {
    s.place += 5;
    return s;
  }
  if (isAcronymText(text)) {
    const key = text.replace(/\./g, '').toLowerCase();
    if (COUNTRY_ACRONYMS.has(key)) s.place += 3;
    else s.organization += 3;
    return s;
  }
  const cue = headCue(words);
  if (cue) {
    if (ORG_CUES.has(cue.key)) s.organization += 5;
    else s.place += 5;
  } else if (words.length >= 2 && COMPASS.has(words[0].key)) {
    s.place += 4;
  } else if (words.length === 1 && COMPASS.has(words[0].key)) {
    s.place += 4; // "the North", "the West"
  }
  if (m.title) s.person += 5;
  if (prev?.key === 'the' && !cue && !modifiesNoun(next)) s.organization += 3;
  if (prev?.type === 'word' && !prev.cap && ORG_NOUNS.has(prev.key)) s.organization += 3;
  if (words.some((w) => w.key === 'of' || w.key === 'for')) s.organization += 2;
  if (!cue && prev?.key !== 'the' && words.length >= 2 && words.every(isPersonPart)) {
    s.person += 2;
    if (next && SPEECH_VERBS.has(next.key)) s.person += 1;
    if (prev && SPEECH_VERBS.has(prev.key)) s.person += 1;
  }
  if (appositiveRole(toks, to)) s.person += 3;
  if (prev && LOCATIVES.has(prev.key)) s.place += 3;
  if (prev && WEAK_LOCATIVES.has(prev.key) && !cue) s.place += 1;
  if (placeAfterComma(toks, to)) s.place += 2;
  if (next?.type === 'poss' && stateRoleAfter(toks, to + 1)) s.place += 2;
  if (words.length === 1 && /(?:ia|stan|land)$/.test(words[0].key)) s.place += 1;
  return s;
}

/** "KYIV, Ukraine (AP) —", "WASHINGTON (Reuters) -", "LONDON —": a city in capitals, then a dash. */
function isDateline(toks: NameToken[]): boolean {
  if (!/^\p{Lu}{4,}$/u.test(toks[0]?.text ?? '')) return false;
  let j = 1;
  if (toks[j]?.text === ',') {
    j++;
    while (toks[j]?.type === 'word' && toks[j].cap) j++;
  }
  if (toks[j]?.text === '(') {
    j++;
    while (toks[j] && toks[j].text !== ')' && j < 6) j++;
    if (toks[j]?.text !== ')') return false;
    j++;
  }
  return /^[\u2014\u2013-]$/.test(toks[j]?.text ?? '');
}

/**
 * The cue that decides the kind: the last cue word of the head, before any "of"
 * ("State Department", "Rakhine State", "Department of State", "Bank of England").
 */
function headCue(words: NameToken[]): NameToken | undefined {
  let cue: NameToken | undefined;
  for (const w of words) {
    if (OF_CONNECTORS.has(w.key)) return cue ?? words.find((x) => ORG_CUES.has(x.key) || PLACE_CUES.has(x.key));
    if (ORG_CUES.has(w.key) || PLACE_CUES.has(w.key)) cue = w;
  }
  return cue;
}

/** "the Myanmar junta", "the Trump administration": the article belongs to the noun after the name. */
function modifiesNoun(next: NameToken | undefined): boolean {
  if (!next || next.type !== 'word' || next.cap) return false;
  // "the Belgorod and Kursk regions": the article may belong to a noun after the list.
  if (next.key === 'and' || next.key === 'or') return true;
  if (FUNCTION_WORDS.has(next.key)) return false;
  return !(SPEECH_VERBS.has(next.key) || FINITE_AFTER_SUBJECT.has(next.key) || /ed$/.test(next.key));
}

/** "Cape Canaveral, Florida," — a name followed by a one- or two-word name and a stop. */
function placeAfterComma(toks: NameToken[], to: number): boolean {
  if (toks[to]?.text !== ',') return false;
  let j = to + 1;
  while (j < toks.length && j < to + 3 && toks[j].type === 'word' && toks[j].cap && !toks[j].acronym) j++;
  if (j === to + 1) return false;
  const after = toks[j];
  return !after || after.type === 'punct';
}

/** Capitalised name words, initials, particles and suffixes: what a personal name is made of. */
function isPersonPart(t: NameToken): boolean {
  if (t.type !== 'word') return false;
  if (PARTICLES.has(t.key)) return true;
  if (t.acronym && !/^(?:ii|iii|iv)$/.test(t.key)) return false;
  return t.cap && /^[\p{L}\p{M}.'\u2019-]+$/u.test(t.text);
}

/** ", the South Korean ambassador to the UN," — a role noun within a few words after a comma. */
function appositiveRole(toks: NameToken[], to: number): boolean {
  if (toks[to]?.text !== ',') return false;
  for (let j = to + 1; j < Math.min(toks.length, to + 8); j++) {
    const t = toks[j];
    if (t.type === 'punct' && t.text !== '.') return false;
    if (SPEECH_VERBS.has(t.key) || CLAUSE_WORDS.has(t.key)) return false;
    // ", UN human rights chief Volker Türk": the role titles the next name, not this one.
    if (APPOSITIVE_ROLES.has(t.key)) return !(toks[j + 1]?.type === 'word' && toks[j + 1].cap);
  }
  return false;
}

const FUNCTION_WORDS = new Set(['to', 'and', 'or', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'as', 'that', 'which',
  'who', 'from', 'after', 'before', 'over', 'than', 'but', 'nor', 'if', 'when', 'while', 'into', 'about']);

const CLAUSE_WORDS = new Set(['where', 'which', 'who', 'when', 'while', 'whose', 'and', 'but']);

function stateRoleAfter(toks: NameToken[], j: number): boolean {
  for (let k = j; k < Math.min(toks.length, j + 2); k++) {
    if (toks[k].type !== 'word') return false;
    if (STATE_ROLES.has(toks[k].key)) return true;
  }
  return false;
}

export function addScores(a: KindScores, b: KindScores): void {
  a.person += b.person;
  a.organization += b.organization;
  a.place += b.place;
}

/** The kind with the highest score; ties prefer person, then organisation. */
export function decideKind(s: KindScores): EntityKind {
  const best = Math.max(s.person, s.organization, s.place);
  if (best <= 0) return 'other';
  if (s.person === best) return 'person';
  if (s.organization === best) return 'organization';
  return 'place';
}
