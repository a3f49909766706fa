// Helpers for the extension-host suite: workspace files and waiting for diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlinfraApi } from '../../client/src/extension';

export const EXTENSION_ID = 'mlinfra.mlinfra';

export function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, path);
}

export async function activateExtension(): Promise<MlinfraApi> {
  const extension = vscode.extensions.getExtension<MlinfraApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    if (accept(diagnostics)) return diagnostics;
    if (Date.now() > deadline) {
      throw new Error(
        `diagnostics of ${uri.path} did not settle within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.map(summary))}`,
      );
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 200);
      const listener = vscode.languages.onDidChangeDiagnostics(done);
      function done() {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
}

/** A diagnostic as a person reads it in the Problems panel: position (1-based), source, code, message. */
export function summary(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${vscode.DiagnosticSeverity[diagnostic.severity]} ${diagnostic.source}(${code}) ${diagnostic.message}`;
}

export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the async `probe` gives a value (errors count as not yet), and returns it. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
