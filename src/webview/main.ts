/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ToWebview } from '../shared/protocol';
import { App } from './app';
import { readState } from './state';
import { connectHost } from './vscodeApi';
import { ModelParts } from '../shared/modelWire';
import { reportCspViolations } from './cspReport';

/**
 * Entry of the side-by-side panel (bundled into media/webview.js). The host's HTML is
 * `<div id="app"></div>` plus this script; everything else is drawn here, from text, never
 * from HTML strings. On start the panel restores what it saved before a reload, then says
 * `ready`; the host answers with the model.
 */

const MESSAGE_TYPES = new Set<ToWebview['type']>(['model', 'busy', 'idle', 'error', 'reveal', 'navigate', 'filter']);

function start(): void {
  const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
  const host = connectHost();
  reportCspViolations(host);
  const { state, restored } = readState(host.getState());
  const app = new App(root, host, state, restored);
  const parts = new ModelParts();
  window.addEventListener('message', (event: MessageEvent) => {
    const msg = event.data as { type?: unknown } | null;
    if (msg?.type === 'modelSent') {
      // The model the host posted before this page was ready: here whole, or missed.
      const { id } = msg as { id?: unknown };
      if (typeof id === 'number' && parts.lastWhole !== id) host.post({ type: 'resendModel' });
      return;
    }
    if (msg?.type === 'modelJson') {
      // Performance marks (standard User Timing, read by `npm run bench:vscode -- --reopen`).
      const { part, parts: count } = msg as { part?: unknown; parts?: unknown };
      if (part === undefined || part === 0) performance.mark('corroborate:model-first-part');
      if (part === undefined || (typeof count === 'number' && part === count - 1)) performance.mark('corroborate:model-received');
      const model = parts.accept(msg);
      if (!model) return;
      performance.mark('corroborate:model-decoded');
      app.receive(model);
      performance.mark('corroborate:model-drawn');
      // The frame after the one that paints the rows.
      requestAnimationFrame(() => setTimeout(() => performance.mark('corroborate:model-painted'), 0));
      return;
    }
    // Messages from the host arrive through VS Code's outer frame; anything else is ignored.
    if (!msg || typeof msg !== 'object' || !MESSAGE_TYPES.has(msg.type as ToWebview['type'])) return;
    app.receive(msg as ToWebview);
  });
  performance.mark('corroborate:ready');
  host.post({ type: 'ready' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
