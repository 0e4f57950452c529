import * as vscode from 'vscode';
import type { DraftInput } from '../../core/draft/draftText';
import type { FindingsStore } from '../store/findingsStore';
import { samePath } from '../store/findingsStore';
import { draftGlobs } from './draftConfig';

/**
 * Which documents are drafts: a file in a workspace folder that `corroborate.drafts.include`
 * matches and `corroborate.drafts.exclude` does not, and that is not a source of the current
 * set. A source is what a draft is checked against, never a draft itself.
 */
export function isDraftDocument(doc: vscode.TextDocument, store: FindingsStore): boolean {
  if (doc.uri.scheme !== 'file' || isSource(doc.uri, store)) return false;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return false;
  const { include, exclude } = draftGlobs(folder);
  const matches = (glob: string) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0;
  return include.some(matches) && !exclude.some(matches);
}

/** What Check Draft and Insert Citation accept when asked explicitly: any Markdown or plain-text document that is not a source. */
export function canBeDraft(doc: vscode.TextDocument, store: FindingsStore): boolean {
  return (doc.languageId === 'markdown' || doc.languageId === 'plaintext' || isDraftDocument(doc, store)) && !isSource(doc.uri, store);
}

export function isSource(uri: vscode.Uri, store: FindingsStore): boolean {
  return uri.scheme === 'file' && store.sourceSet.files.some((f) => samePath(f, uri.fsPath));
}

/** The draft as the engine takes it: the editor's current text, never the file on disk. */
export function draftInput(doc: vscode.TextDocument): DraftInput {
  return { id: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString(), text: doc.getText(), kind: draftKind(doc.languageId, doc.uri.path) };
}

export function draftKind(languageId: string, path: string): DraftInput['kind'] {
  return languageId === 'markdown' || /\.(md|markdown|mdown|mkd|mdx)$/i.test(path) ? 'markdown' : 'text';
}

/** More drafts than this in one workspace is a folder of something else (an archive, a docs tree). */
const MAX_WORKSPACE_DRAFTS = 200;

/** Every draft file of the workspace (for Check Draft with no draft open), sources left out. */
export async function workspaceDrafts(store: FindingsStore): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const { include, exclude } = draftGlobs(folder);
    if (include.length === 0) continue;
    const pattern = new vscode.RelativePattern(folder, include.length === 1 ? include[0] : `{${include.join(',')}}`);
    const skip = exclude.length === 0 ? undefined : new vscode.RelativePattern(folder, exclude.length === 1 ? exclude[0] : `{${exclude.join(',')}}`);
    for (const uri of await vscode.workspace.findFiles(pattern, skip, MAX_WORKSPACE_DRAFTS)) if (!isSource(uri, store)) out.push(uri);
  }
  return out;
}
