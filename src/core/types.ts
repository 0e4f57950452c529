/**
 * Shared types of the engine. Offsets named `start`/`end` on engine-internal objects are
 * offsets into a source's normalised text (`Doc.norm`) unless the field says otherwise;
 * everything that leaves the engine is mapped back to the decoded file text (`Doc.raw`).
 */

/** A half-open range [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** A range with the exact text of that slice. */
export interface Span extends Range {
  text: string;
}

/** Metadata of a source, from front matter, HTML meta tags or the file name. */
export interface SourceMeta {
  title?: string;
  outlet?: string;
  url?: string;
  date?: string;
  author?: string;
}

/** What a reader makes of one file: its decoded text and the article text inside it. */
export interface ReadResult {
  /** Decoded file content; every offset the engine reports points into this string. */
  raw: string;
  /**
   * The article text to analyse, with markup removed (Markdown syntax, HTML tags, front matter).
   * For plain text it is `raw` itself. Blocks (paragraphs, headings, list items) are
   * separated by newlines; a reader joins the lines of one wrapped paragraph with spaces.
   */
  text: string;
  /** `toRaw[i]` is the offset in `raw` of `text[i]`; length is `text.length + 1`. */
  toRaw: Int32Array;
  meta: SourceMeta;
  /** Human-readable notes about the reading, e.g. "decoded as Windows-1252". */
  notes: string[];
}

/** One sentence of a source, in normalised-text offsets. */
export interface Sentence extends Range {
  index: number;
  /** Index of the paragraph (block) the sentence belongs to. */
  block: number;
  /** True when the sentence is site furniture (subscribe calls, forms, menus, credits…). */
  boilerplate: boolean;
  /**
   * True for photo captions: dimmed and never compared for figures, quotes or passages, but
   * names in them still count (a caption shows how the outlet spells a name).
   */
  caption: boolean;
}

/** A source fully prepared for extraction. */
export interface Doc {
  id: string;
  path: string;
  meta: SourceMeta;
  raw: string;
  /**
   * The repaired text used for matching: same reading as `raw`, with NBSP and damaged
   * spaces turned into spaces, curly quotes and dashes straightened, CRLF made LF, NFC.
   */
  norm: string;
  /** `normToRaw[i]` is the raw offset of `norm[i]`; length `norm.length + 1`. */
  normToRaw: Int32Array;
  blocks: Range[];
  sentences: Sentence[];
  notes: string[];
}

/** How a figure is hedged; the interval in `Figure` already reflects it. */
export type Hedge =
  | 'exact'
  | 'approximately' // around, about, some, nearly, roughly, almost
  | 'at-least' // at least, no fewer than
  | 'more-than' // more than, over, above, well over, upwards of
  | 'at-most' // at most, up to, no more than
  | 'less-than' // less than, under, fewer than, below
  | 'range' // between 10 and 20, 10-20
  | 'vague'; // thousands, dozens, millions, several, a few

export type FigureKind = 'count' | 'year' | 'date' | 'money' | 'percent' | 'measure' | 'ordinal';

/** A figure found in a source (norm offsets). */
export interface Figure extends Span {
  source: string;
  sentence: number;
  kind: FigureKind;
  /** Interval of values the wording allows: `lo`…`hi`, open at an end when `loOpen`/`hiOpen`. */
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  hedge: Hedge;
  /** The counted noun, singular and lower case ("container", "time", "case", "shell"); null for years/dates. */
  noun: string | null;
  /** Words of the noun phrase around the figure, lower case, for telling claims apart. */
  context: string[];
  /** Who the sentence says claims the figure ("Ukrainian prosecutors", "the U.S."), as written. */
  claimant: string | null;
  /** A time expression in the same sentence ("since September 2023", "in 2006"), as written. */
  time: string | null;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

/** A mention of a name in a source (norm offsets); `text` is the name without titles. */
export interface NameMention extends Span {
  source: string;
  sentence: number;
  kind: EntityKind;
  /** Title or role words written before the name ("Ambassador", "Mr", "Foreign Minister"). */
  title: string | null;
  /**
   * For a surname-only or short mention resolved to a fuller name in the same source,
   * that fuller name as written; otherwise null.
   */
  resolvedTo: string | null;
}

/** One entity: mentions in several sources that refer to the same person, place or body. */
export interface Entity {
  id: string;
  kind: EntityKind;
  /** The most complete, most frequent form. */
  canonical: string;
  mentions: NameMention[];
}

/** A quotation in a source (norm offsets); the span is the quoted words without the marks. */
export interface Quote extends Span {
  source: string;
  /** Sentences the quote touches. */
  sentences: number[];
  /** The span including the quote marks. */
  outer: Range;
  /** Who is quoted, as written in the source, after resolving "he said" to the last named person. */
  speaker: string | null;
  /** Offsets of the speaker phrase in norm when it is written in the text near the quote. */
  speakerSpan: Range | null;
  /** True for quotes that run over several paragraphs. */
  multiParagraph: boolean;
  /** Short scare quotes or titles of one or two words are kept, but flagged. */
  short: boolean;
}
