/**
 * - footnote: a GFM footnote `[^key]` after the sentence, defined at the end of the draft;
 * - pandoc: `[@key]`, with a CSL-JSON entry for the bibliography file;
 * - link: an inline Markdown link to the source.
 */
export type CitationStyle = 'footnote' | 'pandoc' | 'link';

export const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'pandoc', 'link'];

export function isCitationStyle(x: unknown): x is CitationStyle {
  return typeof x === 'string' && (CITATION_STYLES as readonly string[]).includes(x);
}
