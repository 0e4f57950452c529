import type { ResultFinding } from '../result';
import type { Entity, NameMention } from '../types';
import { nameDifference } from '../extract/entities';
import type { Analysis } from './context';
import { COPY_DEPARTS } from './origins';
import { resultSpan } from './spans';

/** How much a kind of name difference matters to a fact-checker, highest first. */
const SEVERITY: Record<string, number> = { spelling: 5, order: 3, hyphenation: 2, case: 2, title: 1, partial: 0, same: 0 };

/**
 * One finding per entity named in more than one origin: `agree` when every source writes
 * the full name the same way, otherwise `differ` with the most serious kind of difference.
 * Surname-only mentions count only when a source has no fuller form.
 */
export function nameFindings(analysis: Analysis): ResultFinding[] {
  const out: ResultFinding[] = [];
  for (const entity of analysis.entities) {
    const perDoc = formsPerDoc(analysis, entity);
    // One origin: a copy beside its original corroborates nothing, but a copy that spells a
    // name its own way is worth showing (perDoc.size > 1: two files of one origin).
    const oneOrigin = analysis.origins.count(perDoc.keys()) < 2;
    if (oneOrigin && perDoc.size < 2) continue;
    const forms = [...new Set([...perDoc.values()].flatMap((ms) => ms.map((m) => m.text)))];
    let worst = 'same';
    let pair: [string, string] | null = null;
    for (let i = 0; i < forms.length; i++) {
      for (let j = i + 1; j < forms.length; j++) {
        const d = difference(entity, forms[i], forms[j]);
        if ((SEVERITY[d] ?? 0) > (SEVERITY[worst] ?? 0)) {
          worst = d;
          pair = [forms[i], forms[j]];
        }
      }
    }
    const differ = worst !== 'same' && worst !== 'partial';
    if (!differ && (oneOrigin || entity.kind !== 'person')) continue;
    const shown = pair ? [...new Set(forms.filter((f) => difference(entity, f, pair![0]) !== 'partial' || f === pair![0]))] : forms;
    const mentions = [...perDoc.entries()]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([d, ms]) => ms.map((m) => ({ ...resultSpan(analysis.docs[d], m.start, m.end), label: m.title ?? undefined })));
    const independent = analysis.origins.count(perDoc.keys());
    out.push({
      id: '',
      kind: 'name',
      verdict: differ ? 'differ' : 'agree',
      detail: differ ? worst : 'same',
      summary: differ && pair
        ? `${shown.map((f) => `“${f}”`).join(' / ')} — ${DIFFERENCE_TEXT[worst] ?? 'written differently'}${oneOrigin ? COPY_DEPARTS : ''}`
        : `${kindLabel(entity)} “${entity.canonical}” written the same way in ${independent} independent sources`,
      importance: differ ? 40 + (SEVERITY[worst] ?? 0) * 8 + independent + (entity.kind === 'person' ? 10 : 0) : 5 + independent,
      independentSources: independent,
      mentions,
    });
  }
  return out;
}

const DIFFERENCE_TEXT: Record<string, string> = {
  spelling: 'one name, spelled differently',
  order: 'one name, given and family names in a different order',
  hyphenation: 'one name, hyphenated or spaced differently',
  case: 'one name, capitalised differently',
  title: 'one name, with a different title',
};

/**
 * How two forms of one entity differ. For bodies and places, dots, hyphens and short forms
 * are house style ("U.N." / "UN" / "United Nations"), not a discrepancy; only a real
 * spelling difference ("Kyiv" / "Kiev") counts.
 */
function difference(entity: Entity, a: string, b: string): string {
  const d = nameDifference(a, b);
  if (entity.kind === 'person') return d;
  return d === 'spelling' ? 'spelling' : d === 'same' ? 'same' : 'partial';
}

function kindLabel(entity: Entity): string {
  return entity.kind === 'person' ? 'Name' : entity.kind === 'place' ? 'Place name' : entity.kind === 'organization' ? 'Organisation name' : 'Name';
}

/**
 * Per source, the first mention of each distinct full form. A short form ("Nebenzia") is
 * kept only when the source has nothing longer for the entity.
 */
function formsPerDoc(analysis: Analysis, entity: Entity): Map<number, NameMention[]> {
  const byDoc = new Map<number, NameMention[]>();
  for (const m of entity.mentions) {
    const d = analysis.docs.findIndex((doc) => doc.id === m.source);
    if (d < 0) continue;
    const list = byDoc.get(d) ?? [];
    list.push(m);
    byDoc.set(d, list);
  }
  for (const [d, list] of byDoc) {
    const longest = Math.max(...list.map((m) => tokenCount(m.text)));
    const seen = new Set<string>();
    const kept = list
      .filter((m) => tokenCount(m.text) === longest || longest < 2)
      .filter((m) => (seen.has(m.text) ? false : (seen.add(m.text), true)));
    byDoc.set(d, kept);
  }
  return byDoc;
}

function tokenCount(s: string): number {
  return s.split(/[\s-]+/).filter(Boolean).length;
}
