import * as vscode from 'vscode';
import { FindingsStore } from './store/findingsStore';
import { ComparisonRunner } from './store/comparisonRunner';
import { SourceWatcher } from './store/sourceWatcher';
import { EngineClient } from './worker/engineClient';
import { PanelHost } from './panel/panelHost';
import { DecorationController } from './editor/decorations';
import { SourceHoverProvider } from './editor/hoverProvider';
import { SourcesTreeProvider } from './views/sourcesTree';
import { FindingsTreeProvider } from './views/findingsTree';
import { StatusBar } from './statusBar';
import { Notifier } from './notify';
import { registerCommands } from './commands/registerCommands';
import { rerun } from './commands/compareCommands';
import type { Services } from './commands/services';
import type { CorroborateTestApi } from './testApi';
import { CONTEXT, PANEL_VIEW_TYPE, VIEWS } from './ids';
import { debounceMs } from './config';
import { createDraftFeature } from './draft/draftFeature';
import { citationPicks, rankedChoices } from './draft/insertCitation';
import { applyGate } from './draft/citationEdit';
import { TrustState } from './trust';
import { vscodeOpener } from './panel/sourceUrl';
import { cacheDirOf, cacheProbe } from './cache/cacheProbe';
import { mark } from './perfMarks';

/**
 * Wires the extension together. Activation comes only from its commands, its views and the
 * panel being restored after a reload (package.json `activationEvents`). Everything created
 * here is added to `context.subscriptions`, so VS Code disposes all of it on deactivation.
 */
