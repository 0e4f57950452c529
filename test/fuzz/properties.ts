import fc from 'fast-check';
import type { CitationStyle } from '../../src/core/cite/citationStyle';
import { articleText, articleWithHugeLine, encode, fileBytes, fuzzDraft, HUGE, hugeLine, mutatedSeedSet, mutatedText, randomText, sourceSet, type FuzzSource } from './arbitraries';
import { HTML_TEXTS, MARKDOWN_TEXTS, SEED_TEXTS } from './corpus';
import { readFuzzSource, runDraftAgainstSeeds, runExtract, runPipeline, type PipelineOutput } from './pipeline';

/**
 * The engine's properties, shared by the CI test (`test/fuzz/engine.test.ts`, fixed seed,
 * fixed case counts) and the long fuzz (`npm run fuzz`, random seed, many more cases).
 * `ciRuns` is how many cases each gets under `npm test`: mostly small inputs, a few with
 * 100,000-character lines.
 */
export interface EngineProperty {
  name: string;
  ciRuns: number;
  arbitrary: fc.Arbitrary<unknown>;
  /** Throws when the property does not hold for the input. */
  predicate: (input: unknown) => void;
}

export function propertyOf(p: EngineProperty, wrap: (f: (input: unknown) => void) => (input: unknown) => void = (f) => f): fc.IProperty<[unknown]> {
  return fc.property(p.arbitrary, wrap(p.predicate));
}

const style = fc.constantFrom<CitationStyle>('footnote', 'pandoc', 'link');

const draftWithStyle = (maxBase: number) => fc.tuple(fuzzDraft(maxBase), style).map(([d, s]) => ({ ...d, style: s }));

/** Sources with a permutation of them. */
function withPermutation(sets: fc.Arbitrary<FuzzSource[]>): fc.Arbitrary<{ sources: FuzzSource[]; permuted: FuzzSource[] }> {
  return sets.chain((sources) => fc.shuffledSubarray(sources, { minLength: sources.length, maxLength: sources.length }).map((permuted) => ({ sources, permuted })));
}

function same(a: PipelineOutput, b: PipelineOutput, what: string): void {
  for (const k of ['compare', 'view', 'check', 'cite', 'read'] as const) {
    if (a[k] !== b[k]) throw new Error(`${what}: the ${k} output differs\n--- first\n${String(a[k]).slice(0, 2000)}\n--- then\n${String(b[k]).slice(0, 2000)}`);
  }
}

const prop = <T>(arbitrary: fc.Arbitrary<T>, predicate: (x: T) => void) => ({ arbitrary: arbitrary as fc.Arbitrary<unknown>, predicate: predicate as (x: unknown) => void });

export const PROPERTIES: EngineProperty[] = [
  {
    name: 'decode: any bytes (UTF-8, UTF-16, Windows-1252, BOMs, damaged) are read as text, or refused with a SourceError',
    ciRuns: 3500,
    ...prop(
      fc.record({ ext: fc.constantFrom('.txt', '.text', '', '.php'), bytes: fileBytes(fc.oneof(articleText(300), mutatedText(HTML_TEXTS, 300))) }),
      ({ ext, bytes }) => {
        readFuzzSource({ name: `x${ext}`, content: { kind: 'bytes', bytes } });
      },
    ),
  },
  {
    name: 'markdown: any text (front matter and broken YAML, every plane, lone surrogates) is read with a valid offset map',
    ciRuns: 1500,
    ...prop(
      fc.record({ ext: fc.constantFrom('.md', '.markdown'), bytes: fc.option(fc.constant(true)), text: fc.oneof(randomText(300), articleText(500), mutatedText(MARKDOWN_TEXTS, 1500)) }),
      ({ ext, bytes, text }) => {
        readFuzzSource({ name: `x${ext}`, content: bytes ? { kind: 'bytes', bytes: encode(text, 'utf8') } : { kind: 'text', text } });
      },
    ),
  },
  {
    name: 'html: any text (broken markup, entities, every plane) is read with a valid offset map',
    ciRuns: 800,
    ...prop(
      fc.record({ ext: fc.constantFrom('.html', '.htm', '.xhtml'), text: fc.oneof(randomText(300), articleText(500), mutatedText(HTML_TEXTS, 3000)) }),
      ({ ext, text }) => {
        readFuzzSource({ name: `x${ext}`, content: { kind: 'text', text } });
      },
    ),
  },
  {
    name: 'extract: the names, figures, quotes and sentences of any text are slices of it',
    ciRuns: 2300,
    ...prop(
      fc.record({ ext: fc.constantFrom('.txt', '.txt', '.md', '.html'), text: fc.oneof(randomText(200), articleText(800)) }),
      ({ ext, text }) => runExtract({ name: `x${ext}`, content: { kind: 'text', text } }),
    ),
  },
  {
    name: 'draft: any draft checked and cited against the seed articles gives diagnostics and edits within the draft',
    ciRuns: 1200,
    ...prop(draftWithStyle(1500), (draft) => {
      runDraftAgainstSeeds(draft, SEED_TEXTS);
    }),
  },
  {
    name: 'pipeline: small source sets and a draft — read, compare, reports, view, check, cite — never throw and every span is a slice of the original',
    ciRuns: 700,
    ...prop(fc.record({ sources: sourceSet(400, 4), draft: draftWithStyle(400) }), ({ sources, draft }) => {
      runPipeline(sources, { draft });
    }),
  },
  {
    name: 'order and determinism: a permutation of the sources, or the same sources again after others, give the same output',
    ciRuns: 250,
    ...prop(
      fc.record({ set: withPermutation(sourceSet(300, 4)), other: sourceSet(200, 3), draft: draftWithStyle(300) }),
      ({ set, other, draft }) => {
        const first = runPipeline(set.sources, { draft });
        same(first, runPipeline(set.permuted, { draft }), 'sources permuted');
        runPipeline(other, { draft });
        same(first, runPipeline(set.sources, { draft }), 'same input again');
      },
    ),
  },
  {
    name: 'articles: the seed articles, mutated and re-encoded, in any order',
    ciRuns: 30,
    ...prop(fc.record({ set: withPermutation(mutatedSeedSet), draft: draftWithStyle(2500) }), ({ set, draft }) => {
      const first = runPipeline(set.sources, { draft });
      same(first, runPipeline(set.permuted, { draft, compareOnly: false }), 'seed sources permuted');
    }),
  },
  {
    name: `huge: ${HUGE.toLocaleString('en-US')}-character lines in sources and drafts`,
    ciRuns: 4,
    ...prop(
      fc.record({
        a: articleWithHugeLine,
        b: fc.oneof(articleWithHugeLine, articleText(2000)),
        kinds: fc.tuple(fc.constantFrom('.txt', '.md', '.html'), fc.constantFrom('.txt', '.md')),
        draft: fc.oneof(draftWithStyle(1000), hugeLine.map((text) => ({ text, kind: 'markdown' as const, style: 'footnote' as const }))),
      }),
      ({ a, b, kinds, draft }) => {
        runPipeline(
          [
            { name: `a${kinds[0]}`, content: { kind: 'text', text: a } },
            { name: `b${kinds[1]}`, content: { kind: 'text', text: b } },
          ],
          { draft },
        );
      },
    ),
  },
];

/** Cases per run of the CI test, in total. */
export const CI_CASES = PROPERTIES.reduce((n, p) => n + p.ciRuns, 0);

