import { parentPort } from 'node:worker_threads';
import { compareAnalysed } from '../../core/compare/sourceAnalysis';
import { renderMarkdown } from '../../core/report/markdown';
import { renderHtml } from '../../core/report/html';
import { renderJson } from '../../core/report/json';
import type { CompareResult } from '../../core/result';
import { extractArticle } from './extractArticle';
import type { ReportFormat, WorkerRequest, WorkerResponse } from './messages';
import { keepAnalysis } from './sourceIndexCache';
import { analyseJob, compareJob } from './compareJob';
import { workerCache } from './workerCache';
import { withoutRows } from '../store/hostModel';
import { checkDraftJob, citeVerifiedQuotesJob, planCitationJob, rankPassagesJob } from './draftJobs';

/**
 * The engine's thread (dist/engineWorker.js). The engine has no yield points (a request only
 * waits while its files are read), and the extension host terminates the worker to cancel,
 * so nothing here needs to be interruptible. Between requests the worker keeps the source
 * index of the latest comparison, for checking drafts (sourceIndexCache.ts), and the cache of
 * analyses and results (workerCache.ts: in memory, and on disk in the extension's global
 * storage). Cache files are written after the answer is sent.
 */

const epochMs = () => performance.timeOrigin + performance.now();

const RENDER: Record<ReportFormat, (r: CompareResult) => string> = {
  markdown: renderMarkdown,
  html: renderHtml,
  json: renderJson,
};

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  switch (req.type) {
    case 'compare': {
      const receivedAt = epochMs();
      const compared = await compareJob(req, workerCache);
      // Drafts are checked against this very comparison: the sources are analysed once.
      if (req.indexKey !== undefined) keepAnalysis(req.indexKey, compared.analysis, compared.analysisKeys);
      // The host gets the rows in the JSON only (store/hostModel.ts).
      const timings = { ...compared.timings, receivedAt, answeredAt: epochMs() };
      return { id: req.id, type: 'model', model: withoutRows(compared.model), json: compared.json, cache: compared.stats, timings };
    }
    case 'report': {
      const { analyses, problems } = await analyseJob(req, workerCache);
      const text = RENDER[req.format](compareAnalysed(analyses, problems));
      return { id: req.id, type: 'report', text, problems, sources: analyses.length };
    }
    case 'cache': {
      if (req.action === 'clear') await workerCache.clear();
      if (req.action === 'forget') {
        await workerCache.flush();
        workerCache.forgetMemory();
      }
      return { id: req.id, type: 'cache', usage: await workerCache.usage() };
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
      (res) => {
        // The model's JSON bytes are handed over, not copied.
        port.postMessage(res, res.type === 'model' ? [res.json.buffer as ArrayBuffer] : []);
        void workerCache.flush();
      },
      (e: unknown) => port.postMessage({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerResponse),
    );
  });
}
