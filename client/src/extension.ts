// Activation: builds the output channel, status item and language client, registers the cluster
// views and the commands. Activation happens in workspaces with YAML or Triton files, or when a
// cluster view opens (package.json); it reads no kubeconfig and touches no cluster.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceTrustRequest } from '../../common/protocol';
import { registerCommands } from './commands';
import { createLanguageClient } from './language-client';
import { LogsCodeLens } from './logs/view/logs-code-lens';
import { logSettings, LogViews, type LogViewsApi } from './logs/view/log-views';
import { sessionStarter } from './logs/view/start-session';
import { ServerStatus, type ServerState } from './server-status';
import { registerClusterViews, type ClusterViewsApi } from './views/index';

/** What the extension exports: enough for tests and other extensions to see its state. */
export interface MlinfraApi {
  serverState(): ServerState;
  /** Resolves once the language server has started. */
  ready: Promise<void>;
  /** The Clusters and GPU nodes views, read as plain data. */
  clusters: ClusterViewsApi;
  /** The logs views: what each shows. */
  logs: LogViewsApi;
  /** Whether the language server holds the workspace trusted (it runs a program only then). */
  serverTrustsWorkspace(): Promise<boolean>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): MlinfraApi {
  const outputChannel = vscode.window.createOutputChannel('mlinfra Language Server', { log: true });
  const status = new ServerStatus('mlinfra.showServerLog');
  client = createLanguageClient(context, outputChannel, status);
  const languageClient = client;
  const clusterViews = registerClusterViews(context);
  const { clusters, tree } = clusterViews.views;
  const logs = new LogViews(
    context.extensionUri,
    sessionStarter(clusters, () => logSettings().bufferLines),
  );
  const lens = new LogsCodeLens(clusters, tree);
  context.subscriptions.push(
    outputChannel,
    status,
    ...clusterViews.disposables,
    logs,
    lens,
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, lens),
    ...registerCommands({ outputChannel, client: languageClient, views: clusterViews.views, logs }),
  );
  const ready = languageClient.start().catch((error: unknown) => {
    status.set('stopped');
    outputChannel.error(`The mlinfra language server failed to start: ${String(error)}`);
    void vscode.window
      .showErrorMessage('The mlinfra language server failed to start. See its log for details.', 'Show Log')
      .then((choice) => {
        if (choice) outputChannel.show(true);
      });
    throw error;
  });
  const serverTrustsWorkspace = async () =>
    (await languageClient.sendRequest<WorkspaceTrustRequest.Result>(WorkspaceTrustRequest.method)).trusted;
  return { serverState: () => status.state, ready, clusters: clusterViews.api, logs: logs.api, serverTrustsWorkspace };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
