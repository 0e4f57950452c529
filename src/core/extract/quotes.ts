import type { Doc, Quote } from '../types';
import { pairQuotes } from './quotePairs';
import { buildContext, isFurniture, sentenceAt } from './speakerContext';
import type { NameHint } from './speakerNames';
import { assignSpeakers } from './speakers';

export type { NameHint } from './speakerNames';

/**
 * Quotations in a document, with their speakers.
 *
 * Spans: `start`/`end` cover the quoted words without the marks (and without white space
 * just inside them, as in « … »), so `text === doc.norm.slice(start, end)`; punctuation
 * inside the marks stays ("a guilty plea."). `outer` includes the marks.
 *
 * Quote styles: “…” "…" ‘…’ '…' «…» »…« ‹…› „…“ „…” ‚…‘. Apostrophes are told from single
 * quote marks by their neighbours (see `quoteMarks.ts`); a quotation inside a quotation is
 * part of the outer one and not returned on its own.
 *
 * Multi-paragraph quotations (a paragraph opens a quotation without closing it and the next
 * paragraph opens again with a mark) are returned as one `Quote` per paragraph, each with
 * `multiParagraph: true` and the same speaker, because a span must be one contiguous slice
 * and the marks between paragraphs are not quoted words. An unclosed mark never reaches
 * past its paragraph (see `quotePairs.ts`).
 *
 * Speakers (see `speakers.ts`): `speaker` is the name as written in the source, with titles
 * stripped and a surname or "he"/"she" resolved to the fullest form of the name in the
 * document; bodies are kept as written ("South Korea’s foreign ministry"). `speakerSpan` is
 * the phrase near the quotation that names the speaker ("Woodward" for "Barbara Woodward");
 * it is null when the speaker came from a pronoun or a neighbouring paragraph.
 *
 * People are found with the names extractor's mentions when `names` is given (kind
 * "person", with `resolvedTo` for short forms), and with a small local heuristic otherwise
 * (see `speakerNames.ts`).
 *
 * Quotations whose opening mark is in boilerplate or a photo caption are left out.
 */
export function extractQuotes(doc: Doc, names?: NameHint[]): Quote[] {
  if (!doc.sentences.length) return [];
  // A block is furniture when it has sentences and all are furniture (one pass: a long source has thousands of blocks).
  const blockSentences = new Array<number>(doc.blocks.length).fill(0);
  const blockContent = new Array<boolean>(doc.blocks.length).fill(false);
  for (const s of doc.sentences) {
    blockSentences[s.block]++;
    if (!isFurniture(s)) blockContent[s.block] = true;
  }
  const furnitureBlocks = doc.blocks.map((_, b) => blockSentences[b] > 0 && !blockContent[b]);
  const raw = pairQuotes(doc.norm, doc.blocks, (b) => furnitureBlocks[b]);
  const contentBlocks = doc.blocks.map((_, b) => b).filter((b) => !furnitureBlocks[b]);
  const ctx = buildContext(doc, raw, contentBlocks, names);
  const speakers = assignSpeakers(ctx);
  const out: Quote[] = [];
  raw.forEach((q, i) => {
    if (isFurniture(ctx.sentenceAt(q.outerStart))) return;
    const text = doc.norm.slice(q.start, q.end);
    const sentences = sentencesOverlapping(doc, q.outerStart, q.outerEnd);
    const who = speakers[i];
    out.push({
      source: doc.id,
      start: q.start,
      end: q.end,
      text,
      sentences,
      outer: { start: q.outerStart, end: q.outerEnd },
      speaker: who?.speaker ?? null,
      speakerSpan: who?.span ?? null,
      multiParagraph: q.chain >= 0,
      short: wordCount(text) <= 2,
    });
  });
  return out;
}

/** Indices of the sentences that overlap [start, end), from the one `sentenceAt` finds for `start`. */
function sentencesOverlapping(doc: Doc, start: number, end: number): number[] {
  const ss = doc.sentences;
  const out: number[] = [];
  for (let i = sentenceAt(ss, start).index; i < ss.length && ss[i].start < end; i++) if (start < ss[i].end) out.push(ss[i].index);
  return out;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
}
