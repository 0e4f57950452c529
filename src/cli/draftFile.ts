import { readFile, stat } from 'node:fs/promises';
import { decodeBytes, SourceError } from '../core/text/decode';
import { extensionOf } from '../core/sources/readSource';
import type { DraftInput } from '../core/draft/draftText';
import type { DraftKindOption } from './args';

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx']);

export interface DraftFile {
  ok: true;
  draft: DraftInput;
  /** The bytes read, to tell whether the file changed before an edit is written. */
  bytes: Uint8Array;
  /** Whether an edited text can be written back as it was stored: UTF-8, with or without a BOM. */
  writable: boolean;
  bom: boolean;
}

/** A draft read from a file, or why it cannot be: drafts are decoded as sources are. */
export async function readDraftFile(path: string, kind: DraftKindOption, maxBytes: number): Promise<DraftFile | { ok: false; message: string }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, message: 'is a folder, not a draft' };
    if (info.size > maxBytes) return { ok: false, message: 'is larger than the size limit' };
    const bytes = await readFile(path);
    const raw = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { text, notes } = decodeBytes(raw);
    const asMarkdown = kind === 'markdown' || (kind === 'auto' && MARKDOWN.has(extensionOf(path)));
    const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    return { ok: true, draft: { id: path, text, kind: asMarkdown ? 'markdown' : 'text' }, bytes: raw, writable: notes.length === 0, bom };
  } catch (e) {
    if (e instanceof SourceError) return { ok: false, message: e.message };
    const code = (e as NodeJS.ErrnoException)?.code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e) };
  }
}
