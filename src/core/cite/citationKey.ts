import { stripAccents } from '../text/fold';
import type { CitationSource } from './citationSource';

/**
 * Stable citation keys: the outlet (or the site, or the first words of the title) and the
 * year, as a slug — "daily-courier-2024" — so the same source gets the same key in every
 * draft, and a pandoc bibliography stays readable. A key already used for another source
 * gets "-2", "-3"…
 */
export function citationKey(source: CitationSource, taken: ReadonlySet<string>): string {
  const year = yearOf(source.date);
  const base = [baseName(source), year].filter(Boolean).join('-') || 'source';
  let key = base;
  for (let n = 2; taken.has(key.toLowerCase()); n++) key = `${base}-${n}`;
  return key;
}

export function yearOf(date: string | undefined): string | null {
  return date?.match(/\b(1[5-9]\d\d|2\d\d\d)\b/)?.[1] ?? null;
}

function baseName(source: CitationSource): string {
  if (source.outlet) return slug(source.outlet.replace(/^the\s+/i, ''));
  const host = hostOf(source.url);
  if (host) return slug(host.replace(/^www\./, '').replace(/\.(com|org|net|co\.uk|co|info|news)$/, ''));
  if (source.title) return slug(source.title.split(/\s+/).filter((w) => !SMALL.has(w.toLowerCase())).slice(0, 3).join(' '));
  return slug(source.id.replace(/\.[a-z0-9]+$/i, ''));
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'and', 'for', 'at', 'by', 'with']);

export function slug(text: string): string {
  return stripAccents(text).toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
}

export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** A URL reduced for comparison: no scheme, "www.", fragment or trailing slash. */
export function urlKey(url: string): string {
  return url.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/#.*$/, '').replace(/\/+$/, '');
}
