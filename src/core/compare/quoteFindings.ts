import type { Quote } from '../types';
import type { ResultFinding } from '../result';
import { matchQuoteWords, quoteWords } from '../extract/quoteMatch';
import { contentWords, words } from '../text/words';
import { fold } from '../text/fold';
import type { Analysis } from './context';
import { COPY_DEPARTS } from './origins';
import { resultSpan } from './spans';
import { speakerResolver } from './quoteSpeakers';
import { headOf } from '../text/cut';

interface QNode {
  doc: number;
  quote: Quote;
  /** The entity id of the speaker, when the speaker is a named person or body we know. */
  speaker: string | null;
}

/**
 * Quote findings: the same quotation in several origins. Candidates meet through shared
 * words (an index, not all pairs); each pair is judged with `matchQuotes`. A group is
 * `agree` when the words are the same (verbatim, or one quotes part of the other) and the
 * speakers do not contradict; `differ` when reworded or given to different speakers.
 */
export function quoteFindings(analysis: Analysis): ResultFinding[] {
  const speakerOf = speakerResolver(analysis);
  const nodes: QNode[] = [];
  analysis.quotes.forEach((qs, d) => {
    for (const quote of qs) {
      const sentences = quote.sentences.map((i) => analysis.docs[d].sentences[i]);
      if (sentences.some((s) => !s || s.boilerplate || s.caption)) continue;
      nodes.push({ doc: d, quote, speaker: speakerOf(d, quote) });
    }
  });

  const byWord = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const keys = new Set(contentWords(n.quote.text).map((w) => w.key));
    if (keys.size === 0) for (const w of words(n.quote.text)) keys.add(w.key);
    for (const k of keys) {
      const list = byWord.get(k) ?? [];
      list.push(i);
      byWord.set(k, list);
    }
  });

  // Each pair is judged once (keyed a·n + b); only related pairs are kept, in the order found.
  const judged = new Set<number>();
  const pairs: Array<{ a: number; b: number; relation: string; score: number }> = [];
  const quoteWordsOf = nodes.map((n) => quoteWords(n.quote.text));
  for (const list of byWord.values()) {
    if (list.length > 300) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x];
        const b = list[y];
        const key = a * nodes.length + b;
        if (judged.has(key)) continue;
        judged.add(key);
        const na = nodes[a];
        const nb = nodes[b];
        // A copy quoting its original's words is no second source; a copy that changed the
        // words of a quote is worth showing (below: only as a difference).
        const oneOrigin = analysis.origins.of(na.doc) === analysis.origins.of(nb.doc);
        if (oneOrigin && (na.doc === nb.doc || na.quote.text === nb.quote.text)) continue;
        const m = matchQuoteWords(quoteWordsOf[a], quoteWordsOf[b], true);
        if (m.relation === 'different' || (oneOrigin && m.relation !== 'reworded')) continue;
        // One or two quoted words inside a longer quote are common words, not the same
        // quotation, unless the same speaker is named for both.
        const weak = m.relation === 'contained' && (na.quote.short || nb.quote.short) && !sameSpeaker(na, nb);
        if (!weak) pairs.push({ a, b, relation: m.relation, score: m.score });
      }
    }
  }

  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const related = pairs.sort((x, y) => y.score - x.score);
  const groupRelations = new Map<number, string[]>();
  for (const p of related) {
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) {
      parent[rb] = ra;
      groupRelations.set(ra, [...(groupRelations.get(ra) ?? []), ...(groupRelations.get(rb) ?? []), p.relation]);
      groupRelations.delete(rb);
    } else groupRelations.set(ra, [...(groupRelations.get(ra) ?? []), p.relation]);
  }
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });

  const out: ResultFinding[] = [];
  for (const [root, ids] of groups) {
    if (ids.length < 2) continue;
    const group = ids.map((i) => nodes[i]).sort((x, y) => x.doc - y.doc || x.quote.start - y.quote.start);
    const docs = group.map((n) => n.doc);
    const independent = analysis.origins.count(docs);
    const relations = groupRelations.get(root) ?? [];
    const copyDeparts = independent < 2;
    if (copyDeparts && !relations.includes('reworded')) continue;
    const speakers = new Set(group.map((n) => n.speaker).filter((s): s is string => !!s));
    let detail: string;
    if (speakers.size > 1) detail = 'different-speaker';
    else if (relations.includes('reworded')) detail = 'reworded';
    else if (relations.includes('contained')) detail = 'partial';
    else detail = 'verbatim';
    const verdict = detail === 'verbatim' || detail === 'partial' ? 'agree' : 'differ';
    const who = group.find((n) => n.quote.speaker)?.quote.speaker;
    const longest = group.reduce((x, y) => (y.quote.text.length > x.quote.text.length ? y : x)).quote.text;
    const summary = copyDeparts
      ? `Quote${who ? ` of ${who}` : ''} “${clipQuote(longest)}”: ${QUOTE_TEXT[detail]}${COPY_DEPARTS}`
      : `Quote${who ? ` of ${who}` : ''} “${clipQuote(longest)}”: ${QUOTE_TEXT[detail]} in ${independent} independent sources`;
    out.push({
      id: '',
      kind: 'quote',
      verdict,
      detail,
      summary,
      importance: ({ 'different-speaker': 90, reworded: 60, partial: 25, verbatim: 20 } as Record<string, number>)[detail] + independent,
      independentSources: independent,
      mentions: group.map((n) => ({ ...resultSpan(analysis.docs[n.doc], n.quote.start, n.quote.end), label: n.quote.speaker ?? undefined })),
    });
  }
  return out;
}

function sameSpeaker(a: QNode, b: QNode): boolean {
  if (a.speaker && b.speaker) return a.speaker === b.speaker;
  const fa = a.quote.speaker ? fold(a.quote.speaker) : null;
  return !!fa && fa === (b.quote.speaker ? fold(b.quote.speaker) : null);
}

const QUOTE_TEXT: Record<string, string> = {
  verbatim: 'quoted word for word',
  partial: 'quoted in part, same words',
  reworded: 'quoted with different words',
  'different-speaker': 'attributed to different speakers',
};

function clipQuote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 70 ? t : headOf(t, 69).replace(/\s+\S*$/, '') + '…';
}
