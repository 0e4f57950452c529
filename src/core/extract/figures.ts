import type { Doc, Figure, Sentence } from '../types';
import { findAttributions, pickAttribution, type Attribution } from './claimant';
import { parsePublished } from './dates';
import type { Draft } from './figureDraft';
import { findMasks } from './numberMasks';
import { readFigure, type ReadContext } from './readFigure';
import { findTimeExpressions, nearestTime } from './timeExpr';
import { maskTokens, tokenize, type Token } from './figureTokens';

/**
 * Figures of a document: counts, money, percentages, measures, years, dates and ordinals,
 * each with its hedge as an interval, the counted noun, who claims it and when.
 * Boilerplate sentences are skipped: their figures ("1,000 new members") are site
 * furniture and must never be compared. See `readFigure` for the span rule.
 */
export function extractFigures(doc: Doc): Figure[] {
  const ctx: ReadContext = { published: parsePublished(doc.meta.date) };
  const out: Figure[] = [];
  // "he said" in a later sentence refers back to the last claimant named.
  let lastClaimant: string | null = null;
  const published = ctx.published ? String(ctx.published.getTime()) : '';
  for (const sentence of doc.sentences) {
    if (sentence.boilerplate) continue;
    const { figures, named } = memoSentenceFigures(doc, sentence, ctx, lastClaimant, published);
    out.push(...figures);
    if (named) lastClaimant = named;
  }
  return out;
}

/**
 * A sentence's figures depend only on its own text, the claimant named before it and the
 * publication date: kept by those (offsets relative to the sentence), so a sentence met
 * again — in a copy of a source, in the next version of a draft — is not read again.
 */
function memoSentenceFigures(doc: Doc, s: Sentence, ctx: ReadContext, lastClaimant: string | null, published: string) {
  const text = doc.norm.slice(s.start, s.end);
  const key = `${published}\u0001${lastClaimant === null ? '\u0002' : lastClaimant}\u0001${text}`;
  let hit = SENTENCE_FIGURES.get(key);
  if (!hit) {
    const found = sentenceFigures(doc, s, ctx, lastClaimant);
    hit = { figures: found.figures.map((f) => ({ ...f, start: f.start - s.start, end: f.end - s.start })), named: found.named };
    if (SENTENCE_FIGURES.size >= 20_000) SENTENCE_FIGURES.clear();
    SENTENCE_FIGURES.set(key, hit);
  }
  return { figures: hit.figures.map((f) => ({ ...f, source: doc.id, sentence: s.index, start: f.start + s.start, end: f.end + s.start })), named: hit.named };
}

const SENTENCE_FIGURES = new Map<string, { figures: Figure[]; named: string | null }>();

function sentenceFigures(doc: Doc, s: Sentence, ctx: ReadContext, lastClaimant: string | null) {
  const norm = doc.norm;
  const masks = findMasks(norm, s.start, s.end);
  const tokens = tokenize(norm, s.start, s.end);
  maskTokens(tokens, masks.masked);
  const drafts = scan(tokens, ctx);
  const times = findTimeExpressions(norm, s.start, s.end, masks.clock);
  const atts = findAttributions(tokens, times);
  const phrase = (a: Attribution): string => {
    const text = norm.slice(tokens[a.first].start, tokens[a.last].end);
    return a.pronoun && lastClaimant ? lastClaimant : text;
  };
  const named = [...atts].reverse().find((a) => !a.pronoun);
  const figures = drafts.map((d): Figure => {
    const start = tokens[d.first].start;
    const end = tokens[d.last].end;
    const att = pickAttribution(atts, d.first, d.last + 1);
    const time = d.kind === 'year' || d.kind === 'date' ? null : nearestTime(times, start, end);
    return {
      source: doc.id, sentence: s.index, start, end, text: norm.slice(start, end), kind: d.kind,
      lo: d.lo, hi: d.hi, loOpen: d.loOpen, hiOpen: d.hiOpen, hedge: d.hedge, noun: d.noun, context: d.context,
      claimant: att ? phrase(att) : null, time: time ? time.text : null,
    };
  });
  return { figures, named: named ? phrase(named) : null };
}

function scan(tokens: Token[], ctx: ReadContext): Draft[] {
  const drafts: Draft[] = [];
  let i = 0;
  while (i < tokens.length) {
    const r = readFigure(tokens, i, ctx);
    if (!r) {
      i++;
      continue;
    }
    if (r.draft) drafts.push(r.draft);
    i = Math.max(r.next, i + 1);
  }
  inheritNouns(tokens, drafts);
  return drafts;
}

/**
 * "45 people were killed and more than 200 injured": a count without a noun, joined to the
 * previous count by "and", "or", a comma or a semicolon, counts the same thing.
 */
function inheritNouns(tokens: Token[], drafts: Draft[]): void {
  for (let n = 1; n < drafts.length; n++) {
    const d = drafts[n];
    const prev = drafts[n - 1];
    if (d.kind !== 'count' || d.noun !== null || prev.kind !== 'count' || prev.noun === null) continue;
    if (d.first - prev.last > 10) continue;
    const joiner = tokens[d.first - 1]?.lower ?? '';
    if (!['and', 'or', ',', ';', 'while', 'but'].includes(joiner)) continue;
    d.noun = prev.noun;
    d.context = [...new Set([...prev.context, ...d.context])];
  }
}
