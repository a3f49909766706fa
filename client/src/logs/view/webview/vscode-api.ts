// What a webview page gets from VS Code: one function, callable once, for messages to the
// extension and a state kept while the panel is hidden.
import type { ViewMessage } from '../view-protocol';

export interface WebviewApi<State> {
  postMessage(message: ViewMessage): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): WebviewApi<State>;

export function vscodeApi<State>(): WebviewApi<State> {
  return acquireVsCodeApi<State>();
}
