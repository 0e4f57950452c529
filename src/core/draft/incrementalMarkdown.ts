import type { Nodes, Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { markdownParser, parseMarkdown, type ParsedMarkdown } from '../sources/markdown';

/**
 * Parsing the next version of a draft by re-parsing only the paragraph or heading an edit
 * fell in. Typing changes one block at a time, and parsing the whole draft with remark is
 * the costliest part of re-checking it (about 20 ms for 3,000 words).
 *
 * The block is re-parsed on its own, followed by every definition of the draft (link
 * references and footnotes are the only things a paragraph's inline parse reads from the
 * rest of the document). The result is used only when it is again exactly one block of the
 * same kind ending where the block ends — otherwise (a new list item, a fence, a heading
 * underline, a definition, an edit across blocks or in the front matter) the draft is parsed
 * whole. Positions of everything after the block move by the edit's length and lines.
 * A test checks on random edits that the tree is the one a full parse gives.
 */

interface Entry {
  parsed: ParsedMarkdown;
}

/** The last parse of each draft (by id); a few drafts are open at a time. */
const LAST = new Map<string, Entry>();
const MAX_DRAFTS = 16;

export function parseDraftMarkdown(id: string, text: string): ParsedMarkdown {
  const prev = LAST.get(id);
  let parsed: ParsedMarkdown | null = null;
  if (prev) {
    try {
      parsed = reparse(prev.parsed, text);
    } catch {
      parsed = null;
    }
  }
  parsed ??= parseMarkdown(text);
  LAST.delete(id);
  if (LAST.size >= MAX_DRAFTS) LAST.delete(LAST.keys().next().value as string);
  LAST.set(id, { parsed });
  return parsed;
}

/** Forgets the parses kept for incremental re-parsing (for tests, or a closed draft). */
export function forgetDraftParses(id?: string): void {
  if (id === undefined) LAST.clear();
  else LAST.delete(id);
}

const REPARSED = new Set(['paragraph', 'heading']);

function reparse(prev: ParsedMarkdown, text: string): ParsedMarkdown | null {
  const old = prev.raw;
  if (old === text) return { ...prev, raw: text };
  const min = Math.min(old.length, text.length);
  let p = 0;
  while (p < min && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let q = 0;
  while (q < min - p && old.charCodeAt(old.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
  const base = prev.bodyStart;
  // The front matter (and where the body starts) must be untouched.
  if (p <= base) return null;
  const from = p - base;
  const oldTo = old.length - q - base;
  const delta = text.length - old.length;
  const children = prev.tree.children;
  const k = children.findIndex((c) => offset(c.position?.start) <= from && oldTo <= offset(c.position?.end));
  if (k < 0) return null;
  const block = children[k];
  if (!REPARSED.has(block.type)) return null;
  const definitions = children.filter((c) => c.type === 'definition' || c.type === 'footnoteDefinition');
  if (hasNestedDefinition(prev.tree)) return null;

  const body = text.slice(base);
  const start = offset(block.position?.start);
  const lineStart = body.lastIndexOf('\n', start - 1) + 1;
  const end = offset(block.position?.end) + delta;
  const slice = body.slice(lineStart, end);
  // Only the definitions the block could refer to: one whose label the block does not
  // contain (in lower case) cannot be what a reference in it resolves to. Labels of other
  // characters than letters, digits and `_.:-` (spaces, escapes, beyond ASCII: matched
  // with more folding) are always kept.
  const lower = slice.toLowerCase();
  const used = definitions.filter((d) => {
    const label = 'label' in d && typeof d.label === 'string' ? d.label : null;
    return label === null || !/^[A-Za-z0-9_.:-]+$/.test(label) || lower.includes(label.toLowerCase());
  });
  const oldBody = old.slice(base);
  const defsText = used.map((d) => oldBody.slice(offset(d.position?.start), offset(d.position?.end))).join('\n\n');
  const tree = markdownParser().parse(used.length ? `${slice}\n\n${defsText}` : slice) as Root;
  const [fresh, ...rest] = tree.children;
  if (!fresh || fresh.type !== block.type || offset(fresh.position?.end) !== slice.length) return null;
  if (fresh.type === 'heading' && block.type === 'heading' && fresh.depth !== block.depth) return null;
  if (rest.length !== used.length || rest.some((d, i) => d.type !== used[i].type)) return null;
  if (lineStart + offset(fresh.position?.start) !== start) return null;

  const line = lineOf(body, lineStart);
  shift(fresh, lineStart, line - 1);
  const lines = countLines(text, p, text.length - q) - countLines(old, p, old.length - q);
  for (let i = k + 1; i < children.length; i++) shift(children[i], delta, lines);
  children[k] = fresh as RootContent;
  const rootPos = prev.tree.position;
  if (rootPos) prev.tree.position = { start: rootPos.start, end: movePoint(rootPos.end, delta, lines) };
  return { raw: text, meta: prev.meta, bodyStart: base, tree: prev.tree };
}

function offset(p: Point | undefined): number {
  if (p?.offset === undefined) throw new Error('a node without an offset');
  return p.offset;
}

/** A definition inside another block (a list, a block quote, a footnote): not handled, the draft is parsed whole. */
function hasNestedDefinition(tree: Root): boolean {
  const inside = (n: Nodes): boolean =>
    'children' in n && n.children.some((c) => c.type === 'definition' || c.type === 'footnoteDefinition' || inside(c));
  return tree.children.some(inside);
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Moves a node and everything in it by `chars` characters and `lines` lines (new position objects: points may be shared). */
function shift(node: Nodes, chars: number, lines: number): void {
  if (node.position) node.position = movePosition(node.position, chars, lines);
  if ('children' in node) for (const c of node.children) shift(c, chars, lines);
}

function movePosition(pos: Position, chars: number, lines: number): Position {
  return { start: movePoint(pos.start, chars, lines), end: movePoint(pos.end, chars, lines) };
}

function movePoint(p: Point, chars: number, lines: number): Point {
  return { line: p.line + lines, column: p.column, offset: p.offset === undefined ? undefined : p.offset + chars };
}
