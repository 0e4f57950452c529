import type { Entity, NameMention } from '../types';
import { nameDifference } from '../extract/entities';
import { wordMatch } from '../extract/nameMatch';
import { bodyKey } from '../extract/bodyKeys';
import { formsMatch } from '../extract/placeVariants';
import { stripAccents } from '../text/fold';
import { minimalEdit } from '../cite/textEdit';
import { diagnostic, draftRange, evidence, type DraftDiagnostic, type Evidence } from './diagnostic';
import { inMatchedPassage, sourceLabel, type DraftContext } from './draftContext';
import type { NameForm } from './sourceIndex';

/** Differences that are the same spelling written another way (the sources' own house styles). */
const SAME_SPELLING = new Set(['same', 'case', 'title', 'hyphenation', 'order']);

/**
 * Names of the draft against the sources' spellings of the same person or body:
 * - a word of the name no source writes, close to one they do ("Kowalsky" / "Kowalski") →
 *   warning, fixed to the sources' spelling (the one most independent sources use);
 * - a name the sources themselves spell differently → information listing their spellings,
 *   once per person or place.
 * People are matched to the sources' people as the sources' are to each other (surname and
 * compatible given names across transliteration, order and hyphens; never Lind/Lindqvist).
 */
export function checkNames(ctx: DraftContext): DraftDiagnostic[] {
  const out: DraftDiagnostic[] = [];
  const reported = new Set<string>();
  const bodies = ctx.index.bodies();
  for (const m of ctx.names) {
    // A body the sources write the same way is spelled right; otherwise the name may be a
    // person the draft's own cues took for a place ("Okafor told the council").
    if (m.kind !== 'person' && bodies.has(bodyKey(m.text))) {
      const d = placeSpelledDifferently(ctx, m, reported);
      if (d) out.push(d);
      continue;
    }
    const person = personOf(ctx, m);
    if (person) {
      const d = checkPerson(ctx, m, person, reported);
      if (d) out.push(d);
    } else if (m.kind !== 'person') {
      const d = checkBody(ctx, m);
      if (d) out.push(d);
    }
  }
  return out;
}

/** The source person a draft mention names; names of other kinds must be long enough not to be initials. */
export function personOf(ctx: DraftContext, m: NameMention): Entity | null {
  if (m.kind !== 'person' && m.resolvedTo === null && letters(m.text).length < 4) return null;
  return ctx.index.person(m.resolvedTo ?? m.text)?.entity ?? null;
}

function checkPerson(ctx: DraftContext, m: NameMention, entity: Entity, reported: Set<string>): DraftDiagnostic | null {
  const forms = ctx.index.personFormsOf(entity.id);
  const spelled = forms.some((f) => SAME_SPELLING.has(nameDifference(m.text, f.text)));
  const units = unitsOf(ctx, entity.id, forms);
  if (!spelled) {
    for (const w of nameWords(m.text)) {
      if (units.has(letters(w.text))) continue;
      const fix = closestUnit(w.text, units);
      if (!fix) continue;
      return misspelt(ctx, m, w, fix.written, fix.docs, forms);
    }
  }
  if (reported.has(entity.id) || !spellingsDiffer(forms)) return null;
  reported.add(entity.id);
  return sourcesSpellDifferently(ctx, m, 'name', fullForms(forms));
}

/** Information on a name of the draft: the spellings the sources use for it, and who uses each. */
function sourcesSpellDifferently(ctx: DraftContext, m: NameMention, what: 'name' | 'place', forms: Array<{ text: string; mentions: NameMention[] }>): DraftDiagnostic {
  const r = draftRange(ctx.draft.doc, m.start, m.end);
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'name',
    verdict: 'disputed',
    detail: 'sources-differ',
    severity: 'information',
    message: `The sources spell this ${what} differently: ${forms.map((f) => `“${f.text}” (${docsOf(ctx, f.mentions).join(', ')})`).join(', ')}.`,
    evidence: forms.flatMap((f) => firstPerDoc(ctx, f.mentions)),
  });
}

