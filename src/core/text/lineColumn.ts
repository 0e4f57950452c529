/**
 * 1-based line and column of an offset, for messages a terminal or editor can jump to
 * ("draft.md:12:40"). Columns count UTF-16 code units, as the offsets and VS Code do.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** Offset of the start of a 1-based line (the text's end for a line past it). */
  lineStart(line: number): number | null {
    return line >= 1 && line <= this.starts.length ? this.starts[line - 1] : null;
  }
}
