// Cluster access as the extension holds it: workspace trust, the cluster bundle loaded on first
// use, the chosen context and namespace (the extension's own state in workspaceState; the user's
// kubeconfig is never written), the status bar item and the log. Untrusted workspaces get none
// of it: kubeconfig files can name exec plugins, which run programs.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type * as ClusterModule from './cluster/index';
import type { ClusterService, ContextSession, Lookup } from './cluster/index';
import { ClusterStatus } from './views/cluster-status';

const CONTEXT_KEY = 'mlinfra.clusters.context';
const NAMESPACES_KEY = 'mlinfra.clusters.namespaces';
export const TRUST_MESSAGE =
  'mlinfra: cluster access needs a trusted workspace (kubeconfig files can run programs through exec ' +
  'plugins). Trust this workspace to use the Clusters and GPU nodes views.';

/** Loads dist/cluster-client.js (bundled apart, so activation does not parse @kubernetes/client-node). */
function loadModule(): Promise<typeof ClusterModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS require, kept as one by the bundler
  return Promise.resolve().then(() => require('./cluster/index.js') as typeof ClusterModule);
}

export class Clusters implements vscode.Disposable {
  private service: ClusterService | undefined;
  private loading: Promise<ClusterService> | undefined;
  module: typeof ClusterModule | undefined;
  private logChannel: vscode.LogOutputChannel | undefined;
  private statusItem: ClusterStatus | undefined;
  private readonly selectionEmitter = new vscode.EventEmitter<void>();
  private readonly reloadEmitter = new vscode.EventEmitter<void>();
  /** The context or namespace was switched. */
  readonly onDidChangeSelection = this.selectionEmitter.event;
  /** The kubeconfig was read again or trust was granted: every view starts over. */
  readonly onDidReload = this.reloadEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.selectionEmitter, this.reloadEmitter];

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reloadEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('mlinfra.kubeconfig') && this.service) void this.reload();
      }),
    );
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  get loaded(): boolean {
    return this.service !== undefined;
  }

  /** Refuses (with a message) in an untrusted workspace. */
  requireTrust(): boolean {
    if (this.trusted) return true;
    void vscode.window.showWarningMessage(TRUST_MESSAGE, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return false;
  }

  private lookup(): Lookup {
    return {
      setting: vscode.workspace.getConfiguration('mlinfra').get<string>('kubeconfig') || undefined,
      env: process.env.KUBECONFIG,
      home: homedir(),
      workspaceFolder:
        vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined,
    };
  }

  get log(): vscode.LogOutputChannel {
    this.logChannel ??= vscode.window.createOutputChannel('mlinfra Clusters', { log: true });
    return this.logChannel;
  }

  /** The cluster service, loading it on first use; throws in an untrusted workspace. */
  load(): Promise<ClusterService> {
    if (!this.trusted) return Promise.reject(new Error(TRUST_MESSAGE));
    this.loading ??= (async () => {
      this.module = await loadModule();
      const service = await this.module.createClusterService(this.lookup(), (level, message) => this.log[level](message));
      this.service = service;
      this.statusItem = new ClusterStatus('mlinfra.switchContextOrNamespace');
      this.updateStatus();
      return service;
    })();
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  /** Reads the kubeconfig again; the views list everything afresh. */
  async reload(): Promise<void> {
    const service = await this.load();
    service.reload(this.lookup());
    this.updateStatus();
    this.reloadEmitter.fire();
  }

  /** The session of a context that a view or command already started; undefined otherwise (nothing is loaded or asked). */
  existingSession(context: string): ContextSession | undefined {
    return this.service?.existing(context);
  }

  currentContext(): string | undefined {
    const snapshot = this.service?.snapshot;
    if (!snapshot) return undefined;
    const chosen = this.extension.workspaceState.get<string>(CONTEXT_KEY);
    if (chosen && snapshot.contexts.some((c) => c.name === chosen)) return chosen;
    return snapshot.currentContext && snapshot.contexts.some((c) => c.name === snapshot.currentContext)
      ? snapshot.currentContext
      : snapshot.contexts[0]?.name;
  }

  namespaceOf(context: string): string {
    const chosen = this.extension.workspaceState.get<Record<string, string>>(NAMESPACES_KEY, {})[context];
    return chosen ?? this.service?.snapshot.contexts.find((c) => c.name === context)?.namespace ?? 'default';
  }

  async setContext(context: string): Promise<void> {
    await this.extension.workspaceState.update(CONTEXT_KEY, context);
    this.log.info(`current context: ${context} (kept by mlinfra for this workspace; the kubeconfig is unchanged)`);
    this.updateStatus();
    this.selectionEmitter.fire();
  }

  async setNamespace(context: string, namespace: string): Promise<void> {
    const all = { ...this.extension.workspaceState.get<Record<string, string>>(NAMESPACES_KEY, {}), [context]: namespace };
    await this.extension.workspaceState.update(NAMESPACES_KEY, all);
    this.log.info(`namespace of ${context}: ${namespace}`);
    this.updateStatus();
    this.selectionEmitter.fire();
  }

  private updateStatus(): void {
    const context = this.currentContext();
    this.statusItem?.set(context, context ? this.namespaceOf(context) : undefined, this.service?.snapshot.files ?? []);
  }

  statusText(): string | undefined {
    return this.statusItem?.text;
  }

  requests(): { requests: number; lists: number; watches: number } {
    return { ...(this.service?.counters ?? { requests: 0, lists: 0, watches: 0 }) };
  }

  dispose(): void {
    this.service?.dispose();
    this.statusItem?.dispose();
    this.logChannel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
