import { decodeHTML, decodeHTMLStrict } from 'entities';

/**
 * Character references (`&amp;`, `&#8217;`, `&nbsp;`) in HTML text and Markdown. Readers
 * need to know both what a reference decodes to and how many raw characters it spans, so
 * that every decoded character can point back at the `&` that produced it.
 */
export interface CharRef {
  /** The decoded text (one or two UTF-16 code units, rarely two code points). */
  text: string;
  /** Raw characters consumed, starting at the `&`. */
  length: number;
}

const REF = /&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,10};?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;

/**
 * Decodes the reference starting at `s[at]`, or returns null when there is none.
 * `legacy` follows HTML text rules, where some names work without `;` ("&copy2024");
 * Markdown (CommonMark) accepts only references closed by `;`.
 */
export function charRefAt(s: string, at: number, legacy: boolean): CharRef | null {
  if (s.charCodeAt(at) !== 0x26) return null;
  REF.lastIndex = at;
  const m = REF.exec(s);
  if (!m) return null;
  const token = m[0];
  const out = legacy ? decodeHTML(token) : decodeHTMLStrict(token);
  if (out === token) return null;
  // Legacy names may stop before the token ends ("&notit;" is "¬" + "it;"): whatever the
  // decoder passed through unchanged is the common tail of both strings.
  let tail = 0;
  while (
    tail < out.length - 1 &&
    tail < token.length - 2 &&
    out[out.length - 1 - tail] === token[token.length - 1 - tail]
  ) {
    tail++;
  }
  return { text: out.slice(0, out.length - tail), length: token.length - tail };
}
