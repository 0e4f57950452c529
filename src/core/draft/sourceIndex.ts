import type { Doc, Entity, NameMention, Quote } from '../types';
import type { ResultFinding } from '../result';
import { analyze, analyzeSet } from '../compare/analyze';
import type { SourceAnalysis } from '../compare/sourceAnalysis';
import type { Analysis } from '../compare/context';
import { groupFigures, judgeGroup } from '../compare/figureFindings';
import { blockingKeys, type FigureNode, keyWeights } from '../compare/figureNodes';
import { speakerResolver } from '../compare/quoteSpeakers';
import { guessTitle } from '../compare/compareSources';
import { SimilarityIndex } from '../align/similarityIndex';
import { segmentKeys, type Segment } from '../align/segments';
import { bodyKey } from '../extract/bodyKeys';
import { nameDifference } from '../extract/nameDifference';
import { blockKeys, parsePersonName, personMatch, type PersonName } from '../extract/nameMatch';
import type { CitationSource } from '../cite/citationSource';
import { quoteWordsAt, type QuoteWord } from './quoteAlign';

/** A quotation of a source, with its words and the entity of its speaker. */
export interface SourceQuote {
  doc: number;
  quote: Quote;
  words: QuoteWord[];
  /** Entity id of the speaker when the speaker is a person the sources name. */
  speakerEntity: string | null;
}

/** One way the sources write a person's name, and where. */
export interface NameForm {
  text: string;
  name: PersonName;
  mentions: NameMention[];
}

/** A group of source figures about one quantity, and how the sources relate on it. */
export interface FigureGroup {
  nodes: number[];
  /** The comparison finding of the group (null when only one origin gives it). */
  finding: ResultFinding | null;
}

/** A source passage matched to a sentence from outside the sources. */
export interface PassageMatch {
  segment: Segment;
  score: number;
}

/**
 * Everything a draft is checked against, computed once per source set: the analysis the
 * comparison makes (sentences, passages, copies, names, figures, quotes), a similarity
 * index over the sources' sentences, the figure groups, the sources' quotations by word,
 * and their people by name. Checking a draft only analyses the draft and queries this.
 * Sources are taken in id order, so the result does not depend on the order given.
 */
export class SourceIndex {
  readonly analysis: Analysis;
  readonly similarity: SimilarityIndex;
  readonly quotes: SourceQuote[] = [];
  readonly figureNodes: FigureNode[];
  readonly figureGroups: FigureGroup[] = [];
  /** figureGroupOf[node] = index into figureGroups. */
  readonly figureGroupOf: number[];
  readonly figureWeight: (key: string) => number;
  private readonly quotesByWord = new Map<string, number[]>();
  private readonly figuresByKey = new Map<string, number[]>();
  private readonly personForms = new Map<string, NameForm[]>();
  private readonly personBlocks = new Map<string, Array<{ entity: Entity; form: NameForm }>>();
  private readonly bodyForms = new Map<string, NameMention[]>();
  /** Places the sources spell in more than one way ("Kyiv" / "Kiev"), by each form's folded key. */
  private readonly placeVariants = new Map<string, { entity: Entity; forms: Map<string, NameMention[]> }>();
  private docWordCache: Array<{ words: QuoteWord[]; at: Map<string, number[]> } | undefined>;

  static fromDocs(docs: Doc[]): SourceIndex {
    const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return new SourceIndex(analyze(sorted));
  }

  /** From sources analysed once (and perhaps cached): only the stages across sources run. */
  static fromAnalyses(analyses: SourceAnalysis[]): SourceIndex {
    const sorted = [...analyses].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
    return new SourceIndex(analyzeSet(sorted));
  }

  /** From an analysis already made (the comparison's), so the sources are not analysed twice. */
  constructor(analysis: Analysis) {
    this.analysis = analysis;
    this.similarity = new SimilarityIndex(analysis.segments);
    this.docWordCache = analysis.docs.map(() => undefined);
    this.indexQuotes();
    const { nodes, groups } = groupFigures(analysis);
    this.figureNodes = nodes;
    this.figureWeight = keyWeights(nodes);
    this.figureGroupOf = nodes.map(() => -1);
    for (const g of groups) {
      const gi = this.figureGroups.length;
      this.figureGroups.push({ nodes: g, finding: g.length > 1 ? judgeGroup(analysis, g.map((i) => nodes[i])) : null });
      for (const i of g) this.figureGroupOf[i] = gi;
    }
    nodes.forEach((n, i) => {
      for (const k of blockingKeys(n)) push(this.figuresByKey, k, i);
    });
    this.indexNames();
  }

  get docs(): Doc[] {
    return this.analysis.docs;
  }

  docIndex(id: string): number {
    return this.analysis.docs.findIndex((d) => d.id === id);
  }

  /** Source details for a citation: the file's metadata, with a title guessed from the text when it has none. */
  citationSource(doc: number): CitationSource {
    const d = this.analysis.docs[doc];
    return { id: d.id, title: d.meta.title ?? guessTitle(d), outlet: d.meta.outlet, url: d.meta.url, date: d.meta.date, author: d.meta.author };
  }

