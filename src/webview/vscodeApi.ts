/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { FromWebview } from '../shared/protocol';
import type { PanelState } from './state';

/**
 * `acquireVsCodeApi` is injected by VS Code into every webview and may be called only once,
 * so it is wrapped here and the wrapper passed around. Messages go out typed.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: FromWebview): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

export function connectHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (m) => api.postMessage(m),
    getState: () => api.getState(),
    setState: (s) => api.setState(s),
  };
}
