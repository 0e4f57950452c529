import * as vscode from 'vscode';
import type { Notifier } from './notify';

/**
 * Workspace trust. In Restricted Mode (an untrusted folder) Corroborate reads and compares
 * as usual, but makes no network request: Add Source → Web page is refused. Nothing else it
 * does reaches out or runs anything. The one setting that names a file outside the folder that
 * the extension writes, `corroborate.citation.bibliography`, is a `restrictedConfigurations`
 * entry in package.json: VS Code ignores the folder's own value for it until trust is granted.
 */

export const MANAGE_TRUST = 'Manage Workspace Trust';

export const UNTRUSTED_FETCH_MESSAGE =
  'Corroborate: adding a web page needs a trusted workspace (this folder is open in Restricted Mode, where Corroborate makes no network request). Save the page as .html and add the file instead, or trust the folder.';

export const TRUST_GRANTED_MESSAGE = 'Corroborate: the workspace is trusted now; Add Source → Web page… can fetch pages.';

export class TrustState implements vscode.Disposable {
  /** Whether a web page was refused for want of trust in this session (then a grant is announced). */
  private refused = false;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly notifier: Notifier) {
    this.subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (this.refused) void this.notifier.info(TRUST_GRANTED_MESSAGE);
      this.refused = false;
    });
  }

  /** Read fresh each time: trust can be granted during the session. */
  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Refuses a network request in Restricted Mode, with the reason and a way to change it. */
  refuseFetch(): void {
    this.refused = true;
    void this.notifier.error(UNTRUSTED_FETCH_MESSAGE, MANAGE_TRUST).then((picked) => {
      if (picked === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
