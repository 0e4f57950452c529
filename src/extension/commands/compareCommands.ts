import type { Services } from './services';
import type { RunOutcome } from '../store/comparisonRunner';
import type * as vscode from 'vscode';
import { chooseSourceSet, currentSourceSet, setAroundFile } from '../sources/chooseSourceSet';
import { isSourcePath } from '../sources/sourceExtensions';
import { expandSelection } from '../sources/sourceFiles';
import { listSet, type SavedSet } from '../sources/sourceSet';
import { urisFromArgs } from './args';
import { mark } from '../perfMarks';

/**
 * Compare Sources: decide the set (or take the files and folders it was given, e.g. from
 * the Explorer), open the panel, compare.
 */
export async function compareSources(s: Services, arg?: unknown, all?: unknown): Promise<RunOutcome | undefined> {
  const given = urisFromArgs(arg, all);
  const set = given ? await setFromSelection(s, given) : await chooseSourceSet(s.store);
  if (!set) return undefined;
  mark('set', { files: set.files.length });
  if (set.files.length === 0) {
    void s.notifier.warn('Corroborate: no source files (.txt, .md, .html) there to compare.');
    return undefined;
  }
  // The set is in the store at once; remembering it in the workspace's storage (a round trip to
  // the workbench) goes on while the comparison runs.
  const saved = s.store.setSourceSet(set);
  s.panels.show(false);
  const outcome = s.runner.run();
  await saved;
  return outcome;
}

/**
 * What the Explorer (or a caller) selected. One article alone means "compare this one",
 * which needs company: its set or its folder, as for the active file.
 */
async function setFromSelection(s: Services, given: vscode.Uri[]): Promise<SavedSet> {
  if (given.length === 1 && isSourcePath(given[0].path)) {
    const around = await setAroundFile(s.store, given[0]);
    if (around) return around;
  }
  return listSet((await expandSelection(given)).map((u) => u.fsPath));
}

/** Refresh: read the set's files again (and re-expand the globs) and compare; with no set yet, Compare Sources. */
export async function refresh(s: Services): Promise<RunOutcome | undefined> {
  if (s.store.sourceSet.files.length === 0 && s.store.sourceSet.mode === 'list') return compareSources(s);
  return rerun(s);
}

/**
 * Compares the current set again without asking anything: for file watchers, setting
 * changes, a restored panel and views opened with a remembered set.
 */
export async function rerun(s: Services): Promise<RunOutcome> {
  const set = await currentSourceSet(s.store);
  mark('set', { files: set.files.length });
  // As in compareSources: the comparison does not wait for the set to be written to storage.
  const saved = s.store.setSourceSet(set);
  const outcome = s.runner.run();
  await saved;
  return outcome;
}

/** Show Panel: the panel, with a comparison behind it (running one if there is none yet). */
export async function showPanel(s: Services): Promise<void> {
  if (!s.store.model && !s.store.busy) {
    if (s.store.sourceSet.files.length === 0) {
      await compareSources(s);
      return;
    }
    s.panels.show(false);
    await s.runner.run();
    return;
  }
  s.panels.show(false);
}

/** Next / Previous Difference: the panel moves its selection; it is opened first if closed. */
export async function navigate(s: Services, direction: 'next' | 'previous'): Promise<void> {
  if (!s.panels.panel) await showPanel(s);
  s.panels.panel?.post({ type: 'navigate', direction });
}

export async function toggleOnlyDifferences(s: Services): Promise<boolean> {
  const filter = s.store.filter;
  const onlyDifferences = !filter.onlyDifferences;
  await s.store.setFilter({ ...filter, onlyDifferences });
  return onlyDifferences;
}
