import fc from 'fast-check';
import { ALL_TEXTS, DRAFT_TEXTS, HTML_TEXTS, MARKDOWN_TEXTS, SEED_TEXTS, SENTENCES } from './corpus';

/**
 * Arbitraries for the engine's property tests: hostile strings and bytes, and — the more
 * useful kind — real news text with hostile mutations, so that the figures, names, quotes
 * and passages the engine finds sit right next to the damage.
 */

// ---------------------------------------------------------------------------------------
// Characters and fragments

/** One UTF-16 code unit, any of them: lone surrogates included. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A lone surrogate, high or low. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** One code point of any plane, or a lone surrogate (a quarter of the time). */
export const anyChar = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: codeUnit },
);

/** Fully random text: every plane, lone surrogates, controls. */
export function randomText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: anyChar, maxLength });
}

/** Characters that have broken text engines before; each is a separate hazard. */
export const HAZARDS: readonly string[] = [
  // combining marks, alone and stacked, and decomposed letters NFC recomposes
  '\u0301', '\u0308\u0301\u0327', 'e\u0301', 'A\u030A', '\u20DD', '\u1100\u1161\u11A8', 'n\u0303\u0303\u0303\u0303',
  // scripts whose words hold marks, and astral characters NFC maps to the BMP
  'नमस्ते', 'สวัสดี', 'Nguye\u0302\u0303n', ' Nebenzie\u0301 ', '\u{2F800}', '\u{1D15E}', '\u{1D165}',
  // right-to-left text and bidi controls
  'שלום', 'مرحبا', '\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200E', '\u061C',
  // emoji: astral, ZWJ sequences, flags, skin tones, keycaps, variation selectors
  '😀', '👩‍👩‍👧‍👦', '🇺🇳', '👍🏽', '1️⃣', '#\uFE0F\u20E3', '\u2764\uFE0F', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  // NUL and other controls, BOM, zero-width characters, soft hyphen, replacement character
  '\u0000', '\u0001', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\u009B', '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFFFD', '\uFFFE', '\uFFFF',
  // lone surrogates, in both orders
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800', '\uD83D', '\uDE00',
  // line breaks of every kind
  '\r', '\n', '\r\n', '\n\r', '\r\r\n', '\u2028', '\u2029', '\u000B', '\u000C', '\n\n\n', '\t',
  // spaces that are not U+0020
  '\u00A0', '\u202F', '\u2007', '\u2009', '\u3000', '\u1680',
  // quote marks, balanced and not, and apostrophes
  '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '"', "'", '`', '""', '“”', '„“', '"""', '“““', '”””', "''''", '« ', ' »', '「', '」',
  // damaged spaces, dashes, hyphen runs
  '?', 'a?b', 'Russia?on', '-', '--', '---', '—', '–', '‐', '‑', '−', '-----------', '—–—–', '-1', '1-', '10-20', '-10-',
  // numbers: huge, tiny, odd digits and separators
  '999999999999999999999999999999', '1e308', '1e-308', '0.000000001', '1,000,000,000,000,000', '1.5 million', '12 billion',
  '3,', ',000', '1.2.3.4', '٣٤٥', '１２３', '𝟏𝟐𝟑', '½', '²', 'Ⅻ', '0x1F', 'NaN', 'Infinity', '2009', '31 Feb 2024', 'Oct. 13',
  '00000000000000000000', '9'.repeat(400), '1,2,3,4,5,6,7,8,9', '%', '$', '€', '£', '50%', '$3.5bn', '-0',
  // letters whose case mapping or normalisation changes the length
  'İ', 'ß', 'ŉ', 'ﬁ', 'ﬃ', 'ǰ', 'ΐ', 'Ⅸ', 'ﬀ', 'Å', 'Ω', 'ẞ', '\u0345', 'K',
  // other planes: private use, tags, the last code point, CJK extension B
  '\uE000', '\u{F0000}', '\u{10FFFF}', '\u{E0041}', '\u{20000}', '\u{1D11E}',
  // markup that the Markdown and HTML readers must not trip on
  '---\n', '---\ntitle: [\n---\n', '---\n: : :\n\t- x\n---\n', '```', '~~~', '`', '<!--', '-->', '<script>', '</p>', '<br>', '&amp;', '&#0;', '&#xD800;', '&#x1F600;',
  '&#99999999;', '&nbsp;', '&', '[a](b)', '[^1]', '[^1]: ', '[@key]', '> ', '# ', '|a|b|\n|-|-|', '* ', '1. ', '\\', '<', '>', '<http://x>', '![i](j)',
  // news words the extractors look for
  ' said ', ' told ', ' according to ', 'Mr ', 'U.N.', 'U.S.', ' at least ', ' more than ', ' around ', ' thousands ', ' dozens of ', ' million ',
  ' he said.', 'Nebenzia', 'Nebenzya', ' Kim Jong-un ', ' times', ' cases', ' containers', ' in 2006', ' since ', ':', ';', '...', '…', '.', '!', '?!',
];

/** A number as a news writer (or a broken converter) might write it. */
export const numberText = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => n.toLocaleString('en-US')),
  fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' '), minLength: 1, maxLength: 40 }),
);

/** A run of one repeated piece: hyphens, quote marks, digits, dots, line breaks. */
export const repeatedRun = fc
  .tuple(fc.constantFrom('-', '—', '"', '“', '”', "'", '’', '1', '.', '?', '\r\n', '\n', ' ', 'a', '\u0301', '😀', '\uD800'), fc.integer({ min: 2, max: 300 }))
  .map(([s, n]) => s.repeat(n));

/** A piece to insert into text. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HAZARDS) },
  { weight: 2, arbitrary: randomText(8) },
  { weight: 1, arbitrary: numberText },
  { weight: 1, arbitrary: repeatedRun },
  { weight: 1, arbitrary: fc.constantFrom(...SENTENCES) },
);

// ---------------------------------------------------------------------------------------
// Mutations of real text

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'duplicate'; at: number; length: number; times: number };

/** Positions are fractions of the current length, so a mutation means the same on any text. */
const at = fc.double({ min: 0, max: 1, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: fragment }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at, length: fc.integer({ min: 1, max: 8 }), text: fragment }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 20 }) }) },
);

export function applyMutation(text: string, m: Mutation): string {
  const i = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  switch (m.op) {
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'replace':
      return text.slice(0, i) + m.text + text.slice(i + m.length);
    case 'duplicate': {
      const piece = text.slice(i, i + m.length);
      return text.slice(0, i) + piece.repeat(m.times) + text.slice(i + m.length);
    }
  }
}

/** Changes to the whole text: line endings, normalisation, case, spaces, quote styles, repetition. */
export const TRANSFORMS = {
  none: (s: string) => s,
  crlf: (s: string) => s.replace(/\r?\n/g, '\r\n'),
  cr: (s: string) => s.replace(/\r?\n/g, '\r'),
  mixedBreaks: (s: string) => {
    let k = 0;
    return s.replace(/\r?\n/g, () => ['\n', '\r\n', '\r', '\u2028', '\n\r'][k++ % 5]);
  },
  nfd: (s: string) => s.normalize('NFD'),
  nfkd: (s: string) => s.normalize('NFKD'),
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  noSpaces: (s: string) => s.replace(/\s+/g, ''),
  noBreaks: (s: string) => s.replace(/\s+/g, ' '),
  nbsp: (s: string) => s.replace(/ /g, '\u00A0'),
  damagedSpaces: (s: string) => s.replace(/(\p{L}) (\p{L})/gu, '$1?$2'),
  straightQuotes: (s: string) => s.replace(/[“”„]/g, '"').replace(/[‘’]/g, "'"),
  curlyOpenOnly: (s: string) => s.replace(/["”]/g, '“'),
  guillemets: (s: string) => s.replace(/[“"]/g, '«').replace(/”/g, '»'),
  rtlWrap: (s: string) => s.replace(/(\p{L}+)/gu, '\u202E$1\u202C'),
  combining: (s: string) => s.replace(/([aeiou])/g, '$1\u0301\u0308'),
  emojiWords: (s: string) => s.replace(/ /g, ' 👩‍👩‍👧 '),
  repeatSentences: (s: string) => s.replace(/([^.!?]+[.!?])/g, '$1 $1 $1'),
  reverseLines: (s: string) => s.split('\n').reverse().join('\n'),
  nulSpaces: (s: string) => s.replace(/ /g, '\u0000'),
} as const;

export type TransformName = keyof typeof TRANSFORMS;
export const transformName = fc.constantFrom(...(Object.keys(TRANSFORMS) as TransformName[]));

export interface MutatedText {
  base: string;
  /** Where in the base text the slice starts, and its length. */
  slice: [number, number];
  transforms: TransformName[];
  mutations: Mutation[];
}

export function buildMutated(m: MutatedText): string {
  let text = m.base.slice(m.slice[0], m.slice[0] + m.slice[1]);
  for (const t of m.transforms) text = TRANSFORMS[t](text);
  for (const mu of m.mutations) text = applyMutation(text, mu);
  return text;
}

/** A slice of real text (up to `maxBase` characters), transformed and mutated. */
export function mutatedText(bases: readonly { text: string }[], maxBase: number, maxMutations = 8): fc.Arbitrary<string> {
  return fc
    .record({
      base: fc.constantFrom(...bases.map((b) => b.text)),
      slice: fc.tuple(fc.nat({ max: 6000 }), fc.integer({ min: 0, max: maxBase })),
      transforms: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant('none' as TransformName) }, { weight: 2, arbitrary: transformName }), { maxLength: 2 }),
      mutations: fc.array(mutation, { maxLength: maxMutations }),
    })
    .map((r) => {
      const start = r.base.length <= r.slice[1] ? 0 : r.slice[0] % (r.base.length - r.slice[1] + 1);
      return buildMutated({ ...r, slice: [start, r.slice[1]] });
    });
}

/** A few sentences of the corpus, mutated: short texts that still share words, names and figures. */
export function mutatedSentences(maxSentences: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: maxSentences }),
      fc.constantFrom(' ', '\n', '\n\n', '\r\n', ' \u00A0'),
      fc.array(mutation, { maxLength: 5 }),
    )
    .map(([ss, sep, ms]) => ms.reduce(applyMutation, ss.join(sep)));
}

/** Text of any kind: random, mutated sentences, or a mutated slice of an article. */
export function articleText(maxBase: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: randomText(Math.min(maxBase, 200)) },
    { weight: 3, arbitrary: mutatedSentences(6) },
    { weight: 3, arbitrary: mutatedText(ALL_TEXTS, maxBase) },
  );
}

// ---------------------------------------------------------------------------------------
// 100,000-character lines

export const HUGE = 100_000;

/** A line of about 100,000 characters: without spaces, of words, of digits, of quote marks, of one sentence. */
export const hugeLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('a', 'x', '1', '9,', '-', '"', '“', '’', '.', '?', 'é', 'e\u0301', '😀', '\u0000', '\uD800', 'שׁ', 'A. ').map((u) => u.repeat(Math.ceil(HUGE / u.length))),
  fc.constantFrom(...SENTENCES).map((s) => (s + ' ').repeat(Math.ceil(HUGE / (s.length + 1)))),
  fc.constantFrom(...SENTENCES).map((s) => s.replace(/\s+/g, '').repeat(Math.ceil(HUGE / Math.max(1, s.replace(/\s+/g, '').length)))),
  fc.array(fc.constantFrom('said', 'Nebenzia', '50', 'at', 'least', 'U.N.', '“', '”', 'Mr', 'times', '2009', '—'), { minLength: 1, maxLength: 12 })
    .map((ws) => {
      const unit = ws.join(' ') + ' ';
      return unit.repeat(Math.ceil(HUGE / unit.length));
    }),
);

/** A real article with a 100,000-character line inserted somewhere. */
export const articleWithHugeLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...ALL_TEXTS.map((t) => t.text)), hugeLine, at)
  .map(([text, line, where]) => {
    const i = Math.floor(where * text.length);
    return text.slice(0, i) + '\n' + line + '\n' + text.slice(i);
  });

// ---------------------------------------------------------------------------------------
// Files: names, encodings, bytes

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16lebom' | 'utf16be' | 'utf16bebom' | 'cp1252';
export const encoding = fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8bom', 'utf16le', 'utf16lebom', 'utf16be', 'utf16bebom', 'cp1252');

/** Encodes text as a file would hold it. UTF-16 keeps lone surrogates; Windows-1252 writes '?' for what it lacks. */
export function encode(text: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case 'utf8':
      return new TextEncoder().encode(text);
    case 'utf8bom':
      return concat([0xef, 0xbb, 0xbf], new TextEncoder().encode(text));
    case 'utf16le':
    case 'utf16lebom':
    case 'utf16be':
    case 'utf16bebom': {
      const le = enc.startsWith('utf16le');
      const bom = enc.endsWith('bom');
      const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
      let o = 0;
      if (bom) {
        out[o++] = le ? 0xff : 0xfe;
        out[o++] = le ? 0xfe : 0xff;
      }
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[o++] = le ? c & 0xff : c >> 8;
        out[o++] = le ? c >> 8 : c & 0xff;
      }
      return out;
    }
    case 'cp1252': {
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[i] = c < 0x100 ? c : CP1252_REVERSE.get(c) ?? 0x3f;
      }
      return out;
    }
  }
}

const CP1252_REVERSE = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87], [0x2c6, 0x88],
  [0x2030, 0x89], [0x160, 0x8a], [0x2039, 0x8b], [0x152, 0x8c], [0x17d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93],
  [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x2dc, 0x98], [0x2122, 0x99], [0x161, 0x9a], [0x203a, 0x9b],
  [0x153, 0x9c], [0x17e, 0x9e], [0x178, 0x9f],
]);

function concat(a: number[], b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export type ByteMutation = { op: 'flip'; at: number; value: number } | { op: 'cut'; at: number } | { op: 'insert'; at: number; bytes: number[] };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('cut' as const), at }),
  fc.record({ op: fc.constant('insert' as const), at, bytes: fc.array(fc.constantFrom(0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x80, 0xc0, 0xed, 0xa0, 0x93, 0x0d, 0x0a), { maxLength: 4 }) }),
);

export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const i = Math.min(bytes.length, Math.floor(m.at * (bytes.length + 1)));
  switch (m.op) {
    case 'flip': {
      if (i >= bytes.length) return bytes;
      const out = bytes.slice();
      out[i] = m.value;
      return out;
    }
    case 'cut':
      return bytes.slice(0, i);
    case 'insert': {
      const out = new Uint8Array(bytes.length + m.bytes.length);
      out.set(bytes.subarray(0, i));
      out.set(m.bytes, i);
      out.set(bytes.subarray(i), i + m.bytes.length);
      return out;
    }
  }
}

/** Bytes of a text file: text encoded some way, sometimes damaged; or plain random bytes. */
export function fileBytes(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(text, encoding, fc.array(byteMutation, { maxLength: 3 })).map(([t, e, ms]) => ms.reduce(applyByteMutation, encode(t, e))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  );
}

export const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.markdown', '.text', '', '.php', '.xhtml'] as const;
export const extension = fc.constantFrom(...EXTENSIONS);

/** A source given to the engine: bytes through the decoder (as the CLI reads files), or a string (as an editor holds it). */
export type SourceContent = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'text'; text: string };

export interface FuzzSource {
  /** File name; its extension picks the reader. */
  name: string;
  content: SourceContent;
}

/** Text shaped for an extension: Markdown and HTML fixtures mutated for .md/.html, articles for the rest. */
function textFor(ext: string, maxBase: number): fc.Arbitrary<string> {
  if (ext === '.md' || ext === '.markdown') return fc.oneof(mutatedText(MARKDOWN_TEXTS, maxBase), articleText(maxBase));
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.php') return fc.oneof(mutatedText(HTML_TEXTS, maxBase * 2), articleText(maxBase));
  return fc.oneof({ weight: 3, arbitrary: mutatedText(SEED_TEXTS, maxBase) }, { weight: 2, arbitrary: articleText(maxBase) });
}

export function fuzzSource(maxBase: number): fc.Arbitrary<Omit<FuzzSource, 'name'> & { ext: string }> {
  return extension.chain((ext) =>
    fc.oneof(
      fileBytes(textFor(ext, maxBase)).map((bytes) => ({ ext, content: { kind: 'bytes' as const, bytes } })),
      textFor(ext, maxBase).map((text) => ({ ext, content: { kind: 'text' as const, text } })),
    ),
  );
}

/** Two to `max` sources with distinct names (ids), as a folder of files would give them. */
export function sourceSet(maxBase: number, max = 4): fc.Arbitrary<FuzzSource[]> {
  return fc.array(fuzzSource(maxBase), { minLength: 2, maxLength: max }).map((xs) => xs.map((x, i) => ({ name: `${String(i).padStart(3, '0')}_src${x.ext}`, content: x.content })));
}

/** The seed articles themselves, each mutated a little: full-size sources that align with each other. */
export const mutatedSeedSet: fc.Arbitrary<FuzzSource[]> = fc
  .tuple(
    fc.subarray(SEED_TEXTS.map((s) => s.name), { minLength: 2 }),
    fc.array(fc.tuple(fc.array(mutation, { maxLength: 10 }), fc.oneof(fc.constant('none' as TransformName), transformName), fc.boolean(), encoding), { minLength: 5, maxLength: 5 }),
  )
  .map(([names, muts]) =>
    names.map((name, i) => {
      const [ms, t, asBytes, enc] = muts[i];
      const text = ms.reduce(applyMutation, TRANSFORMS[t](SEED_TEXTS.find((s) => s.name === name)!.text));
      return { name, content: asBytes ? { kind: 'bytes' as const, bytes: encode(text, enc) } : { kind: 'text' as const, text } };
    }),
  );

export interface FuzzDraft {
  text: string;
  kind: 'markdown' | 'text';
}

/** A draft: a mutated draft fixture, or corpus sentences (so quotes and figures meet the sources), or random text. */
export function fuzzDraft(maxBase: number): fc.Arbitrary<FuzzDraft> {
  return fc.record({
    text: fc.oneof(mutatedText(DRAFT_TEXTS, maxBase), mutatedSentences(5), randomText(120), mutatedText(MARKDOWN_TEXTS, maxBase)),
    kind: fc.constantFrom<'markdown' | 'text'>('markdown', 'text'),
  });
}
