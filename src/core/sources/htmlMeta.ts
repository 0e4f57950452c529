import type { SourceMeta } from '../types';
import type { DomDocument } from './htmlDom';

/**
 * Metadata a news page declares about itself: Open Graph and article tags, Dublin Core and
 * the ad-hoc names CMSs use, the canonical link, and a `<time datetime>`. Read before
 * Readability runs, because Readability takes the document apart.
 */
export function readHtmlMeta(doc: DomDocument): SourceMeta {
  const tags = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  const first = (...keys: string[]): string | undefined => {
    for (const k of keys) if (tags.has(k)) return tags.get(k);
    return undefined;
  };

  const meta: SourceMeta = {};
  const title = first('og:title', 'twitter:title', 'dc.title') ?? (doc.title.trim() || undefined);
  if (title) meta.title = title;
  const outlet = first('og:site_name', 'application-name', 'publisher', 'dc.publisher');
  if (outlet) meta.outlet = outlet;
  const url = canonical(doc) ?? first('og:url', 'twitter:url');
  if (url) meta.url = url;
  const date =
    first('article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date',
      'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published') ?? timeElement(doc);
  if (date) meta.date = normaliseDate(date);
  const author = first('author', 'dc.creator', 'parsely-author', 'sailthru.author') ?? articleAuthor(first('article:author'));
  if (author) meta.author = author;
  return meta;
}

function canonical(doc: DomDocument): string | undefined {
  for (const el of Array.from(doc.querySelectorAll('link'))) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = el.getAttribute('href')?.trim();
    if (rel.includes('canonical') && href) return href;
  }
  return undefined;
}

function timeElement(doc: DomDocument): string | undefined {
  const el = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  return el?.getAttribute('datetime')?.trim() || undefined;
}

/** `article:author` is often a profile URL, which is no name. */
function articleAuthor(v: string | undefined): string | undefined {
  return v && !/^https?:/i.test(v) ? v : undefined;
}

/**
 * ISO timestamps keep their calendar date as the publisher wrote it (no time-zone shift);
 * anything else is kept as written.
 */
export function normaliseDate(s: string): string {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(s.trim());
  return iso ? iso[1] : s.trim();
}

/** "By Jane Doe and John Roe" → "Jane Doe and John Roe". */
export function cleanByline(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
  return t || undefined;
}
