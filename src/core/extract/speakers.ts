import { attributionAccording, attributionAfter, attributionBefore, subjectOfSpeech } from './quoteAttribution';
import type { RawQuote } from './quotePairs';
import { previousContentBlock, type Attribution, type SpeakerContext } from './speakerContext';

/**
 * Who said each quotation, trying the closest evidence first:
 *
 * 1. an attribution right after it (“…,” said X / “…,” X said) or before it in its sentence
 *    (X said: “…” / X called the veto “…”);
 * 2. another quotation of the same sentence that has one (‘…’ for ‘…’ ‘…,’ said X);
 * 3. "according to X" in the sentence;
 * 4. the pieces of a multi-paragraph quotation share their speaker;
 * 5. an earlier quotation of the same paragraph ("Adding that “…”");
 * 6. a paragraph that opens with a quotation and says nobody continues the speaker of the
 *    last quotation of the paragraph before, or of a paragraph before it ending in "said:".
 */
export function assignSpeakers(ctx: SpeakerContext): Array<Attribution | null> {
  const quotes = ctx.quotes;
  const touched = quotes.map((q) => sentencesOf(ctx, q));
  const direct = quotes.map((q) => attributionAfter(ctx, q) ?? attributionBefore(ctx, q));
  const found = direct.map((a, i) => a ?? shareSentence(quotes, touched, direct, i));
  quotes.forEach((_, i) => {
    for (const s of touched[i]) found[i] ??= attributionAccording(ctx, ctx.doc.sentences[s]);
  });
  shareChains(quotes, found);
  quotes.forEach((q, i) => {
    if (found[i]) return;
    found[i] = sameParagraph(ctx, found, i) ?? continuedParagraph(ctx, found, q);
  });
  shareChains(quotes, found);
  return found;
}

function sentencesOf(ctx: SpeakerContext, q: RawQuote): number[] {
  const out: number[] = [];
  for (let s = ctx.sentenceAt(q.outerStart).index; s < ctx.doc.sentences.length; s++) {
    if (ctx.doc.sentences[s].start >= q.outerEnd) break;
    out.push(s);
  }
  return out;
}

/** The nearest quotation sharing a sentence that has its own attribution. */
function shareSentence(quotes: RawQuote[], touched: number[][], direct: Array<Attribution | null>, i: number): Attribution | null {
  let best: Attribution | null = null;
  let distance = Infinity;
  quotes.forEach((q, j) => {
    const a = direct[j];
    if (!a || j === i || !touched[j].some((s) => touched[i].includes(s))) return;
    const d = Math.abs(q.start - quotes[i].start);
    if (d < distance) [best, distance] = [a, d];
  });
  return best;
}

function shareChains(quotes: RawQuote[], found: Array<Attribution | null>): void {
  const byChain = new Map<number, Attribution>();
  quotes.forEach((q, i) => {
    const a = found[i];
    if (q.chain >= 0 && a && !byChain.has(q.chain)) byChain.set(q.chain, a);
  });
  quotes.forEach((q, i) => {
    if (q.chain >= 0 && !found[i]) found[i] = elsewhere(byChain.get(q.chain) ?? null);
  });
}

function sameParagraph(ctx: SpeakerContext, found: Array<Attribution | null>, i: number): Attribution | null {
  const quotes = ctx.quotes;
  for (let j = i - 1; j >= 0 && quotes[j].block === quotes[i].block; j--) {
    const a = found[j];
    if (a) return otherPersonBetween(ctx, a, quotes[j].outerEnd, quotes[i].outerStart) ? null : a;
  }
  return null;
}

/** Someone else named between two quotations is probably the second one's speaker. */
function otherPersonBetween(ctx: SpeakerContext, a: Attribution, from: number, to: number): boolean {
  return ctx.persons.some((p) => p.start >= from && p.end <= to && p.full !== a.speaker);
}

function continuedParagraph(ctx: SpeakerContext, found: Array<Attribution | null>, q: RawQuote): Attribution | null {
  const block = ctx.doc.blocks[q.block];
  if (ctx.doc.norm.slice(block.start, q.outerStart).trim() !== '') return null;
  const previous = previousContentBlock(ctx, q.block);
  if (previous < 0) return null;
  for (let j = ctx.quotes.length - 1; j >= 0; j--) {
    const a = found[j];
    if (ctx.quotes[j].block !== previous || !a) continue;
    return otherPersonBetween(ctx, a, ctx.quotes[j].outerEnd, q.outerStart) ? null : elsewhere(a);
  }
  const prev = ctx.doc.blocks[previous];
  if (!/:\s*$/.test(ctx.doc.norm.slice(prev.start, prev.end))) return null;
  return subjectOfSpeech(ctx, ctx.sentenceAt(prev.end - 1).start, prev.end);
}

/** The speaker phrase of another paragraph is not shown as this quotation's. */
function elsewhere(a: Attribution | null): Attribution | null {
  return a && { ...a, span: null };
}
