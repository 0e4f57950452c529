import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import { safeHover } from '../editor/safeHover';
import type { DraftStore } from './draftStore';
import { draftHoverContent } from './draftHoverContent';

/**
 * Hovers on drafts: what the sources say at this place. Only for the version that was
 * checked: while the journalist types, offsets of the last check no longer fit the text.
 */
export class DraftHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly drafts: DraftStore,
    private readonly store: FindingsStore,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.drafts.current(document);
    if (!result) return undefined;
    const shown = result.diagnostics.filter((d) => !this.drafts.isIgnored(d));
    const content = draftHoverContent(shown, document.offsetAt(position), this.store.model?.sources ?? []);
    if (!content) return undefined;
    return safeHover(document, content);
  }
}
