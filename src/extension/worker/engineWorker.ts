import { parentPort } from 'node:worker_threads';
import { buildViewModel } from '../../core/view/buildView';
import { compareSources } from '../../core/compare/compareSources';
import { renderMarkdown } from '../../core/report/markdown';
import { renderHtml } from '../../core/report/html';
import { renderJson } from '../../core/report/json';
import type { CompareResult } from '../../core/result';
import { loadJob } from './loadJob';
import { extractArticle } from './extractArticle';
import type { ReportFormat, WorkerRequest, WorkerResponse } from './messages';

/**
 * The engine's thread (dist/engineWorker.js). The extension host sends one request at a time
 * per worker and terminates the worker to cancel, so nothing here needs to be interruptible.
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
      return { id: req.id, type: 'model', model: buildViewModel(inputs, problems) };
    }
    case 'report': {
      const { inputs, problems } = await loadJob(req);
      const text = RENDER[req.format](compareSources(inputs, problems));
      return { id: req.id, type: 'report', text, problems, sources: inputs.length };
    }
    case 'extract':
      return { id: req.id, type: 'article', article: extractArticle(req.bytes, req.contentType, req.url) };
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
