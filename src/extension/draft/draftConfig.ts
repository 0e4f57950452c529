import * as vscode from 'vscode';
import type { CitationStyle } from '../../core/cite/citationStyle';

/** The `corroborate.drafts.*` and `corroborate.citation.*` settings, read fresh each time. */

const section = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('corroborate', scope);

const STYLES: readonly CitationStyle[] = ['footnote', 'pandoc', 'link'];

/** Globs of the files that are drafts (minus the sources), relative to each workspace folder. */
export function draftGlobs(scope?: vscode.ConfigurationScope): { include: string[]; exclude: string[] } {
  const s = section(scope);
  return { include: globList(s.get<unknown>('drafts.include'), ['**/*.md', '**/*.txt']), exclude: globList(s.get<unknown>('drafts.exclude'), ['**/node_modules/**']) };
}

export function draftDebounceMs(): number {
  const v = section().get<number>('drafts.debounceMs', 400);
  return Number.isFinite(v) ? Math.min(Math.max(v, 0), 10_000) : 400;
}

export function citationStyle(scope?: vscode.ConfigurationScope): CitationStyle {
  const v = section(scope).get<string>('citation.style', 'footnote');
  return (STYLES as readonly string[]).includes(v) ? (v as CitationStyle) : 'footnote';
}

/** The bibliography setting as written: a path, relative to the draft's folder unless absolute. */
export function bibliographySetting(scope?: vscode.ConfigurationScope): string {
  const v = section(scope).get<string>('citation.bibliography', 'references.json');
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : 'references.json';
}

function globList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : fallback;
}
