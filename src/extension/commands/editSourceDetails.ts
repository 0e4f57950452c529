import * as vscode from 'vscode';
import type { Services } from './services';
import type { RunOutcome } from '../store/comparisonRunner';
import type { MetaOverride } from '../worker/messages';
import { isObject } from './args';
import { pathsFromArgs } from './sourceCommands';
import { checkUrl } from '../web/fetchPage';

const FIELDS: Array<{ key: keyof MetaOverride; label: string; placeHolder: string }> = [
  { key: 'title', label: 'Title', placeHolder: 'the headline' },
  { key: 'outlet', label: 'Outlet', placeHolder: 'e.g. The Kyiv Independent' },
  { key: 'date', label: 'Date', placeHolder: 'YYYY-MM-DD' },
  { key: 'url', label: 'URL', placeHolder: 'https://…' },
  { key: 'author', label: 'Author', placeHolder: 'the byline' },
];

/**
 * Edit Source Details: title, outlet, date, URL and author of one source, kept in the
 * workspace's storage and applied when comparing. Source files are never written, so the
 * details are not put into the file. An empty value goes back to what the file says.
 * With `{ uri | id, details }` it asks nothing; `details` replaces the given fields.
 */
export async function editSourceDetails(s: Services, arg?: unknown): Promise<RunOutcome | undefined> {
  const path = pathsFromArgs(s, arg)?.[0] ?? (await pickSource(s));
  if (!path) return undefined;
  const given = isObject(arg) && isObject(arg.details) ? arg.details : undefined;
  let override: MetaOverride | undefined;
  if (given) {
    override = { ...s.store.detailsOf(path) };
    for (const f of FIELDS) if (typeof given[f.key] === 'string') override[f.key] = (given[f.key] as string).trim();
  } else {
    override = await askForDetails(s, path);
  }
  if (!override) return undefined;
  await s.store.setDetails(path, override);
  return s.runner.run();
}

async function pickSource(s: Services): Promise<string | undefined> {
  const items = s.store.sourceSet.files.map((path) => ({
    label: s.store.sourceByPath(path)?.title ?? path.replace(/^.*[\\/]/, ''),
    description: path.replace(/^.*[\\/]/, ''),
    path,
  }));
  if (items.length === 0) {
    void s.notifier.info('Corroborate: the source set is empty; compare sources first.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: 'Corroborate: edit the details of which source?' }))?.path;
}

/** Field by field, until the user picks Done (saved) or presses Escape (nothing changes). */
async function askForDetails(s: Services, path: string): Promise<MetaOverride | undefined> {
  const override: MetaOverride = { ...s.store.detailsOf(path) };
  const source = s.store.sourceByPath(path);
  const fromFile = (k: keyof MetaOverride) => (k === 'author' ? undefined : source?.[k]);
  for (;;) {
    const items = [
      { label: '$(check) Done', description: 'save and compare again', key: undefined as keyof MetaOverride | undefined },
      ...FIELDS.map((f) => ({
        label: f.label,
        description: override[f.key] ?? fromFile(f.key) ?? '—',
        detail: override[f.key] !== undefined ? 'set here (the file is not changed)' : undefined,
        key: f.key as keyof MetaOverride | undefined,
      })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `Corroborate: details of ${path.replace(/^.*[\\/]/, '')}` });
    if (!picked) return undefined;
    if (!picked.key) return override;
    const field = FIELDS.find((f) => f.key === picked.key)!;
    const value = await vscode.window.showInputBox({
      title: `${field.label} of ${path.replace(/^.*[\\/]/, '')}`,
      prompt: 'Leave empty to use what the file says.',
      value: override[field.key] ?? fromFile(field.key) ?? '',
      placeHolder: field.placeHolder,
      validateInput: (v) => (field.key === 'url' && v.trim() !== '' && 'error' in checkUrl(v) ? 'An http or https address' : undefined),
    });
    if (value === undefined) continue;
    if (value.trim() === '') delete override[field.key];
    else override[field.key] = value.trim();
  }
}
