import * as vscode from 'vscode';
import type { Services } from './services';
import type { ReportFormat } from '../worker/messages';
import { EngineClient } from '../worker/engineClient';
import { maxSourceBytes } from '../config';
import { isSourceOnDisk } from '../sources/sameFile';
import { isObject, stringField } from './args';

const FORMATS: Array<{ format: ReportFormat; label: string; ext: string; filter: string }> = [
  { format: 'markdown', label: 'Markdown', ext: 'md', filter: 'Markdown' },
  { format: 'html', label: 'HTML', ext: 'html', filter: 'HTML' },
  { format: 'json', label: 'JSON', ext: 'json', filter: 'JSON' },
];

/**
 * Export Report: the engine's own Markdown, HTML or JSON report of the current source set,
 * rendered as `corroborate compare` renders it (with absolute paths, as the extension gives
 * them to the engine). With `{ format, uri }` it asks nothing.
 * The report is rendered in a thread of its own; it never overwrites a source file.
 */
export async function exportReport(s: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const files = s.store.sourceSet.files;
  if (files.length === 0) {
    void s.notifier.info('Corroborate: nothing to export yet; compare sources first.');
    return undefined;
  }
  const given = stringField(arg, 'format');
  const format = FORMATS.find((f) => f.format === given)
    ?? (await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, description: `.${f.ext}` })), { title: 'Corroborate: export the report as' }));
  if (!format) return undefined;
  const uri = (isObject(arg) && arg.uri instanceof vscode.Uri ? arg.uri : undefined) ?? (await vscode.window.showSaveDialog({
    title: 'Corroborate: save the report',
    defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(files[0]).with({ path: '/' }), `corroborate-report.${format.ext}`),
    filters: { [format.filter]: [format.ext] },
    saveLabel: 'Export',
  }));
  if (!uri) return undefined;
  if (await isSourceOnDisk(uri, files)) {
    void s.notifier.error('Corroborate: that is one of the sources; source files are never overwritten. Choose another file.');
    return undefined;
  }

  const engine = new EngineClient(s.workerPath);
  try {
    const res = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Corroborate: writing the report…', cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return engine.request({ type: 'report', format: format.format, files, overrides: s.store.overrides, maxBytes: maxSourceBytes() }, abort.signal);
      },
    );
    if (res.type === 'error') throw new Error(res.message);
    if (res.type !== 'report') throw new Error(`unexpected answer from the engine: ${res.type}`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(res.text));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message !== 'cancelled') void s.notifier.error(`Corroborate: the report could not be written: ${message}`);
    return undefined;
  } finally {
    engine.dispose();
  }
  void s.notifier.info(`Corroborate: report saved to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', uri);
  });
  return uri;
}
