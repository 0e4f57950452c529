import * as vscode from 'vscode';
import type { Services } from './services';
import { isObject, stringField } from './args';
import { openSourceAt } from '../editor/openSource';
import { samePath } from '../store/findingsStore';

/**
 * Open at a place in a source (hover links). Arguments arrive through a `command:` URI, so
 * they are checked like any input: the place must be in a source of the current comparison.
 */
export async function openSourceAtCommand(s: Services, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  if (!isObject(arg) || !Number.isInteger(arg.start) || !Number.isInteger(arg.end)) return undefined;
  const id = stringField(arg, 'source');
  const path = stringField(arg, 'path');
  const source = (id !== undefined ? s.store.sourceById(id) : undefined)
    ?? (path !== undefined ? s.store.model?.sources.find((x) => samePath(x.path, path)) : undefined);
  if (!source) return undefined;
  const start = arg.start as number;
  const end = arg.end as number;
  if (start < 0 || end < start || end > source.text.length) return undefined;
  return openSourceAt({ path: source.path, start, end, text: source.text.slice(start, end) }, s.panels.panel ? s.panels.sourceColumn : vscode.ViewColumn.Beside);
}

/**
 * A finding chosen in the Findings view: the panel shows it (opened if needed), and the
 * editor opens at the chosen mention (the first one for the finding itself).
 */
export async function revealFinding(s: Services, arg?: unknown): Promise<void> {
  const findingId = stringField(arg, 'findingId');
  const finding = findingId !== undefined ? s.store.findingById(findingId) : undefined;
  if (!finding) return;
  const index = isObject(arg) && Number.isInteger(arg.mention) ? (arg.mention as number) : undefined;
  if (index === undefined) s.panels.show(true);
  s.panels.post({ type: 'reveal', findingId: finding.id });
  const mention = finding.mentions[index ?? 0];
  const source = mention && s.store.sourceById(mention.source);
  if (!source) return;
  await openSourceAt({ path: source.path, start: mention.start, end: mention.end, text: mention.text }, s.panels.sourceColumn, index === undefined);
}

/** "Open" on a Sources view item. */
export async function openSource(arg?: unknown): Promise<void> {
  const path = stringField(arg, 'path');
  if (path !== undefined) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path));
}
