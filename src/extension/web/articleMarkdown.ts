import type { SourceMeta } from '../../core/types';

/**
 * A fetched article as a Markdown source file: YAML front matter with where and when it was
 * retrieved, then the article text, one paragraph per block. Markdown syntax characters in
 * the text are backslash-escaped, so that reading the file back (the engine's Markdown
 * reader resolves escapes) gives exactly the words of the page.
 */
export function articleMarkdown(meta: SourceMeta, text: string, pageUrl: string, retrievedAt: Date): string {
  const fields: Array<[string, string | undefined]> = [
    ['title', meta.title],
    ['outlet', meta.outlet ?? hostName(pageUrl)],
    ['url', meta.url ?? pageUrl],
    ['date', meta.date],
    ['author', meta.author],
    ['retrieved-at', retrievedAt.toISOString()],
  ];
  const front = fields.filter(([, v]) => v !== undefined && v.trim() !== '').map(([k, v]) => `${k}: ${yamlString(v!.trim())}`);
  const blocks = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  return `---\n${front.join('\n')}\n---\n\n${blocks.map(escapeBlock).join('\n\n')}\n`;
}

/**
 * A YAML double-quoted scalar. JSON strings are valid YAML 1.2; the line and paragraph
 * separators are escaped too, as YAML 1.1 readers would take them for line breaks.
 */
export function yamlString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** One block of text, escaped so it stays one plain paragraph. */
export function escapeBlock(line: string): string {
  let s = line
    .replace(/[\\`*_[\]<~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  // Block syntax at the start of a line: headings, quotes, list items, numbered items.
  s = s.replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return s;
}

/**
 * A file name from the title: lower case ASCII words joined by hyphens, at most 60 characters,
 * cut at a word boundary; "article" when nothing is left.
 */
export function slugify(title: string | undefined): string {
  const ascii = (title ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '') || slug.slice(0, 60);
  return slug || 'article';
}

function hostName(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
