import { MappedBuilder } from './offsetMap';

/**
 * Text repair for matching. The result reads the same as the input but with damage undone:
 * NBSP and other exotic spaces become plain spaces, a `?` that stands for a lost space
 * between two words becomes a space, CRLF becomes LF, zero-width and soft-hyphen characters
 * go, and the text is NFC. Quote marks and dashes are kept as written (see `fold` for
 * matching), so that direction of curly quotes stays available to the quote extractor.
 */
export interface Repaired {
  text: string;
  /** Maps repaired offsets to input offsets; length `text.length + 1`. */
  map: Int32Array;
  /** How many `?` were read as damaged spaces. */
  damagedSpaces: number;
}

/** ASCII other than CR and "?": repair leaves it as it is. */
function isPlain(code: number): boolean {
  return code < 0x80 && code !== 0x0d && code !== 0x3f;
}

const MARK = /\p{M}/u;
const EXOTIC_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const WORDISH = /[\p{L}\p{N}]/u;
const AFTER_CLOSE = /[”’"'),.;:]/;
const BEFORE_OPEN = /[“‘"'(]/;

export function repairText(input: string): Repaired {
  const b = new MappedBuilder();
  let damagedSpaces = 0;
  for (let i = 0; i < input.length; i++) {
    // A run of plain ASCII (no CR, no "?") is copied as it is, unless a combining mark
    // follows its last character (that one is composed below).
    if (isPlain(input.charCodeAt(i))) {
      let j = i + 1;
      while (j < input.length && isPlain(input.charCodeAt(j))) j++;
      if (j < input.length && MARK.test(input[j])) j--;
      if (j > i) {
        b.appendSlice(input.slice(i, j), i);
        i = j - 1;
        continue;
      }
    }
    const ch = input[i];
    if (ch === '\r') {
      if (input[i + 1] === '\n') continue; // CRLF: keep the LF only
      b.appendAt('\n', i);
      continue;
    }
    if (EXOTIC_SPACE.test(ch)) {
      b.appendAt(' ', i);
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    if (ch === '?' && isDamagedSpace(input, i)) {
      damagedSpaces++;
      b.appendAt(' ', i);
      continue;
    }
    // Combining marks and composed characters: NFC per grapheme cluster start.
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < input.length) {
      b.appendSlice(input.slice(i, i + 2), i);
      i++;
      continue;
    }
    if (i + 1 < input.length && /\p{M}/u.test(input[i + 1])) {
      let j = i + 1;
      while (j < input.length && /\p{M}/u.test(input[j])) j++;
      const cluster = input.slice(i, j).normalize('NFC');
      b.appendAt(cluster, i);
      i = j - 1;
      continue;
    }
    if (code > 0x7f) {
      const n = ch.normalize('NFC');
      b.appendAt(n, i);
      continue;
    }
    b.appendAt(ch, i);
  }
  const { text, map } = b.finish(input.length);
  return { text, map, damagedSpaces };
}

/**
 * A `?` glued between two words ("Russia?on", "UN?Robert", "”?Wood") is a damaged
 * non-breaking space: a real question mark is followed by a space or the end of a quote.
 * Inside URLs (`page?id=`) it stays.
 */
function isDamagedSpace(s: string, i: number): boolean {
  const prev = s[i - 1];
  const next = s[i + 1];
  if (prev === undefined || next === undefined) return false;
  const prevOk = WORDISH.test(prev) || AFTER_CLOSE.test(prev);
  const nextOk = WORDISH.test(next) || BEFORE_OPEN.test(next);
  if (!prevOk || !nextOk) return false;
  if (!WORDISH.test(prev) && !WORDISH.test(next)) return false;
  // A token that looks like a URL or a query string keeps its `?`.
  let t = i - 1;
  while (t >= 0 && !/\s/.test(s[t])) t--;
  const token = s.slice(t + 1, i);
  if (/[/:=&]|www\./i.test(token)) return false;
  let u = i + 1;
  while (u < s.length && !/\s/.test(s[u])) u++;
  if (/=/.test(s.slice(i + 1, u))) return false;
  return true;
}