export function activate(context: vscode.ExtensionContext): CorroborateTestApi | undefined {
  mark('activate');
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const notifier = new Notifier();
  const store = own(new FindingsStore(context.workspaceState));
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'engineWorker.js').fsPath;
  const engine = own(new EngineClient(workerPath, { cacheDir: cacheDirOf(context) }));
  // With a set remembered from an earlier session a comparison is coming (a restored panel,
  // the views, a command): the engine's thread loads while VS Code restores the rest.
  if (store.sourceSet.files.length > 0) engine.warm();
  const runner = own(new ComparisonRunner(store, engine, notifier));
  const panels = own(new PanelHost(context.extensionUri, store, context.extensionMode === vscode.ExtensionMode.Test));

  const sourcesTree = own(new SourcesTreeProvider(store));
  const findingsTree = own(new FindingsTreeProvider(store));
  const sourcesView = own(vscode.window.createTreeView(VIEWS.sources, { treeDataProvider: sourcesTree, canSelectMany: true }));
  const findingsView = own(vscode.window.createTreeView(VIEWS.findings, { treeDataProvider: findingsTree, showCollapseAll: true }));

  const draft = createDraftFeature(context.workspaceState, store, runner, engine, notifier);
  for (const d of draft.disposables) own(d);

  const services: Services = {
    context, store, runner, panels, notifier, workerPath, findingsTree, findingsView,
    engine, drafts: draft.drafts, draftChecker: draft.checker, draftDiagnostics: draft.diagnostics,
    trust: own(new TrustState(notifier)),
  };
  for (const d of registerCommands(services)) own(d);

  const decorations = own(new DecorationController(store));
  own(vscode.languages.registerHoverProvider({ scheme: 'file' }, new SourceHoverProvider(store)));
  const statusBar = own(new StatusBar(store));
  own(new SourceWatcher(store, () => runner.schedule(debounceMs(), () => rerun(services))));

  // The set remembered from an earlier session, compared again once when a restored panel or
  // the views ask for it (both may, right after a reload: one comparison serves both).
  let remembered: Promise<unknown> | undefined;
  const compareRememberedSet = (why: string): void => {
    if (remembered || store.model || store.busy || store.sourceSet.files.length === 0) return;
    mark(why);
    // Busy at once, so that a panel page that loads while the set is found (the globs: a file
    // search) says "Comparing…" rather than "No sources compared yet".
    store.setBusy(true);
    remembered = rerun(services)
      .catch((e: unknown) => void notifier.error(`Corroborate: the comparison failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        remembered = undefined;
        // The runner clears it when it ran; not when it did not (no files, or the set failed).
        if (!runner.running) store.setBusy(false);
      });
  };

  const serializer: vscode.WebviewPanelSerializer = {
    // After a window reload: take the panel over and compare the remembered set again. Not
    // awaited: VS Code shows the restored panel's page only once this returns, so awaiting the
    // comparison kept the panel blank until it was done (2,000 sources: over a second; a set
    // that changed meanwhile: minutes) and made the page load only after it.
    async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
      mark('restore');
      panels.revive(panel);
      compareRememberedSet('restore-compare');
    },
  };
  own(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, serializer));

  own(vscode.workspace.onDidChangeConfiguration((e) => {
    const resets = e.affectsConfiguration('corroborate.sources') || e.affectsConfiguration('corroborate.maxSourceSizeMB');
    if (resets && (store.sourceSet.files.length > 0 || e.affectsConfiguration('corroborate.sources'))) {
      runner.schedule(debounceMs(), () => rerun(services));
    }
  }));

  // The panel's selection is followed in the Findings view, when that is open.
  own(panels.onDidSelectFinding((id) => {
    const node = id ? findingsTree.findingNode(id) : undefined;
    if (node && findingsView.visible) void findingsView.reveal(node, { select: true, focus: false });
  }));

  // Opening the Corroborate views with a set remembered from an earlier session compares it,
  // so the views show findings rather than a list of files "not compared yet".
  const compareRemembered = () => {
    if (sourcesView.visible || findingsView.visible) compareRememberedSet('views-compare');
  };
  own(sourcesView.onDidChangeVisibility(compareRemembered));
  own(findingsView.onDidChangeVisibility(compareRemembered));
  compareRemembered();

  const contextKeys: Record<string, unknown> = {};
  const setContext = (key: string, value: unknown) => {
    if (JSON.stringify(contextKeys[key]) === JSON.stringify(value)) return;
    contextKeys[key] = value;
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const updateViews = () => {
    setContext(CONTEXT.hasSources, store.sourceSet.files.length > 0);
    setContext(CONTEXT.busy, store.busy);
    setContext(CONTEXT.onlyDifferences, store.filter.onlyDifferences);
    setContext(CONTEXT.sourcePaths, store.sourceSet.files);
    const differ = store.model?.findings.filter((f) => f.verdict === 'differ').length ?? 0;
    findingsView.badge = differ > 0 ? { value: differ, tooltip: `${differ} difference${differ === 1 ? '' : 's'}` } : undefined;
    const model = store.model;
    sourcesView.message = model && model.sources.length < 2 && store.sourceSet.files.length > 0
      ? 'At least two readable sources are needed to compare.'
      : undefined;
  };
  own(store.onDidChange(updateViews));
  updateViews();

  mark('activated');
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    store,
    runner,
    sourcesTree,
    findingsTree,
    decorations: (uri) => decorations.applied.get(uri.toString()),
    statusBar: () => ({
      text: statusBar.item.text,
      tooltip: typeof statusBar.item.tooltip === 'string' ? statusBar.item.tooltip : statusBar.item.tooltip?.value,
      command: typeof statusBar.item.command === 'string' ? statusBar.item.command : statusBar.item.command?.command,
      visible: statusBar.visible,
    }),
    panel: () => {
      const p = panels.panel;
      if (!p) return undefined;
      return {
        html: p.panel.webview.html,
        options: p.panel.webview.options,
        panelOptions: p.panel.options,
        viewColumn: p.panel.viewColumn,
        ready: p.isReady,
        delivered: p.delivered,
        rejected: p.rejected,
        resends: p.resends,
        cspViolations: panels.cspViolations,
        urlRequests: panels.urlRequests,
        setUrlOpener: (opener) => {
          panels.urlOpener = opener ?? vscodeOpener;
        },
        receive: (m: unknown) => p.receive(m),
      };
    },
    notifications: notifier.shown,
    serializer,
    context: contextKeys,
    cache: cacheProbe(engine, runner),
    drafts: {
      result: (uri) => draft.drafts.get(uri),
      published: (uri) => draft.diagnostics.of(uri).map((p) => ({ diagnostic: p.diagnostic, fingerprint: p.draft.fingerprint, kind: p.draft.kind, verdict: p.draft.verdict })),
      confirmed: (uri) => draft.confirmed.applied.get(uri.toString()),
      ignored: () => draft.drafts.ignored,
      whenIdle: (uri) => draft.checker.whenIdle(uri),
      setGate: (gate) => {
        draft.checker.testGate = gate;
      },
      stats: () => ({ ...draft.checker.stats }),
      choices: async (uri, at) => {
        const index = runner.index;
        if (!index) return undefined;
        const doc = await vscode.workspace.openTextDocument(uri);
        const res = await rankedChoices(services, index, doc, at);
        return 'error' in res ? undefined : res.items;
      },
      citationPicksShown: () => citationPicks.shown,
      setApplyGate: (gate) => {
        applyGate.hold = gate;
      },
    },
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions; VS Code disposes it (and so terminates the worker).
}
