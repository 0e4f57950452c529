import type { Range } from '../types';

/**
 * Splits text into blocks (paragraphs). Text from the web usually has one paragraph per
 * line; hard-wrapped text (e-mail, plain-text wires) has paragraphs of several short lines
 * separated by blank lines. The choice is made per document from its line lengths.
 */
export function splitBlocks(text: string): Range[] {
  const lines: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  const hardWrapped = looksHardWrapped(text, lines);
  const blocks: Range[] = [];
  let open: Range | null = null;
  for (const line of lines) {
    const t = trim(text, line);
    if (t.end <= t.start) {
      if (open) blocks.push(open);
      open = null;
      continue;
    }
    if (!hardWrapped) {
      blocks.push(t);
      continue;
    }
    open = open ? { start: open.start, end: t.end } : t;
  }
  if (open) blocks.push(open);
  return blocks;
}

function looksHardWrapped(text: string, lines: Range[]): boolean {
  const trimmed = lines.map((l) => trim(text, l));
  const nonEmpty = trimmed.filter((l) => l.end > l.start);
  if (nonEmpty.length < 6 || nonEmpty.length === trimmed.length) return false; // no blank lines: one paragraph per line
  const lengths = nonEmpty.map((l) => l.end - l.start).sort((a, b) => a - b);
  const wrapWidth = lengths[Math.floor(lengths.length * 0.9)];
  if (wrapWidth > 100 || lengths[lengths.length - 1] > 120) return false;
  // A wrapped line is close to the wrap width, ends mid-sentence and is followed by another line.
  let followed = 0;
  let wrapped = 0;
  for (let i = 0; i + 1 < trimmed.length; i++) {
    const a = trimmed[i];
    const b = trimmed[i + 1];
    if (a.end <= a.start || b.end <= b.start) continue;
    followed++;
    if (a.end - a.start >= wrapWidth * 0.65 && !/[.!?:”"]$/.test(text.slice(a.start, a.end))) wrapped++;
  }
  return followed >= 3 && wrapped / followed > 0.6;
}

function trim(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

