// The command table: command id -> handler. package.json lists the same ids.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface CommandContext {
  outputChannel: vscode.LogOutputChannel;
  client: LanguageClient;
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const table: Record<string, () => unknown> = {
    'mlinfra.showServerLog': () => context.outputChannel.show(true),
    'mlinfra.restartServer': () => context.client.restart(),
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
