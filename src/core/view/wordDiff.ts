import { diffArrays } from 'diff';
import type { Range } from '../types';
import { fold, stripAccents } from '../text/fold';

interface Token extends Range {
  key: string;
}

// Combining marks belong to the word they follow: text written decomposed ("Nun\u0303ez")
// would otherwise split into words at every accent, and mark the accent as no word's part.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[.,'’\-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

function tokens(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  for (const m of text.slice(start, end).matchAll(TOKEN)) {
    const s = start + (m.index ?? 0);
    out.push({ start: s, end: s + m[0].length, key: stripAccents(fold(m[0])) });
  }
  return out;
}

/**
 * Word-level differences inside one aligned passage: for each member, the words that the
 * reference member (the first that is not a copy) lacks, and for the reference the words no
 * other member has. Case, quote marks, dashes and accents do not count as differences.
 */
export function wordDiffs(members: Array<{ text: string; start: number; end: number; copy: boolean }>): Range[][] {
  const toks = members.map((m) => tokens(m.text, m.start, m.end));
  const ref = Math.max(0, members.findIndex((m) => !m.copy));
  const refKeys = toks[ref].map((t) => t.key);
  const refShared = new Set<number>();
  const out: Range[][] = members.map(() => []);
  toks.forEach((ts, i) => {
    if (i === ref) return;
    const parts = diffArrays(refKeys, ts.map((t) => t.key));
    let a = 0;
    let b = 0;
    for (const part of parts) {
      const n = part.value.length;
      if (part.added) {
        for (let k = 0; k < n; k++) out[i].push({ start: ts[b + k].start, end: ts[b + k].end });
        b += n;
      } else if (part.removed) a += n;
      else {
        for (let k = 0; k < n; k++) refShared.add(a + k);
        a += n;
        b += n;
      }
    }
  });
  if (members.length > 1) toks[ref].forEach((t, k) => (!refShared.has(k) ? out[ref].push({ start: t.start, end: t.end }) : undefined));
  return out.map(merge);
}

/** Adjacent marked words become one range ("at least 10" rather than three marks). */
function merge(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges.sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && r.start - last.end <= 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
