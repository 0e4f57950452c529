import * as vscode from 'vscode';
import type { FindingsStore } from '../store/findingsStore';
import { highlightSettings } from '../config';
import { COMMANDS } from '../ids';
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
    const md = new vscode.MarkdownString(content.markdown);
    // Trusted for our one command only: a link smuggled in through source text (it is
    // escaped anyway) could not run anything else. No HTML, no theme icons from sources.
    md.isTrusted = { enabledCommands: [COMMANDS.openSourceAt] };
    md.supportHtml = false;
    md.supportThemeIcons = false;
    return new vscode.Hover(md, new vscode.Range(document.positionAt(content.start), document.positionAt(content.end)));
  }
}
