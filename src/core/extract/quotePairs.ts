import type { Range } from '../types';
import { classifyMarks, closes, type Family, type Mark } from './quoteMarks';

/**
 * Pairs quote marks into quotations, paragraph by paragraph.
 *
 * - Only top-level quotations are returned; a quotation inside a quotation (‘…’ inside “…”)
 *   stays part of the outer quotation's text, because the outer speaker is the one quoting.
 * - A closer may close an outer quotation through an unclosed inner one (`“… ‘stray …”`).
 * - A paragraph never runs into the next one, so an unclosed mark cannot swallow the rest of
 *   the document. At the end of a paragraph an open quotation is, in this order:
 *   1. continued, when the next paragraph opens with a mark of the same family (the newspaper
 *      convention for multi-paragraph quotes): the piece up to the paragraph end is returned
 *      and the pieces share a `chain` id;
 *   2. closed at its last weak closer (a plural possessive that was a closing mark after all);
 *   3. kept up to the paragraph end when its mark opens speech (at the paragraph start or after
 *      `:`, `,` or a sentence end) — a closing mark was forgotten;
 *   4. otherwise dropped as a stray mark; quotations closed inside it are then returned.
 */
export interface RawQuote {
  /** The quoted words, without marks and surrounding white space. */
  start: number;
  end: number;
  /** The quotation with its marks (up to the paragraph end when it is not closed). */
  outerStart: number;
  outerEnd: number;
  block: number;
  /** Shared by the pieces of one multi-paragraph quotation; -1 otherwise. */
  chain: number;
  /** False when no mark closed the quotation in its paragraph. */
  closed: boolean;
}

interface Frame {
  opener: Mark;
  /** Positions of weak closers seen while open. */
  weak: number[];
  /** Quotations closed inside this one, kept in case this one proves to be a stray mark. */
  children: RawQuote[];
  chain: number;
}

interface Pending {
  block: number;
  family: Family;
  chain: number;
}

/** `skip(b)` tells blocks to leave out (boilerplate); they do not break a multi-paragraph quote. */
export function pairQuotes(text: string, blocks: Range[], skip: (block: number) => boolean): RawQuote[] {
  const marks = blocks.map((b, i) => (skip(i) ? [] : classifyMarks(text, b.start, b.end)));
  const out: RawQuote[] = [];
  let pending: Pending | null = null;
  let nextChain = 0;
  for (let b = 0; b < blocks.length; b++) {
    if (skip(b)) continue;
    const carried: Pending | null = pending?.block === b ? pending : null;
    pending = null;
    const next = nextBlock(blocks, b, skip);
    const continuesInto = (family: Family): boolean => next >= 0 && opensBlock(marks[next], blocks[next], text, family);
    const block = { index: b, range: blocks[b] };
    const result = scanBlock(text, block, marks[b], carried, continuesInto, () => nextChain++);
    out.push(...result.quotes);
    if (result.open) pending = { block: next, family: result.open.family, chain: result.open.chain };
  }
  return out.sort((a, b) => a.start - b.start);
}

function scanBlock(
  text: string,
  block: { index: number; range: Range },
  marks: Mark[],
  carried: Pending | null,
  continuesInto: (family: Family) => boolean,
  newChain: () => number,
): { quotes: RawQuote[]; open: { family: Family; chain: number } | null } {
  const quotes: RawQuote[] = [];
  const stack: Frame[] = [];
  const firstChar = skipSpace(text, block.range.start, block.range.end);
  const finish = (frame: Frame, closeAt: number, closed: boolean): void => {
    const q = makeQuote(text, frame, closeAt, block, closed);
    if (!q) return;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(q);
    else quotes.push(q);
  };

  for (const m of marks) {
    if (m.close) {
      const idx = findLastIndex(stack, (f) => closes(f.opener, m));
      if (idx >= 0 && m.weak) {
        stack[idx].weak.push(m.pos);
        continue;
      }
      if (idx >= 0) {
        const frame = stack.splice(idx)[0];
        finish(frame, m.pos, true);
        continue;
      }
    }
    if (!m.open) continue;
    const top = stack[stack.length - 1];
    // A new opener of the family of the open quotation: the open one ended at a weak closer.
    if (top && top.opener.family === m.family && top.weak.length > 0) {
      stack.pop();
      finish(top, top.weak[top.weak.length - 1], true);
    }
    const chain = carried && m.pos === firstChar && m.family === carried.family ? carried.chain : -1;
    stack.push({ opener: m, weak: [], children: [], chain });
  }

  // Inner quotations left open: closed at a weak closer, or dissolved into the outer one.
  while (stack.length > 1) {
    const f = stack.pop() as Frame;
    if (f.weak.length > 0) finish(f, f.weak[f.weak.length - 1], true);
    else stack[stack.length - 1].children.push(...f.children);
  }
  const bottom = stack.pop();
  if (!bottom) return { quotes, open: null };
  if (continuesInto(bottom.opener.family)) {
    const chain = bottom.chain >= 0 ? bottom.chain : newChain();
    bottom.chain = chain;
    finish(bottom, block.range.end, false);
    return { quotes, open: { family: bottom.opener.family, chain } };
  }
  if (bottom.weak.length > 0) finish(bottom, bottom.weak[bottom.weak.length - 1], true);
  else if (bottom.chain >= 0 || opensSpeech(text, bottom.opener.pos, block.range.start)) {
    finish(bottom, block.range.end, false);
  } else quotes.push(...bottom.children);
  return { quotes, open: null };
}

function makeQuote(
  text: string,
  frame: Frame,
  closeAt: number,
  block: { index: number; range: Range },
  closed: boolean,
): RawQuote | null {
  let start = frame.opener.pos + 1;
  let end = closeAt;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  const outerEnd = closed ? closeAt + 1 : block.range.end;
  return { start, end, outerStart: frame.opener.pos, outerEnd, block: block.index, chain: frame.chain, closed };
}

/** Whether a block starts with an opening mark of `family`. */
function opensBlock(marks: Mark[], range: Range, text: string, family: Family): boolean {
  const first = marks[0];
  return !!first && first.open && first.family === family && first.pos === skipSpace(text, range.start, range.end);
}

/** An opening mark at the paragraph start, after `:` `,` `;` a dash or a sentence end opens speech. */
function opensSpeech(text: string, pos: number, blockStart: number): boolean {
  let i = pos - 1;
  while (i >= blockStart && /\s/.test(text[i])) i--;
  return i < blockStart || /[:,;.!?—–]/.test(text[i]);
}

function nextBlock(blocks: Range[], b: number, skip: (block: number) => boolean): number {
  for (let i = b + 1; i < blocks.length; i++) if (!skip(i)) return i;
  return -1;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