function misspelt(ctx: DraftContext, m: NameMention, w: { text: string; start: number; end: number }, written: string, docs: Set<number>, forms: NameForm[]): DraftDiagnostic {
  const { doc } = ctx.draft;
  const r = draftRange(doc, m.start + w.start, m.start + w.end);
  const fix = minimalEdit(doc.raw, r.start, r.end, written);
  const used = forms.filter((f) => f.mentions.some((x) => docs.has(ctx.index.docIndex(x.source))));
  return diagnostic(doc, r.start, r.end, {
    kind: 'name',
    verdict: 'differ',
    detail: 'spelling',
    severity: 'warning',
    message: `No source spells it “${w.text}”: ${[...docs].sort((a, b) => a - b).map((d) => sourceLabel(ctx.index, d)).join(', ')} write${docs.size === 1 ? 's' : ''} “${written}” (${fullForms(used).map((f) => f.text).join(', ')}).`,
    evidence: fullForms(used).flatMap((f) => firstPerDoc(ctx, f.mentions)),
    fixes: [fix],
    fixTitle: `Spell it “${written}” as the sources do`,
  });
}

/**
 * Organisations and places: a name no source writes that differs by one letter from one a
 * source writes with as many words ("Pyongyan"). Stricter than for people, since places
 * with close names are common (Austria, Australia).
 */
function checkBody(ctx: DraftContext, m: NameMention): DraftDiagnostic | null {
  const key = bodyKey(m.text);
  const bodies = ctx.index.bodies();
  if (bodies.has(key) || key.length < 4) return null;
  const words = key.split(' ');
  let best: { mentions: NameMention[]; count: number } | null = null;
  for (const [k, mentions] of bodies) {
    const other = k.split(' ');
    if (other.length !== words.length) continue;
    // A typo (one letter, in a word of five letters or more: never Iran / Iraq), or another
    // spelling of a place name as the sources' places are joined (Kiev / Kyiv, Zaporizhia /
    // Zaporizhzhia; placeVariants.ts).
    let edits = 0;
    for (let i = 0; i < words.length && edits <= 1; i++) edits += words[i] === other[i] ? 0 : words[i][0] === other[i][0] && words[i].length >= 5 ? editDistance(words[i], other[i]) : 2;
    let backing = mentions;
    if (edits !== 1) {
      // Another spelling, not a typo, counts only where the sources write it in the passage
      // the draft's sentence reports ("Austria" in a draft is no misspelling of the sources'
      // "Australia" in a sentence about something else).
      if (!roughlyAlike(words, other) || !formsMatch(key, k)) continue;
      backing = mentions.filter((x) => inMatchedPassage(ctx, m.sentence, ctx.index.docIndex(x.source), x.sentence));
      if (backing.length === 0) continue;
    }
    const count = new Set(backing.map((x) => x.source)).size;
    if (!best || count > best.count) best = { mentions: backing, count };
  }
  if (!best) return null;
  const written = mostCommon(best.mentions.map((x) => x.text));
  const { doc } = ctx.draft;
  const r = draftRange(doc, m.start, m.end);
  const docs = new Set(best.mentions.map((x) => ctx.index.docIndex(x.source)));
  return diagnostic(doc, r.start, r.end, {
    kind: 'name',
    verdict: 'differ',
    detail: 'spelling',
    severity: 'warning',
    message: `No source writes “${m.text}”: ${[...docs].sort((a, b) => a - b).map((d) => sourceLabel(ctx.index, d)).join(', ')} write${docs.size === 1 ? 's' : ''} “${written}”.`,
    evidence: firstPerDoc(ctx, best.mentions),
    fixes: [minimalEdit(doc.raw, r.start, r.end, written)],
    fixTitle: `Write “${written}” as the sources do`,
  });
}

/**
 * A cheap test before `formsMatch`, which every body of the sources would otherwise meet:
 * spellings of one name are about as long and share their first or their last letter.
 */
function roughlyAlike(words: string[], other: string[]): boolean {
  return words.every((w, i) => {
    const o = other[i];
    return Math.abs(w.length - o.length) <= 2 && (w[0] === o[0] || w[w.length - 1] === o[o.length - 1]);
  });
}

/**
 * A place the draft writes as one of the sources does, which the sources themselves spell in
 * more than one way ("Kyiv" / "Kiev"): information listing their spellings, once per place,
 * as for people; the draft's choice is a house-style decision the journalist makes.
 */
