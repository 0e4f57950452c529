import type { Doc, EntityKind, NameMention, Sentence } from '../types';
import { findCandidates, type CaseEvidence } from './nameRuns';
import { tokenKey, tokenizeNames, type NameToken } from './nameTokens';
import { addScores, decideKind, isAcronymText, localEvidence, zeroScores, type KindScores } from './nameKinds';
import { nameParts, resolveShortNames } from './nameResolve';
import { titleBefore } from './nameTitles';
import { HEADLINE_SMALL } from './nameWords';
import { lexiconKind } from './nameLexicon';

/**
 * Names of people, organisations and places in a source (norm offsets), skipping
 * boilerplate sentences. The span is the name alone: titles go to `title`, the possessive
 * "'s" stays outside.
 *
 * Decisions worth knowing:
 * - Nationality adjectives ("Russian", "South Korean") are not entities. Mapping them to
 *   their country would count "Russian leader" as a mention of Russia and inflate the
 *   agreement on places; a named party is what a fact-checker compares.
 * - Acronyms are organisations ("UN", "EU", "KCNA"), except the acronyms of countries
 *   (US, UK, DPRK, ROK, PRC, UAE), which are places like the spelled-out country names, so
 *   that "the U.S." and "the United States" have the same kind.
 * - A capitalised sentence opener is a name only when the source shows the word
 *   capitalised elsewhere, or it starts a run of capitalised words, or it is the subject
 *   of a verb ("Washington published") — and never when it is a common opener ("The").
 * - Kinds come from cues summed over every mention of the same text in the source
 *   (nameKinds.ts), with no gazetteer. A name no cue classifies is looked up in
 *   compromise's lexicon for places and organisations (nameLexicon.ts, a table generated
 *   from compromise at build time); else 'other'.
 *   compromise's own people/places/organizations finders and wink-nlp were measured and
 *   not adopted: on the seeds they found 69% and (wink, which has no name kinds, only
 *   proper-noun tags) 90% of the names against 100% here, and missed most non-English
 *   names ("Joonkook Hwang", "Dmytro Kuleba").
 */
export function extractNames(doc: Doc): NameMention[] {
  const sentences = doc.sentences.filter((s) => !s.boilerplate).map((s) => ({ s, toks: tokenizeNames(doc.norm, s.start, s.end) }));
  const cases = caseEvidence(sentences.filter((x) => !isHeadline(x.toks)));
  const raws: Raw[] = [];
  for (const { s, toks } of sentences) {
    if (isShouting(doc.norm, s)) continue;
    const first = raws.length;
    for (const c of findCandidates(toks, cases, isHeadline(toks))) {
      const text = doc.norm.slice(c.start, c.end);
      const title = titleBefore(toks, c.from, doc.norm);
      const key = tokenKey(text);
      raws.push({ sentence: s.index, toks, from: c.from, to: c.to, start: c.start, end: c.end, text, key, title,
        scores: localEvidence({ toks, from: c.from, to: c.to, text, title }), kind: 'other', resolvedTo: null });
    }
    linkNeighbours(raws, first);
  }
  assignKinds(raws);
  // A title belongs to a person: "official UN monitoring" gives the UN no title.
  return raws.map((r) => ({
    text: r.text, start: r.start, end: r.end, source: doc.id, sentence: r.sentence, kind: r.kind,
    title: r.kind === 'person' ? r.title : null, resolvedTo: r.resolvedTo,
  }));
}

interface Raw {
  sentence: number;
  toks: NameToken[];
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  key: string;
  title: string | null;
  scores: KindScores;
  kind: EntityKind;
  resolvedTo: string | null;
  /** A mention listed with this one ("Russia and China", "Najin, North Korea"). */
  neighbour?: Raw;
}

/** Per-source decisions: sum evidence per text, resolve surnames, then let lists share a kind. */
function assignKinds(raws: Raw[]): void {
  const byKey = new Map<string, KindScores>();
  for (const r of raws) {
    const s = byKey.get(r.key) ?? zeroScores();
    addScores(s, r.scores);
    byKey.set(r.key, s);
  }
  for (const r of raws) r.kind = decideKind(byKey.get(r.key)!);
  const resolved = resolveShortNames(
    raws.map((r) => ({ key: r.key, parts: nameParts(r.key), kind: r.kind, text: r.text, acronym: isAcronymText(r.text) })),
  );
  const personKeys = new Set<string>();
  raws.forEach((r, i) => {
    r.resolvedTo = resolved[i].resolvedTo;
    if (resolved[i].personLike) personKeys.add(r.key);
  });
  for (const r of raws) if (personKeys.has(r.key) || r.title && nameParts(r.key).length === 1 && r.kind === 'other') r.kind = 'person';
  // A name listed with a place is a place when nothing else was known of it.
  const promoted = new Set<string>();
  for (const r of raws) {
    const n = r.neighbour;
    if (!n) continue;
    if (r.kind === 'other' && n.kind === 'place') promoted.add(r.key);
    if (n.kind === 'other' && r.kind === 'place') promoted.add(n.key);
  }
  for (const r of raws) if (promoted.has(r.key) && r.kind === 'other') r.kind = 'place';
  const asked = new Map<string, EntityKind | null>();
  for (const r of raws) {
    if (r.kind !== 'other') continue;
    if (!asked.has(r.key)) asked.set(r.key, lexiconKind(r.text));
    r.kind = asked.get(r.key) ?? 'other';
  }
}

/** Links consecutive mentions joined by "," / "and" / "or" inside one sentence. */
function linkNeighbours(raws: Raw[], first: number): void {
  for (let i = first; i + 1 < raws.length; i++) {
    const a = raws[i];
    const b = raws[i + 1];
    const between = a.toks.slice(a.to, b.from).map((t) => t.key);
    const joined = between.join(' ');
    if (joined === ',' || joined === 'and' || joined === 'or' || joined === ', and' || joined === ', or') a.neighbour = b;
  }
}

function caseEvidence(sentences: Array<{ s: Sentence; toks: NameToken[] }>): CaseEvidence {
  const knownCapitalised = new Set<string>();
  const seenLower = new Set<string>();
  for (const { toks } of sentences) {
    for (const t of toks) {
      if (t.type !== 'word') continue;
      if (!t.cap) seenLower.add(t.key);
      else if (!t.opening) for (const part of [t.key, ...t.key.split('-')]) knownCapitalised.add(part);
    }
  }
  return { knownCapitalised, seenLower };
}

/** A title-case headline: no closing punctuation and most content words capitalised. */
function isHeadline(toks: NameToken[]): boolean {
  const last = toks[toks.length - 1];
  if (!last || /[.!?"'\u201d\u2019:]/.test(last.text)) return false;
  const content = toks.filter((t) => t.type === 'word' && !HEADLINE_SMALL.has(t.key));
  if (content.length < 4) return false;
  return content.filter((t) => t.cap).length / content.length >= 0.9;
}

/** A line in capitals ("MORE NEWS") says nothing about names. */
function isShouting(norm: string, s: Sentence): boolean {
  const text = norm.slice(s.start, s.end);
  return !/\p{Ll}/u.test(text) && /\p{Lu}{3,}/u.test(text) && /\s/.test(text.trim());
}
