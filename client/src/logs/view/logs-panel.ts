// One logs view as a webview panel in the editor area: its page (logs-html.ts, the bundled
// dist/logs-view.js and .css only), its controller, and what the controller asks of the editor
// (save to a file, open in an editor, the rule's page, a traceback's file, a "since" time).
// Closing the panel disposes the controller, which stops the session and every stream it opened.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LogEntry } from '../log-entry';
import { parseSince, type LogOptions } from './log-options';
import { entriesText } from './log-text';
import { LogsController, type StartSession } from './logs-controller';
import { logsPage } from './logs-html';
import { targetTitle, type LogTarget } from './log-target';
import type { ViewMessage } from './view-protocol';
import { openRulePage, WorkspaceSources } from './workspace-sources';

export const LOGS_VIEW_TYPE = 'mlinfra.logs';

export interface PanelSettings {
  bufferLines: number;
  timestamps: boolean;
  events: boolean;
}

async function saveEntries(target: LogTarget, entries: LogEntry[]): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${target.name}${target.container ? `-${target.container}` : ''}.log`;
  const uri = await vscode.window.showSaveDialog({
    title: `Save ${targetTitle(target)}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { Logs: ['log', 'txt'] },
  });
  if (!uri) return;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(entriesText(entries, true)));
  void vscode.window.showInformationMessage(`mlinfra: saved ${entries.length} lines to ${vscode.workspace.asRelativePath(uri)}.`);
}

async function openEntries(entries: LogEntry[], timestamps: boolean): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'log', content: entriesText(entries, timestamps) });
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

async function askSince(): Promise<Pick<LogOptions, 'sinceSeconds' | 'sinceTime'> | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Logs since',
    prompt: 'A duration back from now (90s, 10m, 2h, 1d) or a time (2025-01-06T10:00:00Z)',
    validateInput: (value) => {
      const since = parseSince(value);
      return 'error' in since ? since.error : undefined;
    },
  });
  if (text === undefined) return undefined;
  const since = parseSince(text);
  return 'error' in since ? undefined : since;
}

export class LogsPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly controller: LogsController;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly closedEmitter = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closedEmitter.event;

  constructor(extensionUri: vscode.Uri, target: LogTarget, options: LogOptions, start: StartSession, settings: PanelSettings) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel(LOGS_VIEW_TYPE, targetTitle(target), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    const webview = this.panel.webview;
    const sources = new WorkspaceSources();
    this.controller = new LogsController(
      target,
      options,
      start,
      {
        post: (message) => void webview.postMessage(message),
        save: (entries) => saveEntries(target, entries),
        openInEditor: openEntries,
        openRule: (id, page) => openRulePage(extensionUri, id, page),
        openSource: async (path, line) => void (await sources.open(path, line)),
        resolveLinks: (paths) => sources.resolveAll(paths),
        askSince,
      },
      settings,
    );
    webview.html = logsPage({
      cspSource: webview.cspSource,
      script: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'logs-view.js')).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'logs-view.css')).toString(),
      nonce: randomBytes(18).toString('base64'),
      title: targetTitle(target),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: ViewMessage) => void this.controller.receive(message)),
      // A hidden webview is gone (no retained context): it asks for everything again when shown.
      this.panel.onDidChangeViewState(() => {
        if (!this.panel.visible) this.controller.hidden();
      }),
      this.panel.onDidDispose(() => this.closed()),
    );
    void this.controller.run();
  }

  reveal(): void {
    this.panel.reveal();
  }

  private closed(): void {
    this.controller.dispose();
    for (const d of this.disposables) d.dispose();
    this.closedEmitter.fire();
    this.closedEmitter.dispose();
  }

  dispose(): void {
    this.panel.dispose();
  }
}
