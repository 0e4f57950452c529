import type { ReadResult } from '../../src/core/types';
import type { Analysis } from '../../src/core/compare/context';
import type { CompareResult } from '../../src/core/result';
import { SourceError } from '../../src/core/text/decode';
import { charRefAt } from '../../src/core/text/charRef';
import { extensionOf, readSource } from '../../src/core/sources/readSource';
import { readPlainText } from '../../src/core/sources/plainText';
import { readMarkdown } from '../../src/core/sources/markdown';
import { readHtml } from '../../src/core/sources/html';
import { prepareDoc } from '../../src/core/sources/prepare';
import { compareSources, type SourceInput } from '../../src/core/compare/compareSources';
import { analyzeInputs, viewModelOf } from '../../src/core/view/buildView';
import { analyseDoc } from '../../src/core/compare/analyze';
import { resultSpan } from '../../src/core/compare/spans';
import { renderJson } from '../../src/core/report/json';
import { renderMarkdown } from '../../src/core/report/markdown';
import { renderHtml } from '../../src/core/report/html';
import { renderTerminal } from '../../src/core/report/terminal';
import { SourceIndex } from '../../src/core/draft/sourceIndex';
import { checkDraft } from '../../src/core/draft/checkDraft';
import { readDraft, type DraftInput } from '../../src/core/draft/draftText';
import { renderCheckJson } from '../../src/core/report/checkJson';
import { renderCheckTerminal } from '../../src/core/report/checkTerminal';
import { rankPassages } from '../../src/core/draft/rankPassages';
import { draftSentences } from '../../src/core/cite/citedSentence';
import { planCitation, planCitations, type CitationItem } from '../../src/core/cite/planCitation';
import { applyEdits, type TextEdit } from '../../src/core/cite/textEdit';
import type { CitationStyle } from '../../src/core/cite/citationStyle';
import type { FuzzDraft, FuzzSource } from './arbitraries';

/**
 * The whole pipeline the command line and the extension run, from a file's bytes (or an
 * editor's text) to every report, with the engine's span contract checked at each step:
 * every reported `{start, end, text}` is `original.slice(start, end)`, within the text, and
 * does not cut a surrogate pair in two. A violation throws an `InvariantError` naming it;
 * anything else the engine throws propagates as it is.
 */

export class InvariantError extends Error {
  override name = 'InvariantError';
}

export interface PipelineOutput {
  /** The contract result, as `compare --json` prints it (empty when fewer than two sources were read). */
  compare: string;
  /** The side-by-side panel's model, without the source texts. */
  view: string;
  /** `check --json`'s diagnostics. */
  check: string;
  /** Citation plans for the draft's sentences and for its confirmed quotations. */
  cite: string;
  /** How many sources could be read. */
  read: number;
}

export interface PipelineOptions {
  draft?: (FuzzDraft & { style?: CitationStyle }) | null;
  /** Skip the reports and the draft (for properties that only need the comparison). */
  compareOnly?: boolean;
}

// ---------------------------------------------------------------------------------------
// Span checks

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when offset `i` falls between the two halves of a surrogate pair of `text`. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

export function hasLoneSurrogate(text: string): boolean {
  return /\p{Cs}/u.test(text);
}

const LETTER = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

/**
 * True when offset `i` falls between a letter or digit and a combining mark that belongs to
 * it ("e|\u0301"): a span that ends there leaves the accent out of the word it reports.
 */
export function cutsAccent(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.codePointAt(i - 1 - (splitsPair(text, i - 1) ? 1 : 0)) ?? 0;
  const after = text.codePointAt(i) ?? 0;
  return LETTER.test(String.fromCodePoint(before)) && MARK.test(String.fromCodePoint(after));
}

class Checker {
  readonly errors: string[] = [];

