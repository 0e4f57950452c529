import type { ReadResult } from '../types';
import { decodeBytes, SourceError } from '../text/decode';

// The HTML and Markdown readers pull in linkedom, Readability and remark: loaded when a
// source of that type is read, so that plain-text runs start fast.
const readHtml: typeof import('./html').readHtml = (raw, notes) => (require('./html') as typeof import('./html')).readHtml(raw, notes);
const readMarkdown: typeof import('./markdown').readMarkdown = (raw, notes) => (require('./markdown') as typeof import('./markdown')).readMarkdown(raw, notes);
import { readPlainText } from './plainText';

/** Extensions read as sources when a folder is walked. Other files are named explicitly. */
export const SOURCE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml'] as const;

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const HTML = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** Formats people will try that are not text; the message says what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  '.pdf': 'PDF', '.doc': 'Word', '.docx': 'Word', '.odt': 'OpenDocument', '.rtf': 'RTF', '.pages': 'Pages',
  '.epub': 'EPUB', '.mobi': 'Kindle', '.png': 'PNG image', '.jpg': 'JPEG image', '.jpeg': 'JPEG image',
  '.gif': 'GIF image', '.webp': 'WebP image', '.tif': 'TIFF image', '.tiff': 'TIFF image', '.heic': 'HEIC image',
  '.zip': 'ZIP archive', '.gz': 'gzip archive', '.xls': 'Excel', '.xlsx': 'Excel', '.ppt': 'PowerPoint',
  '.pptx': 'PowerPoint', '.mp3': 'audio', '.wav': 'audio', '.m4a': 'audio', '.mp4': 'video', '.mov': 'video',
  '.eml': 'e-mail', '.msg': 'Outlook message', '.mhtml': 'MHTML archive', '.webarchive': 'Safari web archive',
};

export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function isSourceFile(fileName: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

/**
 * Reads one file's bytes as a source. Throws `SourceError` for files that cannot be an
 * article (empty, binary, a format that is not text).
 */
export function readSource(fileName: string, bytes: Uint8Array): ReadResult {
  const ext = extensionOf(fileName);
  const kind = UNSUPPORTED[ext];
  if (kind) {
    throw new SourceError('unsupported', `${kind} files are not supported; save the article as .txt, .md or .html`);
  }
  const { text, notes } = decodeBytes(bytes);
  if (MARKDOWN.has(ext)) return readMarkdown(text, notes);
  if (HTML.has(ext)) return readHtml(text, notes);
  // A file without a known extension that is plainly a web page (saved with a bare name or
  // as .php, .aspx…) is read as HTML; anything else textual, front matter and all, as is.
  if (!ext || !isTextExtension(ext)) {
    if (/^\s*(?:<!doctype html|<html[\s>])/i.test(text)) {
      notes.push('read as HTML (the file starts like a web page)');
      return readHtml(text, notes);
    }
  }
  return readPlainText(text, notes);
}

function isTextExtension(ext: string): boolean {
  return ext === '.txt' || ext === '.text';
}
