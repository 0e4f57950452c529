import { charRefAt } from '../text/charRef';

/**
 * The text of a raw HTML string as a browser would decode it, with the raw offsets of
 * every character. DOM libraries do not keep source positions, so the HTML reader finds
 * the article's text in this index to map it back into the file.
 */
export interface HtmlTextIndex {
  /** Decoded character data outside tags, comments, `<script>`, `<style>`, `<title>`… */
  text: string;
  /** Raw offset where `text[i]` starts (the `&` of a character reference). */
  start: Int32Array;
  /** Raw offset just past the source of `text[i]`. */
  end: Int32Array;
  /** `text` without white space, for matching that ignores how white space was laid out. */
  compact: string;
  /** `compactToText[k]` is the index in `text` of `compact[k]`. */
  compactToText: Int32Array;
}

/** Elements whose content is not markup; the same set htmlparser2 (under linkedom) uses. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

export function indexHtmlText(raw: string): HtmlTextIndex {
  const n = raw.length;
  // Decoded text is never longer than the raw string, except for the rare reference that
  // decodes to two code units; the arrays grow in that case.
  let start: Int32Array = new Int32Array(n + 8);
  let end: Int32Array = new Int32Array(n + 8);
  const parts: string[] = [];
  let len = 0;
  const reserve = (extra: number): void => {
    if (len + extra <= start.length) return;
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(Math.max(a.length * 2, len + extra));
      b.set(a);
      return b;
    };
    start = grow(start);
    end = grow(end);
  };
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 0x3c /* < */) {
      const after = skipMarkup(raw, i);
      if (after > i) {
        i = after;
        continue;
      }
    } else if (c === 0x26 /* & */) {
      const ref = charRefAt(raw, i, true);
      if (ref) {
        reserve(ref.text.length);
        for (let k = 0; k < ref.text.length; k++) {
          start[len] = i;
          end[len++] = i + ref.length;
        }
        parts.push(ref.text);
        i += ref.length;
        continue;
      }
    }
    // A run of plain characters up to the next tag or reference is copied in one go.
    let j = i + 1;
    while (j < n) {
      const d = raw.charCodeAt(j);
      if (d === 0x3c || d === 0x26) break;
      j++;
    }
    reserve(j - i);
    for (let k = i; k < j; k++) {
      start[len] = k;
      end[len++] = k + 1;
    }
    parts.push(raw.slice(i, j));
    i = j;
  }
  const text = parts.join('');
  const compactToText = new Int32Array(text.length);
  const compactParts: string[] = [];
  let m = 0;
  let runStart = -1;
  for (let k = 0; k <= text.length; k++) {
    const white = k === text.length || isWhiteCode(text.charCodeAt(k));
    if (!white) {
      if (runStart < 0) runStart = k;
      compactToText[m++] = k;
    } else if (runStart >= 0) {
      compactParts.push(text.slice(runStart, k));
      runStart = -1;
    }
  }
  return {
    text,
    start: start.subarray(0, len),
    end: end.subarray(0, len),
    compact: compactParts.join(''),
    compactToText: compactToText.subarray(0, m),
  };
}

/** The white space that compaction drops; DOM text must be compacted with the same test. */
export function isWhite(c: string): boolean {
  return isWhiteCode(c.charCodeAt(0));
}

/** Exactly the characters of the regular-expression class `\s`, tested without a regex. */
export function isWhiteCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function compactText(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Returns the offset after the tag, comment or raw-text element at `i`, or `i` for a literal `<`. */
function skipMarkup(raw: string, i: number): number {
  const next = raw[i + 1];
  if (raw.startsWith('<!--', i)) {
    const close = raw.indexOf('-->', i + 4);
    return close < 0 ? raw.length : close + 3;
  }
  if (raw.startsWith('<![CDATA[', i)) {
    const close = raw.indexOf(']]>', i + 9);
    return close < 0 ? raw.length : close + 3;
  }
  if (next === '!' || next === '?' || (next === '/' && isLetter(raw[i + 2]))) {
    const close = raw.indexOf('>', i + 2);
    return close < 0 ? raw.length : close + 1;
  }
  if (!isLetter(next)) return i;
  let k = i + 1;
  while (k < raw.length && !/[\s/>]/.test(raw[k])) k++;
  const name = raw.slice(i + 1, k).toLowerCase();
  const tagEnd = endOfTag(raw, k);
  if (!RAW_TEXT.has(name)) return tagEnd;
  const closing = new RegExp(`</${name}[\\s/>]`, 'ig');
  closing.lastIndex = tagEnd;
  const m = closing.exec(raw);
  if (!m) return raw.length;
  const close = raw.indexOf('>', m.index);
  return close < 0 ? raw.length : close + 1;
}

/** Finds the `>` that ends a start tag, stepping over quoted attribute values. */
function endOfTag(raw: string, from: number): number {
  let k = from;
  while (k < raw.length) {
    const c = raw[k];
    if (c === '>') return k + 1;
    if (c === '=') {
      k++;
      while (k < raw.length && /[ \t\n\r\f]/.test(raw[k])) k++;
      const q = raw[k];
      if (q === '"' || q === "'") {
        const close = raw.indexOf(q, k + 1);
        if (close < 0) return raw.length;
        k = close + 1;
        continue;
      }
      continue;
    }
    k++;
  }
  return raw.length;
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z]/.test(c);
}
