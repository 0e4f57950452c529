import { parseHTML } from 'linkedom';

/**
 * The slice of the DOM the HTML reader uses. The engine is compiled without the DOM
 * library (it never runs in a page), so linkedom's nodes are seen through this interface.
 */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  /** Text nodes only. */
  data?: string;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  head: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;

/**
 * Parses without running anything: linkedom has no script engine. linkedom does not make
 * up the `<html>`, `<head>` and `<body>` a browser would add, and leaves the body empty
 * when one is missing, so such pages are rebuilt around their parts first. Offsets never
 * come from this DOM (see htmlText), so the rebuilt string does not need to match the file.
 */
export function parseDocument(raw: string): DomDocument {
  const complete = /<html(?:\s[^>]*)?>/i.test(raw) && /<body(?:\s[^>]*)?>/i.test(raw);
  return parseHTML(complete ? raw : rebuild(raw)).document as unknown as DomDocument;
}

function rebuild(raw: string): string {
  const head = /<head(?:\s[^>]*)?>([\s\S]*?)<\/head\s*>/i.exec(raw);
  const rest = (head ? raw.slice(0, head.index) + raw.slice(head.index + head[0].length) : raw).replace(
    /<!doctype[^>]*>|<\?xml[^>]*>|<\/?(?:html|body)(?:\s[^>]*)?>/gi,
    '',
  );
  return `<!DOCTYPE html><html><head>${head ? head[1] : ''}</head><body>${rest}</body></html>`;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT;
}

export function isText(node: DomNode): boolean {
  return node.nodeType === TEXT;
}

/** A piece of a block: a text node's data, or a separator that stands for markup. */
export type Piece = { text: string } | { sep: ' ' | '\t' };

export interface HtmlBlock {
  pieces: Piece[];
}

/** Elements that start a new line of text; everything else is inline. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Elements without article prose. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'svg', 'math', 'button', 'select',
  'textarea', 'input', 'option', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'img', 'picture', 'source',
]);

/** Site furniture skipped when the whole page is read because no article was found. */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'form', 'menu']);

export interface CollectOptions {
  skipChrome?: boolean;
}

/** The element's text as lines: one block per paragraph, heading, list item, table row… */
export function collectBlocks(root: DomNode, options: CollectOptions = {}): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let pieces: Piece[] = [];
  const flush = (): void => {
    if (pieces.some((p) => 'text' in p && /\S/.test(p.text))) blocks.push({ pieces });
    pieces = [];
  };
  const visit = (node: DomNode): void => {
    if (isText(node)) {
      if (node.data) pieces.push({ text: node.data });
      return;
    }
    if (!isElement(node)) return;
    const tag = node.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag) || isHidden(node)) return;
    if (options.skipChrome && (CHROME_TAGS.has(tag) || node.getAttribute('role') === 'navigation')) return;
    if (tag === 'br') {
      pieces.push({ sep: ' ' });
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'tr') visitRow(node);
    else for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  const visitRow = (row: DomNode): void => {
    let cells = 0;
    for (const child of Array.from(row.childNodes)) {
      if (isElement(child) && /^t[dh]$/i.test(child.tagName) && cells++ > 0) pieces.push({ sep: '\t' });
      visit(child);
    }
  };
  visit(root);
  flush();
  return blocks;
}

/** What the page hides is not what it says (Readability skips it too). */
function isHidden(el: DomElement): boolean {
  if (el.getAttribute('hidden') !== null) return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