  /**
   * A reported span: within the text, its exact slice, splitting no surrogate pair and
   * cutting no combining mark off a letter. An `edit` range may start or end inside a
   * grapheme (what counts is the text it makes), and so may an extractor's span of the
   * normalised text (`norm`), as long as it is mapped back to a whole one.
   */
  range(where: string, original: string, s: { start: number; end: number; text?: string }, mode: 'span' | 'edit' | 'norm' = 'span'): void {
    const { start, end } = s;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > original.length) {
      this.fail(`${where}: range ${start}..${end} is not within 0..${original.length}`);
      return;
    }
    if (s.text !== undefined && original.slice(start, end) !== s.text) {
      this.fail(`${where}: text ${JSON.stringify(s.text)} is not the slice ${start}..${end} ${JSON.stringify(original.slice(start, end))}`);
    }
    if (splitsPair(original, start)) this.fail(`${where}: start ${start} splits a surrogate pair`);
    if (splitsPair(original, end)) this.fail(`${where}: end ${end} splits a surrogate pair`);
    if (mode !== 'span') return;
    if (end > start && cutsAccent(original, end)) this.fail(`${where}: end ${end} cuts the combining mark off ${JSON.stringify(original.slice(Math.max(start, end - 8), end + 2))}`);
    if (end > start && cutsAccent(original, start)) this.fail(`${where}: start ${start} begins with a combining mark of ${JSON.stringify(original.slice(Math.max(0, start - 8), start + 2))}`);
  }

  /** Edits of one plan: within the text, not overlapping, not splitting pairs, and applicable. */
  edits(where: string, original: string, edits: readonly TextEdit[]): string {
    edits.forEach((e, i) => this.range(`${where}[${i}]`, original, e, 'edit'));
    if (this.errors.length) return original;
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) this.fail(`${where}: edits overlap`);
    return this.errors.length ? original : applyEdits(original, edits);
  }

  /** Every number of a result is finite (NaN and Infinity do not survive JSON). */
  finite(where: string, value: unknown): void {
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) this.fail(`${where}${path} is ${v}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(value, '');
  }

  fail(message: string): void {
    if (this.errors.length < 20) this.errors.push(message);
  }

  done(): void {
    if (this.errors.length) throw new InvariantError(this.errors.join('\n'));
  }
}

// ---------------------------------------------------------------------------------------
// Reading

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const HTML = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/**
 * Reads one source: bytes as the command line reads a file (a `SourceError` means "skipped",
 * which is allowed), text as the editor hands a document to the readers.
 */
export function readFuzzSource(s: FuzzSource, check: Checker = new Checker()): ReadResult | null {
  let read: ReadResult;
  if (s.content.kind === 'bytes') {
    try {
      read = readSource(s.name, s.content.bytes);
    } catch (e) {
      if (e instanceof SourceError) return null;
      throw e;
    }
  } else {
    const ext = extensionOf(s.name);
    const text = s.content.text;
    try {
      read = MARKDOWN.has(ext) ? readMarkdown(text, []) : HTML.has(ext) ? readHtml(text, []) : readPlainText(text, []);
    } catch (e) {
      // A page with no text at all is refused, as it is when read from a file.
      if (e instanceof SourceError) return null;
      throw e;
    }
    if (read.raw !== text) check.fail(`${s.name}: the reader changed the raw text`);
  }
  checkRead(s.name, read, check);
  return read;
}

const WORDISH = /[\p{L}\p{N}]/u;

/**
 * The reader contract (as test/unit/sourceAsserts.ts states it for the fixtures): every
 * offset lies in the raw text, and every letter or digit of the article text points at the
 * raw character that produced it, or at the escape or character reference that decodes to it.
 */
function checkRead(name: string, r: ReadResult, check: Checker): void {
  if (r.toRaw.length !== r.text.length + 1) check.fail(`${name}: toRaw has ${r.toRaw.length} entries for ${r.text.length} characters`);
  for (let i = 0; i < r.toRaw.length; i++) {
    const o = r.toRaw[i];
    if (o < 0 || o > r.raw.length) {
      check.fail(`${name}: toRaw[${i}] = ${o} is outside the raw text (0..${r.raw.length})`);
      return;
    }
  }
  // Text the HTML reader could not find in the file (say, the DOM's text of a script left
  // open by a cut file) gets nearby offsets, and the reader says so in a note.
  if (r.notes.some((n) => n.includes('positions are approximate'))) return;
  for (let i = 0; i < r.text.length; i++) {
    const ch = r.text[i];
    const o = r.toRaw[i];
    if (r.raw[o] === ch || !WORDISH.test(ch)) continue;
    if (r.raw[o] === '\\' && r.raw[o + 1] === ch) continue;
    const ref = charRefAt(r.raw, o, true);
    if (ref && ref.text.includes(ch)) continue;
    check.fail(`${name}: text[${i}] = ${JSON.stringify(ch)} maps to raw[${o}] = ${JSON.stringify(r.raw.slice(o, o + 10))}`);
    return;
  }
}

// ---------------------------------------------------------------------------------------
// The pipeline

export function runPipeline(sources: FuzzSource[], opts: PipelineOptions = {}): PipelineOutput {
  const check = new Checker();
  const inputs: SourceInput[] = [];
  for (const s of sources) {
    const read = readFuzzSource(s, check);
    if (read) inputs.push({ id: s.name, path: `/fuzz/${s.name}`, read });
  }
  check.done();
  const rawOf = new Map(inputs.map((i) => [i.id, i.read.raw]));
  const out: PipelineOutput = { compare: '', view: '', check: '', cite: '', read: inputs.length };

  if (inputs.length >= 2) {
    const result = compareSources(inputs);
    checkResult(result, rawOf, check);
    out.compare = renderJson(result);
    if (!opts.compareOnly) {
      renderMarkdown(result);
      renderHtml(result);
      renderTerminal(result, { color: true, width: 80, limit: Infinity });
      renderTerminal(result, { color: false, width: 20 });
      const analysis = analyzeInputs(inputs);
      checkAnalysis(analysis, check);
      const view = viewModelOf(analysis);
      view.sources.forEach((s) => {
        if (s.text !== rawOf.get(s.id)) check.fail(`view source ${s.id}: text is not the decoded file text`);
        s.boilerplate.forEach((b, i) => check.range(`view ${s.id}.boilerplate[${i}]`, s.text, b));
      });
      view.rows.forEach((row) =>
        row.cells.forEach((cell, ci) => {
          if (!cell) return;
          const text = view.sources[ci].text;
          check.range(`row ${row.id} cell ${ci}`, text, cell);
          cell.diff.forEach((d, di) => {
            check.range(`row ${row.id} cell ${ci} diff[${di}]`, text, d);
            if (d.start < cell.start || d.end > cell.end) check.fail(`row ${row.id} cell ${ci}: diff ${d.start}..${d.end} is outside the cell ${cell.start}..${cell.end}`);
          });
        }),
      );
      out.view = JSON.stringify({ ...view, sources: view.sources.map((s) => ({ ...s, text: s.text.length })) });
    }
  }
  check.done();

  if (opts.draft && inputs.length >= 1 && !opts.compareOnly) {
    const docs = inputs.map((s) => prepareDoc(s.id, s.path, s.read));
    const index = SourceIndex.fromDocs(docs);
    const { check: c, cite } = draftPipeline(opts.draft, index, rawOf, check);
    out.check = c;
    out.cite = cite;
  }
  check.done();
  return out;
}

function checkResult(result: CompareResult, rawOf: Map<string, string>, check: Checker): void {
  check.finite('result', result);
  const raw = (id: string, where: string): string => {
    const r = rawOf.get(id);
    if (r === undefined) check.fail(`${where}: unknown source ${JSON.stringify(id)}`);
    return r ?? '';
  };
  // Titles and summaries are cut to length: never in the middle of a surrogate pair (unless
  // the sources themselves hold lone surrogates, which are then shown as they are).
  if (![...rawOf.values()].some(hasLoneSurrogate)) {
    for (const s of result.sources) if (hasLoneSurrogate(s.title)) check.fail(`source ${s.id}: title ${JSON.stringify(s.title)} has a lone surrogate`);
    for (const f of result.findings) if (hasLoneSurrogate(f.summary)) check.fail(`${f.id}: summary ${JSON.stringify(f.summary)} has a lone surrogate`);
  }
  for (const s of result.sources) s.boilerplate.forEach((b, i) => check.range(`source ${s.id}.boilerplate[${i}]`, raw(s.id, s.id), b));
  for (const d of result.duplicates) {
    raw(d.source, 'duplicate');
    raw(d.of, 'duplicate');
  }
  for (const p of result.passages) p.members.forEach((m, i) => check.range(`${p.id}.members[${i}]`, raw(m.source, p.id), m));
  for (const f of result.findings) {
    if (f.mentions.length === 0) check.fail(`${f.id}: no mentions`);
    f.mentions.forEach((m, i) => check.range(`${f.id}.mentions[${i}] (${f.detail})`, raw(m.source, f.id), m));
  }
}

/** The extractors' own spans (in normalised text) and the same spans mapped back to the file. */
function checkAnalysis(analysis: Pick<Analysis, 'docs' | 'figures' | 'names' | 'quotes'>, check: Checker): void {
  analysis.docs.forEach((doc, d) => {
    if (doc.normToRaw.length !== doc.norm.length + 1) check.fail(`${doc.id}: normToRaw has ${doc.normToRaw.length} entries for ${doc.norm.length} characters`);
    const spans: Array<[string, { start: number; end: number; text?: string }]> = [
      ...analysis.figures[d].map((f, i) => [`figure[${i}]`, f] as [string, typeof f]),
      ...analysis.names[d].map((n, i) => [`name[${i}]`, n] as [string, typeof n]),
      ...analysis.quotes[d].map((q, i) => [`quote[${i}]`, q] as [string, typeof q]),
      ...analysis.quotes[d].map((q, i) => [`quote[${i}].outer`, q.outer] as [string, typeof q.outer]),
      ...doc.sentences.map((s, i) => [`sentence[${i}]`, s] as [string, typeof s]),
    ];
    for (const [where, s] of spans) {
      check.range(`${doc.id} ${where} (norm)`, doc.norm, s, 'norm');
      if (s.start >= 0 && s.end <= doc.norm.length && s.start <= s.end) check.range(`${doc.id} ${where} (raw)`, doc.raw, resultSpan(doc, s.start, s.end));
    }
  });
}

function draftPipeline(draftIn: FuzzDraft & { style?: CitationStyle }, index: SourceIndex, rawOf: Map<string, string>, check: Checker): { check: string; cite: string } {
  const style = draftIn.style ?? 'footnote';
  const input: DraftInput = { id: draftIn.kind === 'markdown' ? 'draft.md' : 'draft.txt', text: draftIn.text, kind: draftIn.kind };
  const text = input.text;
  const sourceRaw = (id: string): string => rawOf.get(id) ?? (check.fail(`evidence of unknown source ${id}`), '');

  const diagnostics = checkDraft(input, index, { citationStyle: style });
  check.finite('diagnostics', diagnostics);
  const lone = hasLoneSurrogate(text) || [...rawOf.values()].some(hasLoneSurrogate);
  diagnostics.forEach((d, i) => {
    const where = `diagnostic[${i}] ${d.kind}/${d.detail}`;
    if (!lone && hasLoneSurrogate(d.message)) check.fail(`${where}: message ${JSON.stringify(d.message)} has a lone surrogate`);
    check.range(where, text, d);
    d.evidence.forEach((e, j) => check.range(`${where}.evidence[${j}]`, sourceRaw(e.source), e));
    if (d.fixes) check.edits(`${where}.fixes`, text, d.fixes);
    if (d.fix) check.edits(`${where}.fix`, text, [d.fix]);
  });
  renderCheckJson({ version: 1, draft: input.id, sources: index.docs.map((d) => ({ id: d.id, path: d.path })), diagnostics, problems: [] });
  renderCheckTerminal({ draftPath: input.id, draftText: text, diagnostics, sourceText: (id) => rawOf.get(id), sourcePath: (id) => `/fuzz/${id}` }, { color: true, width: 60 });

  // Citations: the CLI's `cite` for a few sentences, and "Cite All Verified Quotes".
  const draft = readDraft(input);
  const sentences = draftSentences(draft);
  const plans: unknown[] = [];
  const picked = sentences.length <= 3 ? sentences : [sentences[0], sentences[Math.floor(sentences.length / 2)], sentences[sentences.length - 1]];
  for (const sentence of picked) {
    check.range('draft sentence', text, sentence);
    const s = draft.doc.sentences[sentence.index];
    if (!s) {
      check.fail(`draft sentence ${sentence.index} does not exist`);
      continue;
    }
    const ranked = rankPassages(draft.doc.norm.slice(s.start, s.end), index, { limit: index.docs.length });
    ranked.forEach((r, j) => check.range(`ranked[${j}]`, sourceRaw(r.source), r));
    const doc = ranked[0] ? index.docIndex(ranked[0].source) : 0;
    const plan = planCitation({ draft, at: { start: sentence.start, end: sentence.end }, source: index.citationSource(doc), passage: ranked[0]?.text, style });
    check.range('plan.sentence', text, plan.sentence);
    check.edits('plan.edits', text, plan.edits);
    plans.push(plan);
  }
  const confirmed = diagnostics.filter((d) => d.kind === 'quote' && d.verdict === 'agree' && d.evidence.length > 0);
  const items: CitationItem[] = confirmed.map((d) => ({ at: { start: d.start, end: d.end }, source: index.citationSource(index.docIndex(d.evidence[0].source)), passage: d.evidence[0].text }));
  if (items.length) {
    const all = planCitations(draft, items, { style });
    check.edits('citeAll.edits', text, all.edits);
    plans.push(all);
  }
  return { check: JSON.stringify(diagnostics), cite: JSON.stringify(plans) };
}

/** One source on its own: read, prepared, its names, figures, quotes and sentences extracted. */
export function runExtract(source: FuzzSource): void {
  const check = new Checker();
  const read = readFuzzSource(source, check);
  check.done();
  if (!read) return;
  const doc = prepareDoc(source.name, source.name, read);
  const a = analyseDoc(doc);
  checkAnalysis({ docs: [doc], figures: [a.figures], names: [a.names], quotes: [a.quotes] }, check);
  check.done();
}

let seedSet: { index: SourceIndex; rawOf: Map<string, string> } | undefined;

/** A draft checked (and cited) against the seed articles, analysed once for all cases. */
export function runDraftAgainstSeeds(draft: FuzzDraft & { style?: CitationStyle }, seeds: Array<{ name: string; text: string }>): string {
  if (!seedSet) {
    const docs = seeds.map((s) => prepareDoc(s.name, `/seeds/${s.name}`, readPlainText(s.text)));
    seedSet = { index: SourceIndex.fromDocs(docs), rawOf: new Map(seeds.map((s) => [s.name, s.text])) };
  }
  const check = new Checker();
  const out = draftPipeline(draft, seedSet.index, seedSet.rawOf, check);
  check.done();
  return out.check;
}
