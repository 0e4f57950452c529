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
  const nonEmpty = lines.filter((l) => trim(text, l).end > trim(text, l).start);
  if (nonEmpty.length < 6) return false;
  const lengths = nonEmpty.map((l) => l.end - l.start).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  const max = lengths[lengths.length - 1];
  if (median > 90 || max > 110) return false;
  // Most lines end mid-sentence and are followed by another non-empty line.
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = trim(text, lines[i]);
    const b = trim(text, lines[i + 1]);
    if (a.end > a.start && b.end > b.start && !/[.!?:”"]$/.test(text.slice(a.start, a.end))) continued++;
  }
  return continued / nonEmpty.length > 0.4;
}

function trim(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

