// Activation: builds the output channel, status item and language client, and registers the
// commands. Activation happens only in workspaces with YAML or Triton files (package.json).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createLanguageClient } from './language-client';
import { ServerStatus, type ServerState } from './server-status';

/** What the extension exports: enough for tests and other extensions to see its state. */
export interface MlinfraApi {
  serverState(): ServerState;
  /** Resolves once the language server has started. */
  ready: Promise<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): MlinfraApi {
  const outputChannel = vscode.window.createOutputChannel('mlinfra Language Server', { log: true });
  const status = new ServerStatus('mlinfra.showServerLog');
  client = createLanguageClient(context, outputChannel, status);
  const languageClient = client;
  context.subscriptions.push(outputChannel, status, ...registerCommands({ outputChannel, client: languageClient }));
  const ready = languageClient.start().catch((error: unknown) => {
    status.set('stopped');
    outputChannel.error(`The mlinfra language server failed to start: ${String(error)}`);
    void vscode.window.showErrorMessage('The mlinfra language server failed to start. See its log for details.', 'Show Log').then((choice) => {
      if (choice) outputChannel.show(true);
    });
    throw error;
  });
  return { serverState: () => status.state, ready };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
