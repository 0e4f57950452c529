import { Readability } from '@mozilla/readability';
import type { ReadResult, SourceMeta } from '../types';
import { SourceError } from '../text/decode';
import { BlockTextBuilder } from './blockText';
import { collectBlocks, parseDocument, type DomDocument, type DomNode, type HtmlBlock } from './htmlDom';
import { blockChars, locateBlocks, type Placement } from './htmlLocate';
import { cleanByline, normaliseDate, readHtmlMeta } from './htmlMeta';
import { compactText, indexHtmlText, type HtmlTextIndex } from './htmlText';

/**
 * An HTML page: Readability picks the article out of the page furniture, and each of the
 * article's characters is found again in the raw file so that offsets point into it.
 */
export function readHtml(raw: string, notes: string[] = []): ReadResult {
  const doc = parseDocument(raw);
  // Readability takes the document apart, so what else is needed is read first.
  const pageMeta = readHtmlMeta(doc);
  const h1 = doc.querySelector('h1');
  const headline = h1 ? collectBlocks(h1)[0] : undefined;
  const pageBlocks = doc.body ? collectBlocks(doc.body, { skipChrome: true }) : [];

  const article = extractArticle(doc, notes);
  // Readability keeps a page's <nav> when the page is short; it is never article text.
  const articleBlocks = article ? collectBlocks(article.content, { skipChrome: true }) : null;
  const blocks = pickBlocks(articleBlocks, pageBlocks, notes);
  if (countChars(blocks) === 0) throw new SourceError('empty', 'HTML page without text');

  const index = indexHtmlText(raw);
  const located = locateBlocks(index, blocks);
  if (located.unlocated > 0) {
    notes.push(`${located.unlocated} piece(s) of the article text could not be found in the HTML; their positions are approximate`);
  }
  if (headline) prependHeadline(index, headline, blocks, located.placements);

  const builder = new BlockTextBuilder();
  blocks.forEach((block, b) => {
    for (const part of blockChars(index, block, located.placements[b])) {
      if ('sep' in part) builder.pushSeparator(part.sep);
      else builder.push(part.text, part.offsets);
    }
    builder.endBlock();
  });
  const built = builder.finish(raw.length);
  const meta = mergeMeta(pageMeta, article, headline);
  return { raw, text: built.text, toRaw: built.toRaw, meta, notes };
}

/**
 * The article's blocks, or the whole page's (without navigation and footers) when no
 * article was found or what was found is a sliver of a page that has much more to say.
 */
export function pickBlocks(article: HtmlBlock[] | null, page: HtmlBlock[], notes: string[]): HtmlBlock[] {
  if (!article) {
    notes.push('no article found on the page; read the whole page without navigation and footers');
    return page;
  }
  const articleChars = countChars(article);
  if (articleChars < 200 && countChars(page) > articleChars * 2) {
    notes.push('the article found on the page was very short; read the whole page instead');
    return page;
  }
  return article;
}

interface Article {
  content: DomNode;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
}

function extractArticle(doc: DomDocument, notes: string[]): Article | null {
  try {
    // The serializer hands back the article element itself instead of an HTML string.
    const reader = new Readability<DomNode>(doc as never, { serializer: (node) => node as unknown as DomNode });
    const r = reader.parse();
    if (!r?.content) return null;
    return {
      content: r.content,
      title: r.title?.trim() || undefined,
      byline: r.byline ?? undefined,
      siteName: r.siteName?.trim() || undefined,
      publishedTime: r.publishedTime?.trim() || undefined,
    };
  } catch (e) {
    notes.push(`article extraction failed (${(e as Error).message}); read the whole page`);
    return null;
  }
}

/**
 * Readability drops the headline when it repeats the page title, but the headline is part
 * of what the source says: put it back when it stands on the page just before the article.
 */
function prependHeadline(index: HtmlTextIndex, headline: HtmlBlock, blocks: HtmlBlock[], placements: Placement[]): void {
  const hc = blockCompact(headline);
  if (!hc || blocks.some((b) => blockCompact(b).includes(hc))) return;
  const firstStart = placements.flat().find((s) => s >= 0);
  if (firstStart === undefined || firstStart < hc.length) return;
  const at = index.compact.lastIndexOf(hc, firstStart - hc.length);
  if (at < 0) return;
  const starts: number[] = [];
  let k = at;
  for (const p of headline.pieces) {
    const c = 'text' in p ? compactText(p.text) : '';
    starts.push(c ? k : -1);
    k += c.length;
  }
  blocks.unshift(headline);
  placements.unshift(starts);
}

function mergeMeta(page: SourceMeta, article: Article | null, headline: HtmlBlock | undefined): SourceMeta {
  const meta: SourceMeta = {};
  const title = article?.title ?? page.title ?? (headline ? blockText(headline) : undefined);
  if (title) meta.title = title;
  const outlet = page.outlet ?? article?.siteName;
  if (outlet) meta.outlet = outlet;
  if (page.url) meta.url = page.url;
  const date = page.date ?? (article?.publishedTime ? normaliseDate(article.publishedTime) : undefined);
  if (date) meta.date = date;
  const author = cleanByline(article?.byline) ?? page.author;
  if (author) meta.author = author;
  return meta;
}

function countChars(blocks: HtmlBlock[]): number {
  return blocks.reduce((n, b) => n + blockCompact(b).length, 0);
}

function blockCompact(b: HtmlBlock): string {
  return b.pieces.map((p) => ('text' in p ? compactText(p.text) : '')).join('');
}

function blockText(b: HtmlBlock): string | undefined {
  const t = b.pieces.map((p) => ('text' in p ? p.text : p.sep)).join('').replace(/\s+/g, ' ').trim();
  return t || undefined;
}
