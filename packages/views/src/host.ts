// Where a view runs: in a VS Code webview, it talks to the extension with messages and keeps
// its state with VS Code; in the static report page there is nobody to talk to, so files
// are downloaded from the page and a click on a node has nothing to reveal.
import type { FromView, ToView, ViewState } from './messages.js';

export interface Host {
  /** True in VS Code: a click on a node can reveal its declaration. */
  readonly interactive: boolean;
  post(message: FromView): void;
  state(): ViewState | undefined;
  saveState(state: ViewState): void;
  /** A file the view made: the extension asks where to save it; a page downloads it. */
  save(fileName: string, text: string): void;
  onMessage(handler: (message: ToView) => void): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function webviewHost(): Host {
  const api = acquireVsCodeApi();
  return {
    interactive: true,
    post: (message) => api.postMessage(message),
    state: () => (api.getState() as ViewState | undefined) ?? undefined,
    saveState: (state) => api.setState(state),
    save: (fileName, text) => api.postMessage({ type: 'save', fileName, text } satisfies FromView),
    onMessage: (handler) => window.addEventListener('message', (event: MessageEvent<ToView>) => handler(event.data)),
  };
}

export function staticHost(): Host {
  return {
    interactive: false,
    post: () => undefined,
    state: () => undefined,
    saveState: () => undefined,
    save(fileName, text) {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: fileName.endsWith('.json') ? 'application/json' : 'text/csv' }));
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    },
    onMessage: () => undefined,
  };
}

export function isWebview(): boolean {
  return typeof (globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi === 'function';
}
