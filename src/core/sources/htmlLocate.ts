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
  const anchors = findAnchors(S, wholes);

  const placements: Placement[] = [];
  let unlocated = 0;
  let cursor = 0;
  let placedAny = false;
  blocks.forEach((_, b) => {
    const whole = wholes[b];
    let at = anchors[b];
    if (at < 0 && whole) at = findBetween(S, whole, cursor, nextAnchor(anchors, b, S.length), placedAny);
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
      let q = S.indexOf(c, cursor);
      if (q < 0) q = S.indexOf(c);
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
function findAnchors(S: string, wholes: string[]): number[] {
  let lastEnd = 0;
  return wholes.map((w) => {
    if (w.length < MIN_ANCHOR) return -1;
    const p = S.indexOf(w);
    if (p < 0 || p < lastEnd || S.indexOf(w, p + 1) >= 0) return -1;
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
function findBetween(S: string, w: string, from: number, to: number, placedAny: boolean): number {
  if (!placedAny) {
    const last = S.lastIndexOf(w, to - w.length);
    if (last >= from) return last;
  }
  const p = S.indexOf(w, from);
  if (p >= 0) return p;
  return S.indexOf(w);
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
