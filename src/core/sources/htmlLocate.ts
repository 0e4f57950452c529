import type { HtmlBlock } from './htmlDom';
import { compactText, isWhite, type HtmlTextIndex } from './htmlText';
import { SYNTHETIC } from './blockText';

/**
 * Finding the article's blocks (taken from a DOM, which has no source positions) in the
 * raw HTML's text index. Matching ignores white space, which the DOM and the article
 * extractor lay out differently from the file. Blocks that occur once on the page are
 * anchors; the rest are looked for between the anchors around them, so that a headline
 * repeated in a navigation bar or a teaser is not taken for the one in the article.
 */

/** Compact position of each piece's first character; -1 when the piece was not found. */
export type Placement = number[];

export interface Located {
  placements: Placement[];
  /** Pieces of text that could not be found. */
  unlocated: number;
}

/** Shorter blocks ("Advertisement", "Share") are too common on a page to anchor anything. */
const MIN_ANCHOR = 24;

export function locateBlocks(index: HtmlTextIndex, blocks: HtmlBlock[]): Located {
  const S = index.compact;
  const pieceCompacts = blocks.map((b) => b.pieces.map((p) => ('text' in p ? compactText(p.text) : '')));
  const wholes = pieceCompacts.map((cs) => cs.join(''));
  const anchors = findAnchors(index, wholes);

  const placements: Placement[] = [];
  let unlocated = 0;
  let cursor = 0;
  let placedAny = false;
  blocks.forEach((_, b) => {
    const whole = wholes[b];
    let at = anchors[b];
    if (at < 0 && whole) at = findBetween(index, whole, cursor, nextAnchor(anchors, b, S.length), placedAny);
    if (at >= 0) {
      const starts: number[] = [];
      let k = at;
      for (const c of pieceCompacts[b]) {
        starts.push(c ? k : -1);
        k += c.length;
      }
      placements.push(starts);
      cursor = Math.max(cursor, k);
      placedAny = true;
      return;
    }
    // The block as a whole is not on the page (an element inside it was removed by the
    // extractor): place its text nodes one by one.
    const starts = pieceCompacts[b].map((c) => {
      if (!c) return -1;
      let q = indexOfWhole(index, c, cursor);
      if (q < 0) q = indexOfWhole(index, c, 0);
      if (q < 0) {
        unlocated++;
        return -1;
      }
      cursor = Math.max(cursor, q + c.length);
      placedAny = true;
      return q;
    });
    placements.push(starts);
  });
  return { placements, unlocated };
}

/** Blocks whose text occurs exactly once, kept only while they come in page order. */
function findAnchors(index: HtmlTextIndex, wholes: string[]): number[] {
  let lastEnd = 0;
  return wholes.map((w) => {
    if (w.length < MIN_ANCHOR) return -1;
    const p = indexOfWhole(index, w, 0);
    if (p < 0 || p < lastEnd || indexOfWhole(index, w, p + 1) >= 0) return -1;
    lastEnd = p + w.length;
    return p;
  });
}

function nextAnchor(anchors: number[], b: number, fallback: number): number {
  for (let k = b + 1; k < anchors.length; k++) if (anchors[k] >= 0) return anchors[k];
  return fallback;
}

/**
 * Before anything is placed, the occurrence nearest the next anchor is the article's (the
 * earlier ones are navigation and teasers); after that, the first one after the cursor.
 */
function findBetween(index: HtmlTextIndex, w: string, from: number, to: number, placedAny: boolean): number {
  if (!placedAny) {
    const last = lastIndexOfWhole(index, w, to - w.length);
    if (last >= from) return last;
  }
  const p = indexOfWhole(index, w, from);
  if (p >= 0) return p;
  return indexOfWhole(index, w, 0);
}

/**
 * `S.indexOf(w, from)` in the page's compact text for a match that does not cut a character
 * of the page in two: a piece that starts with a lone low surrogate (or ends with a lone high
 * one) must not be placed on half of a pair, nor one that starts with a combining mark on the
 * mark of a letter ("́" on the accent of "ŕ"), or the source's offsets would split them.
 */
function indexOfWhole(index: HtmlTextIndex, w: string, from: number): number {
  const S = index.compact;
  for (let p = S.indexOf(w, from); p >= 0; p = S.indexOf(w, p + 1)) if (wholeAt(index, p, w.length)) return p;
  return -1;
}

function lastIndexOfWhole(index: HtmlTextIndex, w: string, before: number): number {
  if (before < 0) return -1;
  const S = index.compact;
  for (let p = S.lastIndexOf(w, before); p >= 0; p = p > 0 ? S.lastIndexOf(w, p - 1) : -1) if (wholeAt(index, p, w.length)) return p;
  return -1;
}

function wholeAt(index: HtmlTextIndex, p: number, n: number): boolean {
  const S = index.compact;
  return !splitsPair(S, p) && !splitsPair(S, p + n) && !splitsCluster(index, p) && !splitsCluster(index, p + n);
}

/** Whether compact position `i` holds a combining mark joined to the character before it. */
function splitsCluster(index: HtmlTextIndex, i: number): boolean {
  if (i <= 0 || i >= index.compact.length || !COMBINING.test(index.compact[i])) return false;
  const t = index.compactToText[i];
  return t > 0 && !isWhite(index.text[t - 1]);
}

const COMBINING = /^\p{M}$/u;

function splitsPair(S: string, i: number): boolean {
  const hi = S.charCodeAt(i - 1);
  const lo = S.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** The characters of one block with their raw offsets, ready for the block-text builder. */
export function blockChars(
  index: HtmlTextIndex,
  block: HtmlBlock,
  starts: Placement,
): Array<{ text: string; offsets: number[] } | { sep: ' ' | '\t' }> {
  const out: Array<{ text: string; offsets: number[] } | { sep: ' ' | '\t' }> = [];
  let lastText = -1; // index in `index.text` of the last placed character
  block.pieces.forEach((piece, n) => {
    if ('sep' in piece) {
      out.push(piece);
      return;
    }
    let k = starts[n];
    const offsets: number[] = [];
    // Code units, like the index: a surrogate pair is two compact characters there too.
    for (let u = 0; u < piece.text.length; u++) {
      if (isWhite(piece.text[u])) offsets.push(whiteAfter(index, lastText));
      else if (k < 0) offsets.push(SYNTHETIC);
      else {
        lastText = index.compactToText[k++];
        offsets.push(index.start[lastText]);
      }
    }
    out.push({ text: piece.text, offsets });
  });
  return out;
}

/** White space after a placed character sits where the page has white space, or just past it. */
function whiteAfter(index: HtmlTextIndex, t: number): number {
  if (t < 0) return SYNTHETIC;
  if (t + 1 < index.text.length && isWhite(index.text[t + 1])) return index.start[t + 1];
  return index.end[t];
}
