import type { ViewModel } from '../../core/view/viewModel';
import type { Range, SourceMeta } from '../../core/types';
import type { CheckOptions, DraftDiagnostic, DraftInput, RankedPassage } from '../../core/draft';
import type { CitationPlan, CitationSource, CitationsPlan, CitationStyle, CslItem } from '../../core/cite';

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

/**
 * Which `SourceIndex` a draft request is answered with. The worker keeps the index of the
 * latest comparison it ran under `key`; a worker started afresh (the old one was terminated
 * to cancel a comparison) rebuilds it once from `job`.
 */
export interface IndexRef {
  /** Increases with every comparison of the extension host: a larger key is a newer set. */
  key: number;
  job: SourceJob;
}

export type WorkerRequest =
  /** `indexKey`: keep this comparison's analysis as the source index for drafts, under that key. */
  | ({ id: number; type: 'compare'; indexKey?: number } & SourceJob)
  | ({ id: number; type: 'report'; format: ReportFormat } & SourceJob)
  | { id: number; type: 'extract'; bytes: Uint8Array; contentType: string; url: string }
  /** Check one version of a draft; the answer repeats the version so the host can drop a stale one. */
  | { id: number; type: 'checkDraft'; index: IndexRef; draft: DraftInput; version: number; options: CheckOptions }
  /** The source passages supporting the sentence at `at`, for Insert Citation's quick pick. */
  | { id: number; type: 'rankPassages'; index: IndexRef; draft: DraftInput; at: number | Range; limit: number }
  /** Plan citing the source with this id (its details as the index has them, Edit Source Details applied). */
  | { id: number; type: 'planCitation'; index: IndexRef; draft: DraftInput; at: number | Range; source: string; passage?: string; style: CitationStyle; bibliography: CslItem[] }
  /** Check the draft, then plan one citation per confirmed quotation (Cite All Verified Quotes). */
  | { id: number; type: 'citeVerifiedQuotes'; index: IndexRef; draft: DraftInput; style: CitationStyle; bibliography: CslItem[] }
  /** The analysis cache: `clear` deletes it (disk and memory), `forget` drops only what the worker holds in memory (as a restart would), `usage` counts it. */
  | { id: number; type: 'cache'; action: 'clear' | 'forget' | 'usage' };

/**
 * Where a comparison's analyses came from: the worker's memory, the disk cache, or made now;
 * `result` says whether the whole model came from the result cache (`uncached`: a file could
 * not be read as bytes, so the set's result is not cached).
 */
export interface CacheStats {
  sources: number;
  memory: number;
  disk: number;
  computed: number;
  result: 'hit' | 'miss' | 'uncached';
}

/**
 * Where a comparison's time went in the worker (for the benchmark): when the request arrived
 * and the answer left (ms since the epoch), reading and hashing the files, looking the result up.
 */
export interface WorkerTimings {
  receivedAt?: number;
  answeredAt?: number;
  readMs?: number;
  lookupMs?: number;
}

export interface CacheUsage {
  /** The cache folder; undefined when the worker has none (no storage folder). */
  dir?: string;
  files: { analyses: number; aliases: number; results: number };
  bytes: number;
  maxBytes: number;
}

export interface ExtractedArticle {
  meta: SourceMeta;
  /** The article text, one block (paragraph, heading) per line. */
  text: string;
  notes: string[];
}

export type WorkerResponse =
  /** `json`: the same model as UTF-8 JSON, for the panel (shared/modelWire.ts); its buffer is transferred. */
  | { id: number; type: 'model'; model: ViewModel; json: Uint8Array; cache: CacheStats; timings?: WorkerTimings }
  | { id: number; type: 'cache'; usage: CacheUsage }
  | { id: number; type: 'report'; text: string; problems: ViewModel['problems']; sources: number }
  | { id: number; type: 'article'; article: ExtractedArticle }
  | { id: number; type: 'draftChecked'; version: number; diagnostics: DraftDiagnostic[] }
  | { id: number; type: 'passages'; sentence: Range | null; passages: CitedPassage[]; sources: CitationSource[] }
  | { id: number; type: 'citationPlan'; plan: CitationPlan }
  | { id: number; type: 'citationsPlan'; plan: CitationsPlan; quotes: number }
  | { id: number; type: 'error'; message: string };

/** A ranked passage with the details of its source, for the quick pick and the citation. */
export interface CitedPassage extends RankedPassage {
  citation: CitationSource;
}
