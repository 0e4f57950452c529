/**
 * Just enough terminal typography for the compare report: ANSI styles that vanish when
 * colour is off, and width-aware wrapping and truncation. Widths are measured on plain
 * text, before styling, so escape codes never count as columns.
 */

export type Paint = (s: string) => string;

export interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
  heading: Paint;
}

const sgr = (open: string, close: string): Paint => (s) => (s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const plain: Paint = (s) => s;

export function palette(color: boolean): Palette {
  if (!color) {
    return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain, heading: plain };
  }
  const bold = sgr('1', '22');
  return {
    bold,
    dim: sgr('2', '22'),
    red: sgr('31', '39'),
    green: sgr('32', '39'),
    yellow: sgr('33', '39'),
    cyan: sgr('36', '39'),
    heading: (s) => bold(sgr('4', '24')(s)),
  };
}

// Wide (two-column) ranges: CJK, Hangul, fullwidth forms, most emoji. Good enough for
// laying out a report; an exact wcwidth is not worth a dependency here.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\p{M}\u200b-\u200f\u2060\ufeff]/u;

function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** The longest prefix of `s` that fits in `width` columns. */
function takeColumns(s: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    w += charWidth(ch);
    if (w > width) break;
    out += ch;
  }
  return out;
}

/** At most `width` columns; cut at a word boundary when one is near, and marked with "…". */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 1) return '…'.slice(0, width);
  let out = takeColumns(s, width - 1);
  // Prefer ending on a whole word, unless that would throw away most of the line.
  const space = out.lastIndexOf(' ');
  if (space > out.length * 0.7) out = out.slice(0, space);
  return `${out.trimEnd()}…`;
}

/** Greedy word wrap into lines of at most `width` columns; over-long words are split. */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (displayWidth(rest) > width) {
      if (line) { lines.push(line); line = ''; }
      const head = takeColumns(rest, width) || [...rest][0]!;
      lines.push(head);
      rest = rest.slice(head.length);
    }
    if (!line) line = rest;
    else if (displayWidth(line) + 1 + displayWidth(rest) <= width) line += ` ${rest}`;
    else { lines.push(line); line = rest; }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
