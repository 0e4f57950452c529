/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorroborateTestApi } from '../../../src/extension/testApi';

export const EXTENSION_ID = 'corroborate.corroborate';

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a workspace: a copy of seeds/');
  return folder.uri.fsPath;
}

/** The seed files at the workspace root, by their number prefix ("000"). */
export function seed(prefix: string): vscode.Uri {
  const dir = workspaceDir();
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} in ${dir}`);
  return vscode.Uri.file(join(dir, name));
}

export function seedId(prefix: string): string {
  return seed(prefix).path.replace(/^.*\//, '');
}

export const SEEDS = ['000', '001', '002', '003', '004'];

export async function api(): Promise<CorroborateTestApi> {
  const ext = vscode.extensions.getExtension<CorroborateTestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  const exported = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exported, 'activate() returns the test API in ExtensionMode.Test');
  return exported;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Compares the five seeds (explicitly, whatever the set was) and waits for the model. */
export async function compareSeeds(): Promise<CorroborateTestApi> {
  const a = await api();
  await vscode.commands.executeCommand('corroborate.compare', { uris: SEEDS.map(seed) });
  await a.runner.whenIdle();
  assert.equal(a.store.model?.sources.length, 5);
  return a;
}

export async function openSeed(prefix: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(seed(prefix));
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

/** Makes sure the panel is listening: the real webview says `ready` when its script loads; without it, we say it. */
export async function panelReady(a: CorroborateTestApi): Promise<NonNullable<ReturnType<CorroborateTestApi['panel']>>> {
  const p = await waitFor('the panel', () => a.panel());
  if (!p.ready) p.receive({ type: 'ready' });
  return (await waitFor('a ready panel', () => a.panel()?.ready && a.panel()))!;
}

export interface FileState {
  hash: string;
  mtimeMs: number;
  size: number;
}

/** Content hash and modification time of every seed file. */
export function snapshotSeeds(): Map<string, FileState> {
  const dir = workspaceDir();
  const out = new Map<string, FileState>();
  for (const name of readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f))) {
    const p = join(dir, name);
    const st = statSync(p);
    out.set(name, { hash: createHash('sha256').update(readFileSync(p)).digest('hex'), mtimeMs: st.mtimeMs, size: st.size });
  }
  return out;
}

export function snapshotFiles(paths: string[]): Map<string, FileState> {
  const out = new Map<string, FileState>();
  for (const p of paths) {
    const st = statSync(p);
    out.set(p, { hash: createHash('sha256').update(readFileSync(p)).digest('hex'), mtimeMs: st.mtimeMs, size: st.size });
  }
  return out;
}

export function markdownOf(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/**
 * Sets (or, with `undefined`, clears) a workspace setting of `corroborate.*` and waits until the
 * extension host reads the new value: `update()` can resolve before the host has been told,
 * and a command run in between would still see the old setting.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('corroborate').update(key, value, vscode.ConfigurationTarget.Workspace);
  const want = JSON.stringify(value);
  await waitFor(`corroborate.${key} = ${want ?? 'unset'}`, () => JSON.stringify(vscode.workspace.getConfiguration('corroborate').inspect(key)?.workspaceValue) === want);
}
