// Typed access to the webview API that VS Code injects, and a guard for messages from the host.

import type { FromWebview, PanelState, ToWebview } from '../protocol';

interface WebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): unknown;
}

declare function acquireVsCodeApi(): WebviewApi;

/** The host connection: typed postMessage and the state VS Code keeps while the panel is hidden. */
export interface HostConnection {
  post(message: FromWebview): void;
  restoreState(): PanelState | undefined;
  saveState(state: PanelState): void;
}

/** Acquires the VS Code API, which VS Code allows only once per page load. */
export function connectToHost(): HostConnection {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    restoreState: () => {
      const saved = api.getState();
      return isPanelState(saved) ? saved : undefined;
    },
    saveState: (state) => {
      api.setState(state);
    },
  };
}

/** Calls `handler` with every well-formed message from the host; anything else posted to the window is ignored. */
export function onHostMessage(handler: (message: ToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isToWebview(event.data)) {
      handler(event.data);
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPanelState(value: unknown): value is PanelState {
  if (!isRecord(value) || !isRecord(value.fn) || !isRecord(value.settings)) {
    return false;
  }
  return Array.isArray(value.fn.parameters) && Array.isArray(value.settings.x0);
}

// The host is trusted, so this only filters out stray window messages, such as those of browser tools.
function isToWebview(value: unknown): value is ToWebview {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'state':
      return isPanelState(value.state);
    case 'result':
      return typeof value.requestId === 'number' && isRecord(value.run) && isRecord(value.settings);
    case 'runError':
      return typeof value.requestId === 'number' && typeof value.message === 'string';
    default:
      return false;
  }
}
