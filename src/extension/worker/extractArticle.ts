import { readHtml } from '../../core/sources/html';
import { decodeBytes } from '../../core/text/decode';
import type { ExtractedArticle } from './messages';

/**
 * A fetched web page → the article in it, through the engine's own HTML reader, so that the
 * saved Markdown holds exactly the text a saved .html of the page would be compared on.
 */
export function extractArticle(bytes: Uint8Array, contentType: string, url: string): ExtractedArticle {
  const html = decodePage(bytes, contentType);
  const read = readHtml(html, []);
  const meta = { ...read.meta };
  if (!meta.url) meta.url = url;
  return { meta, text: read.text, notes: read.notes };
}

/**
 * The charset the server names wins; otherwise the page's own `<meta charset>`; otherwise
 * the engine's decoding (BOM, UTF-8, Windows-1252 fallback).
 */
function decodePage(bytes: Uint8Array, contentType: string): string {
  const label = charsetOf(contentType) ?? metaCharset(bytes);
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // An unknown label: fall through to the engine's guess.
    }
  }
  return decodeBytes(bytes).text;
}

function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
}

function metaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}
