import * as vscode from 'vscode';
import { COMMANDS } from '../ids';

/**
 * A hover built from Markdown that carries escaped source or draft text. Trusted for our
 * one command only, so a link smuggled in through source text could not run anything else;
 * no HTML and no theme icons from sources. Both hover providers go through here.
 */
export function safeHover(document: vscode.TextDocument, content: { markdown: string; start: number; end: number }): vscode.Hover {
  const md = new vscode.MarkdownString(content.markdown);
  md.isTrusted = { enabledCommands: [COMMANDS.openSourceAt] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return new vscode.Hover(md, new vscode.Range(document.positionAt(content.start), document.positionAt(content.end)));
}
