import type { CitationSource } from './citationSource';
import { urlKey } from './citationKey';

/**
 * CSL-JSON entries for a pandoc bibliography, written by hand: the few fields a news source
 * has, in the shape citeproc (pandoc's, Zotero's, citation-js's) reads. citation-js was
 * measured for this and not adopted — see the README ("Dependencies and why").
 */
export interface CslDate {
  'date-parts'?: number[][];
  raw?: string;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  'container-title'?: string;
  URL?: string;
  issued?: CslDate;
  author?: CslName[];
  [field: string]: unknown;
}

/** The CSL types a source can be (the full list has 40; these are the ones a check needs to accept). */
const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'webpage', 'post', 'post-weblog',
  'report', 'broadcast', 'interview', 'speech', 'document', 'book', 'chapter', 'dataset', 'personal_communication',
]);

/** A URL a bibliography entry can carry: absolute, without white space. */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

export function cslItem(key: string, source: CitationSource): CslItem {
  // A page's own address can be relative ("/news/x" as a canonical link) or damaged (line
  // breaks in a broken og:url); such an address is left out rather than failing the entry.
  const url = source.url && ABSOLUTE_URL.test(source.url) ? source.url : undefined;
  const item: CslItem = { id: key, type: source.outlet ? 'article-newspaper' : url ? 'webpage' : 'article' };
  if (source.title) item.title = source.title;
  if (source.outlet) item['container-title'] = source.outlet;
  if (url) item.URL = url;
  const issued = cslDate(source.date);
  if (issued) item.issued = issued;
  const authors = cslNames(source.author);
  if (authors.length) item.author = authors;
  return item;
}

/** "2024-03-28", "2024-03", "March 28, 2024", "28 March 2024" → date-parts; anything else kept raw. */
export function cslDate(date: string | undefined): CslDate | null {
  const text = date?.trim();
  if (!text) return null;
  const iso = text.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?$/);
  if (iso) return { 'date-parts': [[iso[1], iso[2], iso[3]].filter((x): x is string => !!x).map(Number)] };
  const parsed = Date.parse(text);
  if (!Number.isNaN(parsed) && /\d{4}/.test(text)) {
    const d = new Date(parsed);
    return { 'date-parts': [[d.getFullYear(), d.getMonth() + 1, d.getDate()]] };
  }
  return { raw: text };
}

/** "By Jane Doe and John Roe" → two names; a one-word name (an agency) stays whole. */
export function cslNames(author: string | undefined): CslName[] {
  if (!author?.trim()) return [];
  return author
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => {
      const words = n.split(/\s+/);
      return words.length < 2 ? { literal: n } : { given: words.slice(0, -1).join(' '), family: words[words.length - 1] };
    });
}

/** Problems of an entry that would make citeproc reject or misread it; empty when valid. */
export function validateCslItem(item: unknown): string[] {
  const errors: string[] = [];
  if (!item || typeof item !== 'object' || Array.isArray(item)) return ['an entry must be an object'];
  const it = item as Record<string, unknown>;
  if (typeof it.id !== 'string' || !/^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*$/u.test(it.id)) errors.push('id must be a citation key (letters, digits and :.#$%&-+?<>~/_)');
  if (typeof it.type !== 'string' || !CSL_TYPES.has(it.type)) errors.push(`type must be a CSL type such as article-newspaper (got ${JSON.stringify(it.type)})`);
  for (const f of ['title', 'container-title', 'URL']) if (f in it && typeof it[f] !== 'string') errors.push(`${f} must be text`);
  if (typeof it.URL === 'string' && !ABSOLUTE_URL.test(it.URL)) errors.push('URL must be an absolute address');
  if ('issued' in it) errors.push(...dateErrors(it.issued));
  if ('author' in it) {
    if (!Array.isArray(it.author)) errors.push('author must be a list of names');
    else for (const n of it.author) if (!n || typeof n !== 'object' || !('family' in n || 'literal' in n)) errors.push('each author needs a family or a literal name');
  }
  return errors;
}

function dateErrors(d: unknown): string[] {
  if (!d || typeof d !== 'object') return ['issued must be a CSL date'];
  const date = d as CslDate;
  if (date.raw !== undefined) return typeof date.raw === 'string' ? [] : ['issued.raw must be text'];
  const parts = date['date-parts'];
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > 2) return ['issued needs date-parts'];
  for (const p of parts) {
    if (!Array.isArray(p) || p.length < 1 || p.length > 3 || !p.every((n) => Number.isInteger(n))) return ['date-parts must be [year, month?, day?]'];
    if (p.length > 1 && (p[1] < 1 || p[1] > 12)) return ['the month must be 1 to 12'];
    if (p.length > 2 && (p[2] < 1 || p[2] > 31)) return ['the day must be 1 to 31'];
  }
  return [];
}

/** The entry of a bibliography for this source, matched by URL or else by title. */
export function findCslItem(bibliography: readonly CslItem[], source: CitationSource): CslItem | null {
  if (source.url) {
    const u = urlKey(source.url);
    const hit = bibliography.find((b) => typeof b.URL === 'string' && urlKey(b.URL) === u);
    if (hit) return hit;
  }
  const title = source.title?.trim().toLowerCase();
  if (title) return bibliography.find((b) => typeof b.title === 'string' && b.title.trim().toLowerCase() === title) ?? null;
  return null;
}

/** A one-line reference for a quick pick or a report: Outlet, “Title”, date. */
export function formatReference(source: CitationSource): string {
  return [source.outlet, source.title ? `“${source.title}”` : null, source.date].filter(Boolean).join(', ') || source.id;
}

/** An entry as JSON the way bibliography files are written: two-space indents, date parts on one line. */
export function stringifyCsl(item: CslItem): string {
  return JSON.stringify(item, null, 2)
    .replace(/\[\s*(-?\d+(?:,\s*-?\d+)*)\s*\]/g, (_, nums: string) => `[${nums.split(/,\s*/).join(', ')}]`)
    .replace(/\[\s*(\[[^[\]]*\])\s*\]/g, '[$1]');
}
