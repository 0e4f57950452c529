import * as vscode from 'vscode';
import { isCitationStyle, type CitationStyle } from '../../core/cite/citationStyle';

/** The `corroborate.drafts.*` and `corroborate.citation.*` settings, read fresh each time. */

const section = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('corroborate', scope);

/** Globs of the files that are drafts (minus the sources), relative to each workspace folder. */
export function draftGlobs(scope?: vscode.ConfigurationScope): { include: string[]; exclude: string[] } {
  const s = section(scope);
  return { include: globList(s.get<unknown>('drafts.include'), ['**/*.md', '**/*.txt']), exclude: globList(s.get<unknown>('drafts.exclude'), ['**/node_modules/**']) };
}

export function draftDebounceMs(): number {
  const v = section().get<number>('drafts.debounceMs', 400);
  return Number.isFinite(v) ? Math.min(Math.max(v, 0), 10_000) : 400;
}

/** The style a command was given (tests, keybindings), else the `corroborate.citation.style` setting. */
export function citationStyle(scope?: vscode.ConfigurationScope, given?: unknown): CitationStyle {
  if (isCitationStyle(given)) return given;
  const v = section(scope).get<string>('citation.style', 'footnote');
  return isCitationStyle(v) ? v : 'footnote';
}

/** The bibliography setting as written: a path, relative to the draft's folder unless absolute. */
export function bibliographySetting(scope?: vscode.ConfigurationScope): string {
  const v = section(scope).get<string>('citation.bibliography', 'references.json');
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : 'references.json';
}

function globList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : fallback;
}
