/**
 * Escaping for the reports. Everything that comes from a source file (text, titles, ids,
 * URLs, notes) is untrusted: a hostile file must not be able to inject markup into a
 * Markdown or HTML report, nor control sequences into a terminal.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/** Safe both as element content and inside a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Inline Markdown text that renders as exactly `s`, also inside a GFM table cell.
 * `<`, `>` and `&` become entities rather than backslash escapes, so the raw file never
 * contains a literal `<script` either (some pipelines grep or re-render raw Markdown).
 * Line breaks are folded into spaces: a newline in a list item or table cell would start
 * a new block, which is how a source could forge a heading or end a table.
 * `$` is escaped because GitHub renders `$…$` as math, and news text is full of dollars.
 * The `:` of `://`, the dot of `www.` and `@` are escaped so that renderers which link bare
 * addresses (VS Code's hovers, cmark-gfm, linkify) never make a link of an address or e-mail
 * address in source text: a source's link is never followed unasked, and such an autolink
 * would also swallow the entities after it (`x&gt;&lt;/a`).
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~!$]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * A file id or path as a Markdown code span, so that `000_a1b2.txt` stays readable in the raw
 * file instead of turning into `000\_a1b2.txt`. Names with characters a code span cannot
 * carry safely fall back to escaped text: `<` would appear raw in the file (entities do not
 * work inside code spans), a backtick would end the span, `|` would end a table cell.
 */
export function markdownCode(s: string): string {
  return /[<>&`|\r\n]/.test(s) ? escapeMarkdown(s) : `\`${s}\``;
}

/**
 * The URL, normalised, when it is http(s); otherwise undefined. Only these become links:
 * `javascript:`, `data:`, `file:` and friends are shown as text, never followed.
 */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

// C0/C1 controls (ESC starts ANSI sequences that could rewrite the user's terminal) and the
// bidirectional overrides and isolates that can make text display in a different order
// than it is stored ("Trojan Source").
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Source text made safe to print to a terminal, on one line. */
export function escapeTerminal(s: string): string {
  return s.replace(/\s*[\r\n\t]+\s*/g, ' ').replace(TERMINAL_UNSAFE, '\uFFFD');
}
