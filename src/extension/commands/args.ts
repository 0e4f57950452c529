import * as vscode from 'vscode';

/**
 * Commands are called from the palette (no arguments), from menus (the clicked resource and
 * the selection), from tree items (their node) and from tests (an options object). These
 * helpers read what they can and ignore the rest.
 */

/** URIs from `(uri, uris[])` as the Explorer passes them, a URI array, or `{ uris }` / `{ uri }`. */
export function urisFromArgs(arg: unknown, all?: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(all) && all.length > 0 && all.every((u) => u instanceof vscode.Uri)) return all;
  if (arg instanceof vscode.Uri) return [arg];
  if (Array.isArray(arg) && arg.length > 0 && arg.every((u) => u instanceof vscode.Uri)) return arg;
  if (isObject(arg)) {
    if (Array.isArray(arg.uris) && arg.uris.every((u) => u instanceof vscode.Uri)) return arg.uris as vscode.Uri[];
    if (arg.uri instanceof vscode.Uri) return [arg.uri];
  }
  return undefined;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function stringField(x: unknown, key: string): string | undefined {
  return isObject(x) && typeof x[key] === 'string' ? (x[key] as string) : undefined;
}
