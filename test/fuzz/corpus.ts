import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real article text for the mutation arbitraries: the seed articles, the quake fixtures and
 * the Markdown/HTML reader fixtures, as they are on disk. Mutating real news text reaches far
 * more of the engine (figures, names, quotes, speakers, alignment) than random characters do.
 */
export interface CorpusFile {
  name: string;
  text: string;
}

const ROOT = join(__dirname, '..', '..');

function filesIn(dir: string, pattern: RegExp): CorpusFile[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs)
    .filter((n) => pattern.test(n))
    .sort()
    .map((n) => ({ name: n, text: readFileSync(join(abs, n), 'utf8') }));
}

export const SEED_TEXTS: CorpusFile[] = filesIn('seeds', /\.txt$/);
export const MARKDOWN_TEXTS: CorpusFile[] = [...filesIn('test/fixtures/quake/sources', /\.md$/), ...filesIn('test/fixtures/sources', /\.md$/)];
export const HTML_TEXTS: CorpusFile[] = filesIn('test/fixtures/sources', /\.html?$/);
export const DRAFT_TEXTS: CorpusFile[] = filesIn('test/fixtures/drafts', /\.md$/);

/** Every text of the corpus, for picking a base to mutate. */
export const ALL_TEXTS: CorpusFile[] = [...SEED_TEXTS, ...MARKDOWN_TEXTS, ...HTML_TEXTS, ...DRAFT_TEXTS];

/** The sentences (roughly: split after . ! ? and at line breaks) of every text, for short inputs. */
export const SENTENCES: string[] = ALL_TEXTS.flatMap((f) =>
  f.text
    .split(/(?<=[.!?]["”’]?)\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);
