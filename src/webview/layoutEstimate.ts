/**
 * Lines a text will take in a cell `charsPerLine` wide, as drawn with `white-space: pre-line`
 * (each newline starts a line; an empty line still takes one). Words wrap whole, so a line
 * holds a little less than its width: the estimate leaves 8% for that.
 */
export function estimateLines(text: string, charsPerLine: number): number {
  const width = Math.max(1, Math.floor(charsPerLine * 0.92));
  let lines = 0;
  for (const line of text.trim().split('\n')) lines += Math.max(1, Math.ceil(line.trim().replace(/\s+/g, ' ').length / width));
  return lines;
}
