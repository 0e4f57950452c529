import type { CitationSource } from './citationSource';
import { hostOf } from './citationKey';

/**
 * The text of a footnote definition: `[^key]: Outlet, “Title”, date, url — “supporting
 * passage”`, fields the source lacks left out. The passage is shortened to about thirty
 * words, and brackets and backslashes are escaped so the definition stays one footnote.
 */
export function footnoteDefinition(key: string, source: CitationSource, passage?: string): string {
  const parts = [source.outlet, source.author, source.title ? `“${oneLine(source.title)}”` : null, source.date, source.url];
  if (!source.outlet && !source.url) parts.push(source.id);
  const head = parts.filter((p): p is string => !!p).map(escape).join(', ');
  const quote = passage ? ` — “${escape(shorten(oneLine(passage)))}”` : '';
  return `[^${key}]: ${head}${quote}`;
}

/** `[Outlet](url)`: the outlet, else the site's name, as the link text. */
export function linkCitation(source: CitationSource): string {
  const label = source.outlet ?? hostOf(source.url)?.replace(/^www\./, '') ?? source.title ?? source.id;
  const url = /[\s()<>]/.test(source.url ?? '') ? `<${source.url}>` : source.url;
  return `[${escape(label)}](${url})`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, words = 30): string {
  const w = text.split(' ');
  return w.length <= words ? text : w.slice(0, words).join(' ').replace(/[,;:]$/, '') + '…';
}

/** Characters that would end a footnote label or start a link, escaped. */
function escape(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}