  /** Source passages (sentences or pairs of sentences) like the given text, best first. */
  matchText(text: string, minScore = 0): PassageMatch[] {
    const keys = segmentKeys(text);
    if (keys.length < 2) return [];
    const out: PassageMatch[] = [];
    for (const [id, score] of this.similarity.query(keys)) {
      if (score >= minScore) out.push({ segment: this.analysis.segments[id], score });
    }
    return out.sort((a, b) => b.score - a.score || a.segment.id - b.segment.id);
  }

  /** Source quotations that share a word with the given words. */
  quoteCandidates(words: QuoteWord[]): SourceQuote[] {
    const ids = new Set<number>();
    for (const w of words) for (const i of this.quotesByWord.get(w.key) ?? []) ids.add(i);
    return [...ids].sort((a, b) => a - b).map((i) => this.quotes[i]);
  }

  /** Source figures that can meet a figure with these blocking keys. */
  figureCandidates(keys: string[]): number[] {
    const ids = new Set<number>();
    for (const k of keys) {
      const list = this.figuresByKey.get(k) ?? [];
      if (list.length <= 400) for (const i of list) ids.add(i);
    }
    return [...ids].sort((a, b) => a - b);
  }

  /** The person the sources name that a written name refers to, or null when none or when two fit equally. */
  person(name: string): { entity: Entity; score: number } | null {
    // Asked for every name of every version of a draft: kept by name.
    let found = this.people.get(name);
    if (found === undefined) {
      found = this.findPerson(name);
      if (this.people.size >= 20_000) this.people.clear();
      this.people.set(name, found);
    }
    return found;
  }

  private readonly people = new Map<string, { entity: Entity; score: number } | null>();

  private findPerson(name: string): { entity: Entity; score: number } | null {
    const parsed = parsePersonName(name);
    if (!parsed.units.length) return null;
    const scores = new Map<Entity, number>();
    for (const k of blockKeys(parsed)) {
      for (const { entity, form } of this.personBlocks.get(k) ?? []) {
        const s = personMatch(parsed, form.name);
        if (s > (scores.get(entity) ?? 0)) scores.set(entity, s);
      }
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
    if (!ranked.length || (ranked.length > 1 && ranked[1][1] >= ranked[0][1] - 0.02)) return null;
    return { entity: ranked[0][0], score: ranked[0][1] };
  }

  /** The distinct ways the sources write a person entity's name. */
  personFormsOf(entityId: string): NameForm[] {
    return this.personForms.get(entityId) ?? [];
  }

  /** The place a form belongs to when the sources spell that place in more than one way. */
  placeSpellings(key: string): { entity: Entity; forms: Map<string, NameMention[]> } | undefined {
    return this.placeVariants.get(key);
  }

  /** Source mentions of organisations and places, by folded key. */
  bodies(): ReadonlyMap<string, NameMention[]> {
    return this.bodyForms;
  }

  /** A source's words (furniture and captions left out), with where each key occurs. */
  docWords(doc: number): { words: QuoteWord[]; at: Map<string, number[]> } {
    let cached = this.docWordCache[doc];
    if (!cached) {
      const d = this.analysis.docs[doc];
      const words: QuoteWord[] = [];
      for (const s of d.sentences) if (!s.boilerplate && !s.caption) words.push(...quoteWordsAt(d.norm.slice(s.start, s.end), s.start));
      const at = new Map<string, number[]>();
      words.forEach((w, i) => push(at, w.key, i));
      cached = this.docWordCache[doc] = { words, at };
    }
    return cached;
  }

  private indexQuotes(): void {
    const speakerOf = speakerResolver(this.analysis);
    this.analysis.quotes.forEach((qs, d) => {
      const doc = this.analysis.docs[d];
      for (const quote of qs) {
        if (quote.sentences.some((s) => doc.sentences[s]?.boilerplate || doc.sentences[s]?.caption)) continue;
        const i = this.quotes.length;
        const words = quoteWordsAt(quote.text, quote.start);
        this.quotes.push({ doc: d, quote, words, speakerEntity: speakerOf(d, quote) });
        for (const key of new Set(words.map((w) => w.key))) push(this.quotesByWord, key, i);
      }
    });
  }

  private indexNames(): void {
    for (const entity of this.analysis.entities) {
      if (entity.kind !== 'person') {
        const forms = new Map<string, NameMention[]>();
        for (const m of entity.mentions) {
          push(this.bodyForms, bodyKey(m.text), m);
          push(forms, m.text, m);
        }
        const texts = [...forms.keys()];
        const spelt = entity.kind === 'place' && texts.some((a, i) => texts.slice(i + 1).some((b) => nameDifference(a, b) === 'spelling'));
        if (spelt) for (const t of texts) this.placeVariants.set(bodyKey(t), { entity, forms });
        continue;
      }
      const byText = new Map<string, NameForm>();
      for (const m of entity.mentions) {
        let form = byText.get(m.text);
        if (!form) byText.set(m.text, (form = { text: m.text, name: parsePersonName(m.text), mentions: [] }));
        form.mentions.push(m);
      }
      const forms = [...byText.values()];
      this.personForms.set(entity.id, forms);
      for (const form of forms) for (const k of blockKeys(form.name)) push(this.personBlocks, k, { entity, form });
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
