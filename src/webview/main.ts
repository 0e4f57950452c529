/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ToWebview } from '../shared/protocol';
import { App } from './app';
import { readState } from './state';
import { connectHost } from './vscodeApi';
import { decodeModelWire } from '../shared/modelWire';
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
  window.addEventListener('message', (event: MessageEvent) => {
    const msg = event.data as { type?: unknown } | null;
    const model = decodeModelWire(msg);
    if (model) return app.receive(model);
    // Messages from the host arrive through VS Code's outer frame; anything else is ignored.
    if (!msg || typeof msg !== 'object' || !MESSAGE_TYPES.has(msg.type as ToWebview['type'])) return;
    app.receive(msg as ToWebview);
  });
  host.post({ type: 'ready' });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
