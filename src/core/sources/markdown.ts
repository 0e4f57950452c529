import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { ReadResult, SourceMeta } from '../types';
import { charRefAt } from '../text/charRef';
import { BlockTextBuilder } from './blockText';
import { readFrontMatter } from './frontMatter';

/**
 * A Markdown source: front matter gives metadata, remark finds the blocks and the inline
 * markup, and every character of the article text keeps the offset of the raw character
 * it came from. Markdown is parsed only to find positions; nothing is re-serialised.
 */
export function readMarkdown(raw: string, notes: string[] = []): ReadResult {
  return markdownText(parseMarkdown(raw, notes), notes);
}

/** A parsed Markdown file: its metadata and the tree of its body (positions relative to the body). */
export interface ParsedMarkdown {
  raw: string;
  meta: SourceMeta;
  /** Offset of the body (after front matter) in `raw`. */
  bodyStart: number;
  tree: Root;
}

export function parseMarkdown(raw: string, notes: string[] = []): ParsedMarkdown {
  const { meta, bodyStart: start } = readFrontMatter(raw, notes);
  // micromark drops a byte-order mark that starts its input and counts positions without
  // it, so a body that starts with one (an editor's text, a file with two) starts after it.
  const bodyStart = raw.charCodeAt(start) === 0xfeff ? start + 1 : start;
  const tree = markdownParser().parse(raw.slice(bodyStart)) as Root;
  return { raw, meta, bodyStart, tree };
}

/**
 * The article text of a parsed file. `masked(rawOffset)` drops characters that must not be
 * read as prose (a draft's inline code, autolinks, citation keys): each becomes a space, so
 * the words on either side stay apart and every other character keeps its raw offset.
 */
export function markdownText(parsed: ParsedMarkdown, notes: string[] = [], masked?: (rawOffset: number) => boolean): ReadResult {
  const { raw, bodyStart, tree } = parsed;
  const meta = { ...parsed.meta };
  const walker = new MarkdownText(raw, bodyStart, masked);
  walker.block(tree);
  const built = walker.builder.finish(raw.length);
  if (!meta.title && walker.firstHeading) meta.title = walker.firstHeading;
  return { raw, text: built.text, toRaw: built.toRaw, meta, notes };
}

/** Built once: attaching the GFM syntax extensions costs more than parsing an article. */
let parser: ReturnType<typeof buildParser> | undefined;
function buildParser() {
  return unified().use(remarkParse).use(remarkGfm).freeze();
}
export function markdownParser(): ReturnType<typeof buildParser> {
  return (parser ??= buildParser());
}

/** Block kinds that hold no article prose. */
const SKIPPED_BLOCKS = new Set(['code', 'html', 'thematicBreak', 'definition', 'footnoteDefinition', 'yaml', 'toml', 'math']);

class MarkdownText {
  readonly builder = new BlockTextBuilder();
  firstHeading: string | undefined;

  constructor(
    private readonly raw: string,
    /** Offset of the parsed body in `raw`: positions from remark are relative to the body. */
    private readonly base: number,
    private readonly masked?: (rawOffset: number) => boolean,
  ) {}

  block(node: Nodes): void {
    if (SKIPPED_BLOCKS.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      this.inline(node.children);
      const line = this.builder.endBlock();
      if (node.type === 'heading' && node.depth === 1 && line && this.firstHeading === undefined) this.firstHeading = line;
      return;
    }
    if (node.type === 'tableRow') {
      node.children.forEach((cell, i) => {
        if (i > 0) this.builder.pushSeparator('\t');
        this.inline(cell.children);
      });
      this.builder.endBlock();
      return;
    }
    if ('children' in node) for (const child of node.children) this.block(child as Nodes);
  }

  private inline(nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.pushValue(node.value, node.position?.start.offset, node.position?.end.offset);
          break;
        case 'break':
          this.builder.pushSeparator(' ', this.offset(node.position?.start.offset));
          break;
        case 'html':
          // Inline tags go; a <br> still separates the words on either side of it.
          if (/^<br\s*\/?>$/i.test(node.value)) this.builder.pushSeparator(' ', this.offset(node.position?.start.offset));
          break;
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) this.inline(node.children as PhrasingContent[]);
      }
    }
  }

  private pushValue(value: string, start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) return;
    const offsets = alignValue(value, this.raw, this.base + start, this.base + end);
    const masked = this.masked;
    if (!masked) return this.builder.push(value, offsets);
    let kept = '';
    for (let i = 0; i < value.length; i++) kept += masked(offsets[i]) ? ' ' : value[i];
    this.builder.push(kept, offsets);
  }

  private offset(o: number | undefined): number {
    return o === undefined ? -1 : this.base + o;
  }
}

/**
 * Maps each character of a node's decoded value to the raw character that produced it.
 * The value is the raw slice with escapes and character references decoded and with
 * container markup dropped (`>` and indentation on continuation lines, backticks around
 * code), so one forward walk over the slice finds every character in order.
 */
export function alignValue(value: string, raw: string, from: number, to: number): number[] {
  const out = new Array<number>(value.length);
  let j = from;
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    if (j >= to) {
      out[i++] = Math.max(from, to - 1);
      continue;
    }
    const r = raw[j];
    if (r === '&') {
      const ref = charRefAt(raw, j, false);
      if (ref && value.startsWith(ref.text, i)) {
        for (let k = 0; k < ref.text.length; k++) out[i + k] = j;
        i += ref.text.length;
        j += ref.length;
        continue;
      }
    }
    if (r === '\\' && raw[j + 1] === ch && /[!-/:-@[-`{-~]/.test(ch)) {
      out[i++] = j + 1;
      j += 2;
      continue;
    }
    if (r === ch || (isSpace(ch) && isSpace(r)) || isNulFor(r, ch)) {
      out[i++] = j++;
      continue;
    }
    // Skip raw markup up to the next character that can produce `ch`. When there is none,
    // `ch` was made up by the parser (a space standing for a line end in code) and stays here.
    const next = nextCandidate(raw, j, to, ch);
    if (next < 0) out[i++] = j;
    else j = next;
  }
  return out;
}

function nextCandidate(raw: string, from: number, to: number, ch: string): number {
  for (let k = from + 1; k < to; k++) {
    const r = raw[k];
    if (r === ch || r === '&' || r === '\\' || (isSpace(ch) && isSpace(r)) || isNulFor(r, ch)) return k;
  }
  return -1;
}

/** CommonMark reads U+0000 as U+FFFD: a NUL in the file is the raw character of that one. */
function isNulFor(r: string, ch: string): boolean {
  return r === '\u0000' && ch === '\uFFFD';
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}
