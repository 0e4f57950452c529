/**
 * Builds a reader's `text` one block (paragraph, heading, list item, table row) at a time,
 * with the raw offset of every character, in the shape `ReadResult` wants: one block per
 * line, markup gone, line breaks inside a block read as spaces.
 */

/** Offset of a character that stands for nothing in the raw file (a `<br>`, a cell border). */
export const SYNTHETIC = -1;

/** The white space HTML collapses (not NBSP); Markdown's line ends and indentation too. */
function isAsciiSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
}

export interface BlockText {
  text: string;
  toRaw: Int32Array;
  /** Each block's text, in order, for callers that want the first heading or a length. */
  blocks: string[];
}

export class BlockTextBuilder {
  private chars: string[] = [];
  private offs: number[] = [];
  private readonly lines: string[] = [];
  private readonly lineOffs: number[][] = [];

  /** Appends characters with their raw offsets (SYNTHETIC where there is none). */
  push(text: string, offsets: ArrayLike<number>): void {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]);
      this.offs.push(offsets[i]);
    }
  }

  /** A separator inside a block: `' '` for a line break, `'\t'` between table cells. */
  pushSeparator(ch: ' ' | '\t', offset = SYNTHETIC): void {
    this.chars.push(ch);
    this.offs.push(offset);
  }

  /** Closes the current block; a block with nothing but white space is dropped. */
  endBlock(): string {
    const { chars, offs } = this;
    this.chars = [];
    this.offs = [];
    const outChars: string[] = [];
    const outOffs: number[] = [];
    let i = 0;
    while (i < chars.length) {
      if (!isAsciiSpace(chars[i])) {
        outChars.push(chars[i]);
        outOffs.push(offs[i]);
        i++;
        continue;
      }
      // Runs of white space read as one, as a browser or a Markdown renderer shows them;
      // a run holding a cell border stays a tab so that table cells do not run together.
      let j = i;
      let tab = false;
      while (j < chars.length && isAsciiSpace(chars[j])) {
        if (chars[j] === '\t' && offs[j] === SYNTHETIC) tab = true;
        j++;
      }
      outChars.push(tab ? '\t' : ' ');
      outOffs.push(firstReal(offs, i, j));
      i = j;
    }
    let start = 0;
    let end = outChars.length;
    while (start < end && /\s/.test(outChars[start])) start++;
    while (end > start && /\s/.test(outChars[end - 1])) end--;
    const line = outChars.slice(start, end).join('');
    if (line) {
      this.lines.push(line);
      this.lineOffs.push(resolveSynthetic(outOffs.slice(start, end)));
    }
    return line;
  }

  finish(rawLength: number): BlockText {
    const total = this.lines.reduce((n, l) => n + l.length, 0) + Math.max(0, this.lines.length - 1);
    const toRaw = new Int32Array(total + 1);
    let k = 0;
    let last = -1;
    this.lineOffs.forEach((offs, n) => {
      if (n > 0) toRaw[k++] = Math.min(rawLength, last + 1); // the newline: end of the previous block
      for (const o of offs) toRaw[k++] = o;
      last = offs[offs.length - 1];
    });
    toRaw[k] = this.lines.length ? Math.min(rawLength, last + 1) : rawLength;
    return { text: this.lines.join('\n'), toRaw, blocks: [...this.lines] };
  }
}

function firstReal(offs: number[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (offs[i] !== SYNTHETIC) return offs[i];
  return SYNTHETIC;
}

/** Synthetic characters point just after the character before them (or at the next one). */
function resolveSynthetic(offs: number[]): number[] {
  const out = offs.slice();
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== SYNTHETIC) continue;
    if (i > 0) out[i] = out[i - 1] + 1;
    else {
      const next = out.find((o) => o !== SYNTHETIC);
      out[i] = next ?? 0;
    }
  }
  return out;
}
