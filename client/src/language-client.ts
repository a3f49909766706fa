// Starts the bundled language server as a child process and keeps the status item in step
// with it. The server lives in dist/server.js; the client only talks LSP to it.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, ServerReadyNotification, TrustChangedNotification, type InitializationOptions } from '../../common/protocol';
import { SERVER_EXEC_ARGV } from '../../common/server-runtime';
import type { ServerStatus } from './server-status';
import { serveWorkspaceFiles } from './workspace-files';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  status: ServerStatus,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR.map((filter) => ({ ...filter })),
    outputChannel,
    // Read at every start: a server restarted after trust was granted is told so. Untrusted, it runs no program.
    initializationOptions: (): InitializationOptions => ({ mlinfra: { trusted: vscode.workspace.isTrusted } }),
    // Chart.yaml appearing or disappearing changes how a chart's templates are classified;
    // CRD and schema files named by the settings change what documents are checked against;
    // in a Triton model repository, configs, version folders and model files change what an
    // open config's cross-file checks find. A folder deleted with its contents is reported as the
    // folder alone, whatever its name (a model of a repository): deletions of anything are
    // watched, so that the server forgets what it read there.
    synchronize: {
      fileEvents: [
        ...['**/*.{yaml,yml,json}', '**/*.pbtxt', '**/[0-9]*', '**/[0-9]*/*'].map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
        vscode.workspace.createFileSystemWatcher('**/*', true, true, false),
      ],
    },
  };
  const client = new LanguageClient('mlinfra', 'mlinfra Language Server', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Starting) status.set('starting');
    else if (event.newState === State.Stopped) status.set('stopped');
  });
  client.onNotification(ServerReadyNotification.method, (params: ServerReadyNotification.Params) => {
    status.set('running', params.version);
  });
  context.subscriptions.push(
    serveWorkspaceFiles(client),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: TrustChangedNotification.Params = { trusted: true };
      if (client.isRunning()) client.sendNotification(TrustChangedNotification.method, params).catch(() => undefined);
    }),
  );
  return client;
}
