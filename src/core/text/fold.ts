/**
 * Folding for matching: curly and straight quotes, dashes and case are equivalent.
 * Folding never changes length, so offsets in folded text equal offsets in the input.
 */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
};

export function foldChar(ch: string): string {
  return FOLD[ch] ?? ch;
}

/** Straight quotes and hyphens instead of typographic ones, lower case. Same length. */
export function fold(s: string): string {
  // ASCII needs only lower case and the backtick: the same result, without a loop.
  if (ASCII.test(s)) return s.toLowerCase().replace(/`/g, "'");
  let out = '';
  for (const ch of s) {
    const f = FOLD[ch] ?? ch;
    const lower = f.toLowerCase();
    out += lower.length === f.length ? lower : f;
  }
  return out;
}

/** Removes diacritics, for comparing names and words across spellings. */
export function stripAccents(s: string): string {
  // ASCII has no accents to strip and is its own NFD form.
  if (ASCII.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

const ASCII = /^[\x00-\x7f]*$/;
