// The command table: command id -> handler. package.json lists the same ids.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as cluster from './cluster-commands';
import { openLogs } from './logs/view/logs-commands';
import type { LogViews } from './logs/view/log-views';

export interface CommandContext {
  outputChannel: vscode.LogOutputChannel;
  client: LanguageClient;
  views: cluster.ClusterViews;
  logs: LogViews;
}

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { views, logs } = context;
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'mlinfra.showServerLog': () => context.outputChannel.show(true),
    'mlinfra.restartServer': () => context.client.restart(),
    'mlinfra.refreshClusters': () => cluster.refresh(views),
    'mlinfra.switchContext': (arg) => cluster.switchContext(views, arg),
    'mlinfra.switchNamespace': (arg) => cluster.switchNamespace(views, arg),
    'mlinfra.switchContextOrNamespace': () => cluster.switchContextOrNamespace(views),
    'mlinfra.showLiveObject': (arg) => cluster.showLiveObject(views, arg),
    'mlinfra.deleteJob': (arg) => cluster.deleteJob(views, arg),
    'mlinfra.retryCluster': (arg) => cluster.retry(views, arg),
    'mlinfra.showLogs': (arg) => openLogs(views, logs, false, arg),
    'mlinfra.followLogs': (arg) => openLogs(views, logs, true, arg),
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
