/**
 * Lines a text will take in a cell `charsPerLine` wide, as drawn with `white-space: pre-line`
 * (each newline starts a line; an empty line still takes one). Words wrap whole, so a line
 * holds a little less than its width: the estimate leaves 8% for that.
 */
export function estimateLines(text: string, charsPerLine: number): number {
  return estimateLinesIn(text, 0, text.length, charsPerLine);
}

/**
 * `estimateLines(text.slice(start, end), charsPerLine)` without the copies: the panel
 * estimates every row of a model up front (thousands of cells), so this walks the text once.
 * Each line counts its characters with the ends trimmed and every run of white space as one,
 * white space being what `String.prototype.trim` and `\s` take.
 */
export function estimateLinesIn(text: string, start: number, end: number, charsPerLine: number): number {
  const width = Math.max(1, Math.floor(charsPerLine * 0.92));
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let lines = 0;
  let length = 0;
  let gap = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines += Math.max(1, Math.ceil(length / width));
      length = 0;
      gap = false;
    } else if (isSpace(c)) {
      gap = length > 0;
    } else {
      if (gap) length++;
      gap = false;
      length++;
    }
  }
  return lines + Math.max(1, Math.ceil(length / width));
}

/** ECMAScript white space and line terminators (what `trim` removes and `\s` matches). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
