import * as vscode from 'vscode';
import type { FindingKind } from '../core/result';
import { DEFAULT_MAX_SOURCE_MB } from '../core/sources/sizeLimit';

/** The `corroborate.*` settings, read fresh each time so that a change applies at once. */

export interface HighlightSettings {
  kinds: Record<FindingKind, boolean>;
  agreements: boolean;
}

const section = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('corroborate', scope);

/** Globs of one workspace folder's `corroborate.sources`; blank entries are ignored. */
export function sourceGlobs(folder: vscode.WorkspaceFolder): string[] {
  const value = section(folder).get<unknown>('sources', []);
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
}

export function highlightSettings(): HighlightSettings {
  const s = section();
  // The setting names the kinds in the plural, as a user thinks of them; findings use the singular.
  const kinds = s.get<Partial<Record<'figures' | 'names' | 'quotes', boolean>>>('highlight.kinds', {});
  return {
    kinds: { figure: kinds.figures !== false, name: kinds.names !== false, quote: kinds.quotes !== false },
    agreements: s.get<boolean>('highlight.agreements', true),
  };
}

export function debounceMs(): number {
  const v = section().get<number>('debounceMs', 500);
  return Number.isFinite(v) ? Math.min(Math.max(v, 0), 60_000) : 500;
}

export function maxSourceBytes(): number {
  const mb = section().get<number>('maxSourceSizeMB', DEFAULT_MAX_SOURCE_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_SOURCE_MB) * 1024 * 1024);
}
