import type { TextEdit } from './textEdit';
import { stringifyCsl, type CslItem } from './cslJson';

/**
 * Reads a CSL-JSON bibliography: a list of entries (the form pandoc and Zotero write), or
 * an object with an `items` list. Throws with a message when the text is not one.
 */
export function parseBibliography(text: string): CslItem[] {
  if (!text.trim()) return [];
  const data: unknown = JSON.parse(text);
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : null;
  if (!list) throw new Error('a CSL-JSON bibliography is a list of entries');
  return list.filter((x): x is CslItem => !!x && typeof x === 'object' && typeof (x as CslItem).id === 'string');
}

/**
 * The edit that adds an entry to a bibliography file without rewriting it: inserted before
 * the closing bracket of the list, indented like the entries already there. An empty or
 * missing file becomes a list of one entry.
 */
export function bibliographyEdit(text: string, item: CslItem): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const close = listEnd(text);
  if (close < 0) return { start: 0, end: text.length, newText: `[${eol}${indent(item, '  ', eol)}${eol}]${eol}` };
  const open = text.lastIndexOf('[', close);
  const inner = text.slice(open + 1, close);
  const pad = inner.match(/\n([ \t]+)\{/)?.[1] ?? '  ';
  // An empty list gets the entry on lines of its own, in place of the white space in it.
  if (inner.trim() === '') return { start: open + 1, end: close, newText: `${eol}${indent(item, pad, eol)}${eol}` };
  // After the last entry: keep whatever white space closed it, and put ours after a comma.
  let at = close;
  while (at > open + 1 && /\s/.test(text[at - 1])) at--;
  return { start: at, end: at, newText: `,${eol}${indent(item, pad, eol)}` };
}

/** Offset of the `]` that closes the top-level list (or the `items` list). */
function listEnd(text: string): number {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith(']')) return trimmed.length - 1;
  if (trimmed.endsWith('}')) {
    const items = text.search(/"items"\s*:\s*\[/);
    if (items >= 0) return matchingBracket(text, text.indexOf('[', items));
  }
  return -1;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function indent(item: CslItem, pad: string, eol: string): string {
  return stringifyCsl(item)
    .split('\n')
    .map((line) => pad + line)
    .join(eol);
}
