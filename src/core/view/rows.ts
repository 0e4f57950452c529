import type { Analysis } from '../compare/context';
import type { ViewCell, ViewRow } from './viewModel';
import { mapRange } from '../text/offsetMap';
import { wordDiffs } from './wordDiff';

interface Unit {
  /** Sentence indexes, ascending. */
  sentences: number[];
  passage: number | null;
}

/**
 * Side-by-side rows. Each source is read in its own order, split into units: a passage it
 * shares with other sources, or a run of its own sentences in one paragraph. The source
 * that is furthest behind in its reading supplies the next row, so the columns move down
 * together. A shared passage pulls in every source's part of it; a source that tells the
 * story in another order skips that part when its own reading reaches it.
 */
export function buildRows(analysis: Analysis, passageIds: string[], passageStats: Array<{ similarity: number; independentSources: number }>): ViewRow[] {
  const { docs } = analysis;
  const units = docs.map((_, d) => unitsOf(analysis, d));
  const head = docs.map(() => 0);
  const done = new Set<number>();
  const rows: ViewRow[] = [];
  const skipDone = (d: number) => {
    while (head[d] < units[d].length) {
      const u = units[d][head[d]];
      if (u.passage === null || !done.has(u.passage)) break;
      head[d]++;
    }
  };

  for (;;) {
    docs.forEach((_, d) => skipDone(d));
    // The source that is furthest behind in its own reading goes next, so that all columns
    // move down together; its next unit is its own text or a passage it shares.
    let next = -1;
    let behind = Infinity;
    docs.forEach((_, d) => {
      if (head[d] >= units[d].length) return;
      const progress = head[d] / units[d].length;
      if (progress < behind) {
        behind = progress;
        next = d;
      }
    });
    if (next < 0) break;
    const u = units[next][head[next]++];
    if (u.passage === null) {
      // Text of one source only shares a row with other sources' own text, so that the
      // columns stay dense; a source never has two cells in one row.
      const last = rows[rows.length - 1];
      const cell = row(analysis, '', null, 0, 1, new Map([[next, u.sentences]])).cells[next];
      if (last && last.passage === null && last.cells[next] === null) last.cells[next] = cell;
      else rows.push(row(analysis, `row-${rows.length + 1}`, null, 0, 1, new Map([[next, u.sentences]])));
      continue;
    }
    const p = u.passage;
    done.add(p);
    rows.push(row(analysis, `row-${rows.length + 1}`, passageIds[p], passageStats[p].similarity, passageStats[p].independentSources, analysis.passages[p].members));
  }
  return rows;
}

function unitsOf(analysis: Analysis, d: number): Unit[] {
  const doc = analysis.docs[d];
  const out: Unit[] = [];
  for (const s of doc.sentences) {
    const p = analysis.passageOf[d].get(s.index) ?? null;
    const last = out[out.length - 1];
    if (p !== null) {
      if (last && last.passage === p) last.sentences.push(s.index);
      else out.push({ sentences: [s.index], passage: p });
      continue;
    }
    const prev = last ? doc.sentences[last.sentences[last.sentences.length - 1]] : null;
    const sameKind = prev && prev.boilerplate === s.boilerplate && prev.caption === s.caption;
    if (last && last.passage === null && prev && prev.block === s.block && sameKind) last.sentences.push(s.index);
    else out.push({ sentences: [s.index], passage: null });
  }
  return out;
}

function row(analysis: Analysis, id: string, passage: string | null, similarity: number, independentSources: number, members: Map<number, number[]>): ViewRow {
  const cells: Array<ViewCell | null> = analysis.docs.map(() => null);
  const spans: Array<{ doc: number; start: number; end: number }> = [];
  for (const [d, sentences] of members) {
    const doc = analysis.docs[d];
    const first = doc.sentences[sentences[0]];
    const last = doc.sentences[sentences[sentences.length - 1]];
    const r = mapRange(doc.normToRaw, first.start, last.end, doc.raw);
    spans.push({ doc: d, start: r.start, end: r.end });
    cells[d] = {
      start: r.start,
      end: r.end,
      diff: [],
      boilerplate: sentences.every((i) => doc.sentences[i].boilerplate || doc.sentences[i].caption),
      caption: sentences.every((i) => doc.sentences[i].caption),
    };
  }
  if (spans.length > 1) {
    const diffs = wordDiffs(spans.map((s) => ({ text: analysis.docs[s.doc].raw, start: s.start, end: s.end, copy: analysis.origins.isCopy(s.doc) })));
    spans.forEach((s, i) => (cells[s.doc]!.diff = diffs[i]));
  }
  return { id, passage, similarity, independentSources, cells };
}
