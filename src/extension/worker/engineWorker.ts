import { parentPort } from 'node:worker_threads';
import { analyzeInputs, viewModelOf } from '../../core/view/buildView';
import { compareSources } from '../../core/compare/compareSources';
import { renderMarkdown } from '../../core/report/markdown';
import { renderHtml } from '../../core/report/html';
import { renderJson } from '../../core/report/json';
import type { CompareResult } from '../../core/result';
import { loadJob } from './loadJob';
import { extractArticle } from './extractArticle';
import type { ReportFormat, WorkerRequest, WorkerResponse } from './messages';
import { keepAnalysis } from './sourceIndexCache';
import { checkDraftJob, citeVerifiedQuotesJob, planCitationJob, rankPassagesJob } from './draftJobs';

/**
 * The engine's thread (dist/engineWorker.js). The engine has no yield points (a request only
 * waits while its files are read), and the extension host terminates the worker to cancel,
 * so nothing here needs to be interruptible. Between requests the worker keeps one thing: the
 * source index of the latest comparison, for checking drafts (sourceIndexCache.ts).
 */

const RENDER: Record<ReportFormat, (r: CompareResult) => string> = {
  markdown: renderMarkdown,
  html: renderHtml,
  json: renderJson,
};

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  switch (req.type) {
    case 'compare': {
      const { inputs, problems } = await loadJob(req);
      const analysis = analyzeInputs(inputs);
      // Drafts are checked against this very analysis: the sources are analysed once per comparison.
      if (req.indexKey !== undefined) keepAnalysis(req.indexKey, analysis);
      return { id: req.id, type: 'model', model: viewModelOf(analysis, problems) };
    }
    case 'report': {
      const { inputs, problems } = await loadJob(req);
      const text = RENDER[req.format](compareSources(inputs, problems));
      return { id: req.id, type: 'report', text, problems, sources: inputs.length };
    }
    case 'extract':
      return { id: req.id, type: 'article', article: extractArticle(req.bytes, req.contentType, req.url) };
    case 'checkDraft':
      return checkDraftJob(req);
    case 'rankPassages':
      return rankPassagesJob(req);
    case 'planCitation':
      return planCitationJob(req);
    case 'citeVerifiedQuotes':
      return citeVerifiedQuotesJob(req);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (req: WorkerRequest) => {
    handle(req).then(
      (res) => port.postMessage(res),
      (e: unknown) => port.postMessage({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerResponse),
    );
  });
}
