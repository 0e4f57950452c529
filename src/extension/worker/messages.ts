import type { ViewModel } from '../../core/view/viewModel';
import type { SourceMeta } from '../../core/types';

/**
 * What the extension host and the engine worker say to each other. The worker runs every
 * engine call (reading, comparing, rendering, extracting articles) so that the extension
 * host never blocks; this file is imported by both sides and imports nothing from vscode.
 */

export type ReportFormat = 'markdown' | 'html' | 'json';

/** Metadata the user set with Edit Source Details; it wins over what the file says. */
export type MetaOverride = Partial<Record<keyof SourceMeta, string>>;

export interface SourceJob {
  /** Absolute file paths, in the order of the source set. */
  files: string[];
  /** Keyed by absolute path. */
  overrides: Record<string, MetaOverride>;
  maxBytes: number;
}

export type WorkerRequest =
  | ({ id: number; type: 'compare' } & SourceJob)
  | ({ id: number; type: 'report'; format: ReportFormat } & SourceJob)
  | { id: number; type: 'extract'; bytes: Uint8Array; contentType: string; url: string };

export interface ExtractedArticle {
  meta: SourceMeta;
  /** The article text, one block (paragraph, heading) per line. */
  text: string;
  notes: string[];
}

export type WorkerResponse =
  | { id: number; type: 'model'; model: ViewModel }
  | { id: number; type: 'report'; text: string; problems: ViewModel['problems']; sources: number }
  | { id: number; type: 'article'; article: ExtractedArticle }
  | { id: number; type: 'error'; message: string };
