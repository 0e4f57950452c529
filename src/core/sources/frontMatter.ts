import { parse as parseYaml } from 'yaml';
import type { SourceMeta } from '../types';

/**
 * YAML front matter (`---` … `---` at the very top), as written by static-site generators,
 * Obsidian, Zotero exports and clipping tools. It is metadata, never article text.
 */
export interface FrontMatter {
  meta: SourceMeta;
  /** Offset in the input where the body starts (0 when there is no front matter). */
  bodyStart: number;
}

const FENCE = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function readFrontMatter(raw: string, notes: string[]): FrontMatter {
  const m = FENCE.exec(raw);
  if (!m) return { meta: {}, bodyStart: 0 };
  const bodyStart = m[0].length;
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? '');
  } catch {
    notes.push('front matter is not valid YAML; ignored');
    return { meta: {}, bodyStart };
  }
  if (data === null || data === undefined) return { meta: {}, bodyStart };
  if (typeof data !== 'object' || Array.isArray(data)) {
    notes.push('front matter is not a list of fields; ignored');
    return { meta: {}, bodyStart };
  }
  return { meta: metaFromFields(data as Record<string, unknown>), bodyStart };
}

/** Field names vary by tool; the first one present wins. Keys are compared in lower case. */
const FIELDS: Record<keyof SourceMeta, string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'publisher', 'site', 'site_name', 'publication'],
  url: ['url', 'link', 'canonical', 'source_url'],
  date: ['date', 'published', 'pubdate', 'published_at'],
  author: ['author', 'authors', 'byline'],
};

function metaFromFields(fields: Record<string, unknown>): SourceMeta {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(fields)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  const meta: SourceMeta = {};
  for (const key of Object.keys(FIELDS) as Array<keyof SourceMeta>) {
    for (const name of FIELDS[key]) {
      const value = stringify(lower.get(name));
      if (value) {
        meta[key] = value;
        break;
      }
    }
  }
  return meta;
}

function stringify(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(stringify).filter((s): s is string => !!s);
    return parts.length ? parts.join(', ') : undefined;
  }
  // `author: { name: … }` as some exporters write it.
  if (typeof v === 'object' && 'name' in v) return stringify((v as { name: unknown }).name);
  return undefined;
}
