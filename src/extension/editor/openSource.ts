import * as vscode from 'vscode';

export interface SourcePlace {
  /** Absolute file path. */
  path: string;
  start: number;
  end: number;
  /** The text the engine saw there; used to find the place again if the editor's text differs. */
  text?: string;
}

/**
 * Opens a source file with `start`…`end` selected and centred. Offsets are UTF-16 offsets into
 * the decoded text without its BOM, which is exactly what `document.positionAt` counts: VS Code
 * strips the BOM and keeps CRLF in the document text, as the engine does.
 */
export async function openSourceAt(place: SourcePlace, viewColumn: vscode.ViewColumn, preserveFocus = false): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(place.path));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn, preserveFocus, preview: true });
  const [start, end] = locate(doc, place);
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/**
 * The offsets, unless the document no longer has the expected text there (an unsaved edit,
 * or a Windows-1252 file that the editor decoded as UTF-8): then the nearest occurrence.
 */
function locate(doc: vscode.TextDocument, place: SourcePlace): [number, number] {
  const text = doc.getText();
  const start = Math.max(0, Math.min(place.start, text.length));
  const end = Math.max(start, Math.min(place.end, text.length));
  if (!place.text || text.slice(start, end) === place.text) return [start, end];
  const before = text.lastIndexOf(place.text, start);
  const after = text.indexOf(place.text, start);
  const candidates = [before, after].filter((i) => i >= 0);
  if (candidates.length === 0) return [start, end];
  const best = candidates.reduce((a, b) => (Math.abs(a - start) <= Math.abs(b - start) ? a : b));
  return [best, best + place.text.length];
}
