import type { CompareResult, ResultSpan } from '../../src/core/result';

/**
 * Scores a CompareResult against the gold facts of `seeds-gold.json`: for each category,
 * the share of gold pairs that the output links (a finding or passage with a mention
 * overlapping each side of the pair), plus wrong merges and figures from boilerplate.
 */

export interface Score {
  name: string;
  linked: number;
  total: number;
  share: number;
  misses: string[];
}

export interface EvalReport {
  scores: Score[];
  wrongMerges: string[];
  boilerplateFigures: string[];
  duplicatesFound: boolean;
  spanErrors: number;
  figureDetailsRight: { right: number; total: number };
}

type Raw = Record<string, string>;
interface GoldValue {
  source: string;
  text: string;
}

export function score(result: CompareResult, gold: any, raw: Raw): EvalReport {
  const where = (source: string, text: string): Array<{ start: number; end: number }> => {
    const out: Array<{ start: number; end: number }> = [];
    const content = raw[source] ?? '';
    for (let i = content.indexOf(text); i >= 0; i = content.indexOf(text, i + 1)) out.push({ start: i, end: i + text.length });
    return out;
  };
  const hits = (m: ResultSpan, v: GoldValue) => m.source === v.source && where(v.source, v.text).some((r) => m.start < r.end && m.end > r.start);
  const values = (entry: any, key: string): GoldValue[] => {
    const v = entry[key];
    return Array.isArray(v) ? v.map((x: any) => ({ source: x.source, text: x.text })) : Object.entries(v as Raw).map(([source, text]) => ({ source, text }));
  };
  const pairsOf = (vs: GoldValue[]) => {
    const out: Array<[GoldValue, GoldValue]> = [];
    for (let i = 0; i < vs.length; i++) for (let j = i + 1; j < vs.length; j++) if (vs[i].source !== vs[j].source || vs[i].text !== vs[j].text) out.push([vs[i], vs[j]]);
    return out;
  };
  const category = (name: string, entries: any[], key: string, groups: Array<{ mentions: ResultSpan[] }>): Score => {
    let linked = 0;
    let total = 0;
    const misses: string[] = [];
    for (const e of entries) {
      for (const [a, b] of pairsOf(values(e, key))) {
        total++;
        if (groups.some((g) => g.mentions.some((m) => hits(m, a)) && g.mentions.some((m) => hits(m, b)))) linked++;
        else misses.push(`${a.source.slice(0, 3)} “${a.text.slice(0, 50)}” ↔ ${b.source.slice(0, 3)} “${b.text.slice(0, 50)}”`);
      }
    }
    return { name, linked, total, share: total ? linked / total : 1, misses };
  };

  const byKind = (k: string) => result.findings.filter((f) => f.kind === k);
  const passages = result.passages.map((p) => ({ mentions: p.members }));
  const scores = [
    category('name variants', gold.name_variants, 'forms', byKind('name')),
    category('name agreements', gold.name_agreements, 'forms', byKind('name')),
    category('figure disagreements', gold.figure_disagreements, 'values', byKind('figure')),
    category('figure agreements', gold.figure_agreements, 'values', byKind('figure')),
    category('shared quotes', gold.shared_quotes, 'forms', byKind('quote')),
    category('aligned passages', gold.aligned_passages, 'spans', passages),
  ];

  const wrongMerges: string[] = [];
  for (const rule of gold.must_not_link) {
    const [x, y] = rule.forms as string[];
    for (const f of byKind('name')) {
      const texts = f.mentions.map((m) => m.text);
      if (texts.some((t) => t.includes(x)) && texts.some((t) => t.includes(y))) wrongMerges.push(`${x} + ${y} in ${f.id}`);
    }
  }

  const boilerplateFigures: string[] = [];
  for (const b of gold.figures_in_boilerplate as GoldValue[]) {
    for (const f of byKind('figure')) if (f.mentions.some((m) => hits(m, b))) boilerplateFigures.push(`${b.text} in ${f.id}`);
  }

  const duplicatesFound = (gold.duplicates as Array<{ source: string; of: string }>).every((d) =>
    result.duplicates.some((x) => x.source === d.source && x.of === d.of),
  );

  let spanErrors = 0;
  const check = (s: { source: string; start: number; end: number; text: string }) => {
    if ((raw[s.source] ?? '').slice(s.start, s.end) !== s.text) spanErrors++;
  };
  result.findings.forEach((f) => f.mentions.forEach(check));
  result.passages.forEach((p) => p.members.forEach(check));

  let right = 0;
  let total = 0;
  for (const e of gold.figure_disagreements) {
    const vs = values(e, 'values');
    const f = byKind('figure').find((x) => vs.every((v) => x.mentions.some((m) => hits(m, v))));
    total++;
    if (f && f.detail === e.kind) right++;
  }
  return { scores, wrongMerges, boilerplateFigures, duplicatesFound, spanErrors, figureDetailsRight: { right, total } };
}

/** The floors of the engine issue; `npm test` fails below them. */
export const FLOORS: Record<string, number> = {
  'name variants': 0.9,
  'figure disagreements': 0.8,
  'shared quotes': 1.0,
  'aligned passages': 0.85,
};
