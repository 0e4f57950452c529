import * as vscode from 'vscode';
import * as path from 'node:path';
import { applyEdits } from '../../core/cite/textEdit';
import { bibliographyEdit, parseBibliography } from '../../core/cite/bibliographyEdit';
import type { CslItem } from '../../core/cite/cslJson';
import type { FindingsStore } from '../store/findingsStore';
import { samePath } from '../store/findingsStore';
import { isSourceOnDisk } from '../sources/sameFile';
import { bibliographySetting } from './draftConfig';
import { isSource } from './draftDocuments';

/** The pandoc bibliography of a draft, as it is now (the editor's text when it is open). */
export interface Bibliography {
  uri: vscode.Uri;
  exists: boolean;
  text: string;
  /** The version of the open document the text was taken from; undefined when read from disk. */
  version: number | undefined;
  dirty: boolean;
  items: CslItem[];
}

/**
 * The bibliography `corroborate.citation.bibliography` names for a draft: relative to the
 * draft's folder unless absolute (`${workspaceFolder}` stands for the draft's workspace
 * folder). A file that does not exist yet is an empty list, to be created. A source file is
 * never a bibliography: sources are never written.
 */
export async function readBibliography(draft: vscode.TextDocument, store: FindingsStore): Promise<Bibliography | { error: string }> {
  const uri = bibliographyUri(draft);
  if (!uri) return { error: 'the draft is not saved in a folder; save it first, or set corroborate.citation.bibliography to an absolute path' };
  if (isSource(uri, store) || (await isSourceOnDisk(uri, store.sourceSet.files))) return { error: `${path.basename(uri.fsPath)} is a source; sources are never written. Choose another file in corroborate.citation.bibliography` };
  if (draft.uri.scheme === 'file' && samePath(uri.fsPath, draft.uri.fsPath)) return { error: 'the bibliography cannot be the draft itself' };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  let text: string;
  let exists = true;
  if (open) text = open.getText();
  else {
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError) || e.code !== 'FileNotFound') return { error: `${uri.fsPath} cannot be read: ${e instanceof Error ? e.message : String(e)}` };
      text = '';
      exists = false;
    }
  }
  try {
    return { uri, exists, text, version: open?.version, dirty: open?.isDirty ?? false, items: parseBibliography(text) };
  } catch (e) {
    return { error: `${path.basename(uri.fsPath)} is not a CSL-JSON bibliography (${e instanceof Error ? e.message : String(e)}); fix it or choose another file in corroborate.citation.bibliography` };
  }
}

export function bibliographyUri(draft: vscode.TextDocument): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(draft.uri) ?? vscode.workspace.workspaceFolders?.[0];
  let setting = bibliographySetting(draft.uri);
  if (setting.includes('${workspaceFolder}')) {
    if (!folder) return undefined;
    setting = setting.split('${workspaceFolder}').join(folder.uri.fsPath);
  }
  if (path.isAbsolute(setting)) return vscode.Uri.file(setting);
  const base = draft.uri.scheme === 'file' ? path.dirname(draft.uri.fsPath) : folder?.uri.fsPath;
  return base ? vscode.Uri.file(path.join(base, setting)) : undefined;
}

/** The bibliography's text with the entries added, each inserted without rewriting the file. */
export function withEntries(text: string, entries: readonly CslItem[]): string {
  let out = text;
  for (const item of entries) out = applyEdits(out, [bibliographyEdit(out, item)]);
  return out;
}

/** Whether the bibliography is still what was read, so that an edit computed on it still fits. */
export async function unchanged(bib: Bibliography): Promise<boolean> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === bib.uri.toString() && !d.isClosed);
  if (open) return bib.version !== undefined ? open.version === bib.version : open.getText() === bib.text;
  try {
    const now = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(bib.uri));
    return bib.exists && now === bib.text;
  } catch {
    return !bib.exists;
  }
}
