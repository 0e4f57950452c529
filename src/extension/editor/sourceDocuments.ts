import type * as vscode from 'vscode';
import type { ViewSource } from '../../core/view/viewModel';
import type { FindingsStore } from '../store/findingsStore';

const checked = new WeakMap<vscode.TextDocument, { version: number; text: string; same: boolean }>();

/**
 * The model's source for an open document, but only while the editor shows exactly the text
 * the engine read: offsets into other text would land in the wrong place (an unsaved edit, a
 * Windows-1252 file decoded as UTF-8). The check is cached per document version.
 */
export function sourceForDocument(store: FindingsStore, doc: vscode.TextDocument): ViewSource | undefined {
  if (doc.uri.scheme !== 'file') return undefined;
  const source = store.sourceByPath(doc.uri.fsPath);
  if (!source) return undefined;
  const cached = checked.get(doc);
  if (cached && cached.version === doc.version && cached.text === source.text) return cached.same ? source : undefined;
  const same = doc.getText() === source.text;
  checked.set(doc, { version: doc.version, text: source.text, same });
  return same ? source : undefined;
}
