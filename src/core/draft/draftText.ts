import type { Doc, ReadResult, SourceMeta } from '../types';
import { prepareDoc } from '../sources/prepare';
import { identityMap } from '../text/offsetMap';
import { markdownMarkup, plainTextMarkup, isMasked, type DraftMarkup } from './draftMarkup';

/** A draft as the editor or the command line holds it: its current text, never a file. */
export interface DraftInput {
  /** A name for the draft (file name or URI); shown in messages, never read. */
  id: string;
  text: string;
  kind: 'markdown' | 'text';
}

/** A draft read for checking: the prose as a Doc (offsets map to `input.text`) and its markup. */
export interface DraftText {
  input: DraftInput;
  doc: Doc;
  markup: DraftMarkup;
  meta: SourceMeta;
}

// remark is loaded with the first Markdown draft (as the source readers do), so that a
// plain-text run does not pay for it.
const markdown = (): typeof import('../sources/markdown') => require('../sources/markdown') as typeof import('../sources/markdown');
const incremental = (): typeof import('./incrementalMarkdown') => require('./incrementalMarkdown') as typeof import('./incrementalMarkdown');

/**
 * Reads a draft. Markdown is parsed with remark only to find positions: the prose is the
 * text of paragraphs, headings, list items and table cells, with code, HTML, link targets,
 * autolinks, footnote definitions and citation markers left out, so none of them is ever
 * checked, and every offset the checks report points into the draft as written.
 */
export function readDraft(input: DraftInput): DraftText {
  const { text } = input;
  if (input.kind === 'markdown') {
    const md = markdown();
    const parsed = incremental().parseDraftMarkdown(input.id, text);
    const markup = markdownMarkup(text, parsed.tree, parsed.bodyStart);
    const read = md.markdownText(parsed, [], (o) => isMasked(markup, o));
    return { input, doc: prepareDoc(input.id, input.id, read), markup, meta: read.meta };
  }
  const markup = plainTextMarkup(text);
  let prose = '';
  for (let i = 0; i < text.length; i++) prose += isMasked(markup, i) && text[i] !== '\n' ? ' ' : text[i];
  const read: ReadResult = { raw: text, text: prose, toRaw: identityMap(text.length), meta: {}, notes: [] };
  return { input, doc: prepareDoc(input.id, input.id, read), markup, meta: {} };
}
