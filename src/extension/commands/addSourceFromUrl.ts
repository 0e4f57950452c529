import * as vscode from 'vscode';
import type { Services } from './services';
import { EngineClient } from '../worker/engineClient';
import { checkUrl, DEFAULT_LIMITS, FetchError, fetchPage } from '../web/fetchPage';
import { articleMarkdown, slugify } from '../web/articleMarkdown';
import { writeNewFile } from '../web/writeNewFile';
import { chooseSourceFolder } from '../sources/chooseSourceFolder';

/**
 * Fetches a web page, extracts the article (in the engine worker, with the engine's HTML
 * reader) and saves it as a new Markdown source with front matter. Only in a trusted
 * workspace: fetching is the extension's one network request, made only when asked.
 * Returns the new file.
 */
export async function addSourceFromUrl(s: Services, url?: string, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  // Checked before anything is asked or fetched: in Restricted Mode no request leaves the machine.
  if (!s.trust.trusted) {
    s.trust.refuseFetch();
    return undefined;
  }
  const address = url ?? (await vscode.window.showInputBox({
    title: 'Corroborate: add a web page as a source',
    prompt: 'The article is saved as a Markdown file next to your sources; the page is fetched once.',
    placeHolder: 'https://…',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? undefined : 'error' in checkUrl(v) ? (checkUrl(v) as { error: string }).error : undefined),
  }));
  if (!address) return undefined;
  const checked = checkUrl(address);
  if ('error' in checked) {
    void s.notifier.error(`Corroborate: ${checked.error}.`);
    return undefined;
  }
  const target = folder ?? (await chooseSourceFolder(s.store));
  if (!target) return undefined;

  let saved: string;
  try {
    saved = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Corroborate: fetching ${checked.url.host}…`, cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const page = await fetchPage(checked.url.href, { ...DEFAULT_LIMITS, signal: abort.signal });
        // A thread of its own, so a comparison in flight is neither delayed nor cancelled.
        const engine = new EngineClient(s.workerPath);
        try {
          const res = await engine.request({ type: 'extract', bytes: page.bytes, contentType: page.contentType, url: page.url }, abort.signal);
          if (res.type === 'error') throw new FetchError(res.message);
          if (res.type !== 'article') throw new Error(`unexpected answer from the engine: ${res.type}`);
          const { meta, text } = res.article;
          const markdown = articleMarkdown(meta, text, page.url, new Date());
          return await writeNewFile(target.fsPath, slugify(meta.title), '.md', markdown);
        } finally {
          engine.dispose();
        }
      },
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message !== 'cancelled') void s.notifier.error(`Corroborate: could not add ${checked.url.href}: ${message}`);
    return undefined;
  }
  return vscode.Uri.file(saved);
}
