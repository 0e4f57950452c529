import * as vscode from 'vscode';
import { escapeTerminal, httpUrl } from '../../core/report/escape';

/**
 * Opening a source's own web address (its `url` from front matter, the page or Edit Source
 * Details). The address comes from a file that may wish the reader harm, so: only http and
 * https, never `javascript:`, `command:`, `data:`, `file:` or anything else; and only after a
 * modal confirmation that shows the exact address that will open (normalised, so a homoglyph
 * host shows as its punycode form and bidi controls cannot reorder what is read).
 */

export type UrlOutcome = 'opened' | 'cancelled' | 'refused' | 'no-url';

/** The three things that touch the user; replaceable in tests (the modal cannot be clicked from a suite). */
export interface UrlOpener {
  confirm(message: string, detail: string): Thenable<boolean>;
  open(uri: vscode.Uri): Thenable<boolean>;
  refuse(message: string): void;
}

export const OPEN_BUTTON = 'Open in Browser';

export const vscodeOpener: UrlOpener = {
  confirm: async (message, detail) =>
    (await vscode.window.showWarningMessage(message, { modal: true, detail }, OPEN_BUTTON)) === OPEN_BUTTON,
  open: (uri) => vscode.env.openExternal(uri),
  refuse: (message) => void vscode.window.showWarningMessage(message),
};

/** The address as it may be shown: on one line, without controls or bidi overrides, not too long. */
export function shownUrl(raw: string): string {
  const s = escapeTerminal(raw);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export async function openSourceUrl(sourceId: string, raw: string | undefined, opener: UrlOpener): Promise<UrlOutcome> {
  if (!raw) {
    opener.refuse(`${shownUrl(sourceId)} has no web address.`);
    return 'no-url';
  }
  const href = httpUrl(raw);
  if (!href) {
    opener.refuse(`Not opened: the address of ${shownUrl(sourceId)} is not a web page (${shownUrl(raw)}). Corroborate opens only http and https addresses.`);
    return 'refused';
  }
  const detail = href === raw.trim() ? href : `${href}\n\nAs written in the source: ${shownUrl(raw)}`;
  if (!(await opener.confirm(`Open the address of ${shownUrl(sourceId)} in your browser?`, detail))) return 'cancelled';
  await opener.open(vscode.Uri.parse(href, true));
  return 'opened';
}
