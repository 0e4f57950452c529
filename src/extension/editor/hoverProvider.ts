import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import { highlightSettings } from '../config';
import { safeHover } from './safeHover';
import { hoverContent } from './hoverContent';
import { sourceForDocument } from './sourceDocuments';

/** Hovers on source files: what the other sources say at this place. */
export class SourceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: FindingsStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const model = this.store.model;
    const source = model && sourceForDocument(this.store, document);
    if (!model || !source) return undefined;
    const content = hoverContent(model, source.id, document.offsetAt(position), highlightSettings());
    if (!content) return undefined;
    return safeHover(document, content);
  }
}