function placeSpelledDifferently(ctx: DraftContext, m: NameMention, reported: Set<string>): DraftDiagnostic | null {
  const place = ctx.index.placeSpellings(bodyKey(m.text));
  if (!place || reported.has(place.entity.id)) return null;
  reported.add(place.entity.id);
  const forms = [...place.forms.entries()]
    .map(([text, mentions]) => ({ text, mentions }))
    .sort((a, b) => b.mentions.length - a.mentions.length || (a.text < b.text ? -1 : 1));
  return sourcesSpellDifferently(ctx, m, 'place', forms);
}

/** The words of a name with their offsets in it ("Joon-kook" is one word). */
function nameWords(name: string): Array<{ text: string; start: number; end: number }> {
  return [...name.matchAll(/[^\s]+/g)].map((x) => ({ text: x[0].replace(/[.,]+$/, ''), start: x.index ?? 0, end: (x.index ?? 0) + x[0].replace(/[.,]+$/, '').length }));
}

/** Lower case, letters only, accents kept: "Łukasz" and "Lukasz" stay apart. */
function letters(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/** `sourceUnits` of a source person, worked out once per source index. */
function unitsOf(ctx: DraftContext, entityId: string, forms: NameForm[]): Map<string, { written: string; docs: Set<number> }> {
  let memo = UNITS.get(ctx.index);
  if (!memo) UNITS.set(ctx.index, (memo = new Map()));
  let units = memo.get(entityId);
  if (!units) memo.set(entityId, (units = sourceUnits(ctx, forms)));
  return units;
}

const UNITS = new WeakMap<DraftContext['index'], Map<string, Map<string, { written: string; docs: Set<number> }>>>();

/**
 * Every word the sources use in the person's name, with the sources that write it and its
 * spelling: whole ("joonkook") and by its parts ("jong", "un" of "Jong-un").
 */
function sourceUnits(ctx: DraftContext, forms: NameForm[]): Map<string, { written: string; docs: Set<number> }> {
  const out = new Map<string, { written: string; docs: Set<number> }>();
  for (const f of forms) {
    for (const w of nameWords(f.text)) {
      for (const piece of [w.text, ...w.text.split(/[-\u2010\u2011]/)]) {
        const k = letters(piece);
        if (!k) continue;
        const entry = out.get(k) ?? { written: piece, docs: new Set<number>() };
        for (const m of f.mentions) entry.docs.add(ctx.index.docIndex(m.source));
        out.set(k, entry);
      }
    }
  }
  return out;
}

/** The source word a misspelt word stands for; with several, the one most sources use. */
function closestUnit(word: string, units: Map<string, { written: string; docs: Set<number> }>): { written: string; docs: Set<number> } | null {
  const folded = stripAccents(letters(word));
  let best: { written: string; docs: Set<number>; score: number } | null = null;
  for (const [k, u] of units) {
    const score = wordMatch(folded, stripAccents(k));
    if (score <= 0) continue;
    if (!best || u.docs.size > best.docs.size || (u.docs.size === best.docs.size && score > best.score)) best = { ...u, score };
  }
  return best;
}

/** Two full forms of the person that are spelled differently (not just ordered or hyphenated). */
function spellingsDiffer(forms: NameForm[]): boolean {
  const full = fullForms(forms);
  for (let i = 0; i < full.length; i++) for (let j = i + 1; j < full.length; j++) if (nameDifference(full[i].text, full[j].text) === 'spelling') return true;
  return false;
}

/** The forms with the most name parts (a surname alone only when nothing fuller exists). */
function fullForms(forms: NameForm[]): NameForm[] {
  const most = Math.max(0, ...forms.map((f) => f.name.units.length));
  const full = forms.filter((f) => f.name.units.length === most || (most >= 2 && f.name.units.length >= 2));
  return full.sort((a, b) => b.mentions.length - a.mentions.length || (a.text < b.text ? -1 : 1));
}

function docsOf(ctx: DraftContext, mentions: NameMention[]): string[] {
  const docs = [...new Set(mentions.map((m) => ctx.index.docIndex(m.source)))].sort((a, b) => a - b);
  return docs.map((d) => sourceLabel(ctx.index, d));
}

function firstPerDoc(ctx: DraftContext, mentions: NameMention[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const m of mentions) {
    if (seen.has(m.source)) continue;
    seen.add(m.source);
    out.push(evidence(ctx.index.docs[ctx.index.docIndex(m.source)], m.start, m.end, m.title));
  }
  return out;
}

function mostCommon(texts: string[]): string {
  const count = new Map<string, number>();
  for (const t of texts) count.set(t, (count.get(t) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
