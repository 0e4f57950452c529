import type { Doc, Range, Sentence } from '../types';
import type { RawQuote } from './quotePairs';
import { findPersons, type NameHint, type PersonMention } from './speakerNames';

/** What speaker attribution needs to know about a document and its quotations. */
export interface SpeakerContext {
  doc: Doc;
  /** `doc.norm` with the quoted words replaced by `_`, so that nothing said inside a quotation reads as attribution. */
  masked: string;
  quotes: RawQuote[];
  /** People named outside quotations, in document order. */
  persons: PersonMention[];
  /** Block indices that carry article text, in order. */
  contentBlocks: number[];
  sentenceAt(pos: number): Sentence;
}

/** A speaker found for a quotation, and how it was found. */
export interface Attribution {
  speaker: string;
  /** The phrase near the quotation that names the speaker; null when resolved from "he"/"she". */
  span: Range | null;
  kind: 'person' | 'pronoun' | 'role' | 'group';
}

export function isFurniture(s: Sentence): boolean {
  return s.boilerplate || (s as { caption?: boolean }).caption === true;
}

export function buildContext(doc: Doc, quotes: RawQuote[], contentBlocks: number[], names?: NameHint[]): SpeakerContext {
  const chars = doc.norm.split('');
  for (const q of quotes) for (let i = q.start; i < q.end; i++) if (chars[i] !== '\n') chars[i] = '_';
  const masked = chars.join('');
  const ranges = contentBlocks.map((b) => doc.blocks[b]);
  const inQuote = (m: Range): boolean => quotes.some((q) => m.start < q.end && q.start < m.end);
  const persons = findPersons(doc.norm, ranges, names).filter((m) => !inQuote(m) && !inFurniture(doc, m.start));
  return { doc, masked, quotes, persons, contentBlocks, sentenceAt: (pos) => sentenceAt(doc.sentences, pos) };
}

function inFurniture(doc: Doc, pos: number): boolean {
  return isFurniture(sentenceAt(doc.sentences, pos));
}

/** The sentence containing `pos`, or the last one starting before it. */
export function sentenceAt(sentences: Sentence[], pos: number): Sentence {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo];
}

/** The content block before `block`, or -1. */
export function previousContentBlock(ctx: SpeakerContext, block: number): number {
  const i = ctx.contentBlocks.indexOf(block);
  return i > 0 ? ctx.contentBlocks[i - 1] : -1;
}
