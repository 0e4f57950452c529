import type { Doc } from '../types';
import { contentWords, type Word } from '../text/words';

/**
 * A comparable unit: one sentence, or two consecutive sentences of one paragraph (so that
 * a claim one outlet makes in two sentences can meet another's single sentence). Furniture,
 * captions and headings are never comparable.
 */
export interface Segment {
  /** Global index across all sources. */
  id: number;
  doc: number;
  /** Sentence indexes covered, ascending. */
  sentences: number[];
  /** Distinct matching keys: content words, plus `#key` for what a quantity counts. */
  keys: string[];
  /** A fingerprint of the wording, equal for sentences that read the same (single sentences only). */
  fingerprint: string;
}

export function buildSegments(docs: Doc[]): Segment[] {
  const out: Segment[] = [];
  docs.forEach((doc, d) => {
    let prev: { sentence: number; block: number; keys: string[] } | null = null;
    for (const s of doc.sentences) {
      if (s.boilerplate || s.caption || isHeading(doc, s.block)) {
        prev = null;
        continue;
      }
      const ws = contentWords(doc.norm.slice(s.start, s.end));
      if (ws.length < 2) continue;
      const keys = [...new Set([...ws.map((w) => w.key), ...quantityKeys(ws)])];
      out.push({ id: out.length, doc: d, sentences: [s.index], keys, fingerprint: ws.map((w) => w.key).join(' ') });
      if (prev && prev.block === s.block && prev.sentence === s.index - 1) {
        const union = [...new Set([...prev.keys, ...keys])];
        out.push({ id: out.length, doc: d, sentences: [prev.sentence, s.index], keys: union, fingerprint: '' });
      }
      prev = { sentence: s.index, block: s.block, keys };
    }
  });
  return out;
}

const QUANTITY_WORD = /^(\d[\d,.]*|dozens|hundreds|thousands|millions|billions|scores|tens)$/i;
const SCALE = /^(hundred|thousand|million|billion|trillion|bn|m|k)$/i;

/**
 * What a quantity counts, as extra keys ("#contain" for "1,000 containers" and "thousands of
 * containers"): two reports giving a number of the same thing are likely the same claim even
 * when the rest of the wording differs.
 */
function quantityKeys(ws: Word[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!QUANTITY_WORD.test(ws[i].text)) continue;
    let j = i + 1;
    while (j < ws.length && (SCALE.test(ws[j].text) || QUANTITY_WORD.test(ws[j].text))) j++;
    for (let k = j; k < Math.min(ws.length, j + 3); k++) {
      if (/^\d/.test(ws[k].key) || ws[k].start - ws[k - 1].end > 6) break;
      keys.push('#' + ws[k].key);
    }
  }
  return keys;
}

/** A short block without final punctuation is a headline or subheading: it summarises, not reports. */
export function isHeading(doc: Doc, block: number): boolean {
  const b = doc.blocks[block];
  const text = doc.norm.slice(b.start, b.end);
  if (/[.!?:;,"”’')]\s*$/.test(text)) return false;
  return (text.match(/\S+/g)?.length ?? 0) <= 16;
}
