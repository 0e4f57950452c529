/**
 * Text edits in the shape a `WorkspaceEdit` takes: offsets in UTF-16 code units into the
 * text the edit was computed for. Edits of one plan never overlap, so they can be applied
 * together as one undo step; an edit is only valid for the exact text it was computed on.
 */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies non-overlapping edits (in any order) and returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new Error('overlapping edits');
  }
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end > text.length || e.start > e.end) throw new Error('edit out of range');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * The smallest edit that turns `text.slice(start, end)` into `newText`: the common prefix
 * and suffix are left alone, so a fix that changes one word touches only that word (and an
 * editor keeps the cursor, folding and marks around it). Never splits a surrogate pair.
 */
export function minimalEdit(text: string, start: number, end: number, newText: string): TextEdit {
  const old = text.slice(start, end);
  let p = 0;
  const max = Math.min(old.length, newText.length);
  while (p < max && old[p] === newText[p]) p++;
  if (p > 0 && isHighSurrogate(old.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && old[old.length - 1 - s] === newText[newText.length - 1 - s]) s++;
  if (s > 0 && isLowSurrogate(old.charCodeAt(old.length - s))) s--;
  return { start: start + p, end: end - s, newText: newText.slice(p, newText.length - s) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
