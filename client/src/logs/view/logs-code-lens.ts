// "Follow logs" above a manifest's workload (a training job, an inference service, a pod) when
// the object exists in the current context. The lens never asks a cluster anything: it reads the
// caches that the Clusters view (or a command) already keeps for that namespace, so it appears once
// the namespace was opened there and follows its watches. `mlinfra.logs.codeLens` turns it off.
import * as vscode from 'vscode';
import type { Clusters } from '../../clusters';
import { POD_TYPE, typeOf } from '../../cluster/resources';
import type { ClustersProvider } from '../../views/clusters-provider';
import { targetDescription, type LogTarget } from './log-target';
import { manifestObjects } from './manifest-objects';

export class LogsCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clusters: Clusters,
    tree: ClustersProvider,
  ) {
    // The caches changed (the tree refreshes), or the context, namespace or kubeconfig did.
    this.disposables.push(
      tree.onDidChangeTreeData(() => this.refresh()),
      clusters.onDidChangeSelection(() => this.refresh()),
      clusters.onDidReload(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('mlinfra.logs.codeLens') && this.refresh()),
    );
  }

  /** Asks VS Code for the lenses again, at most twice a second. */
  private refresh(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, 500);
  }

  /** The manifest's objects that exist in the current context, as log targets with their lines. */
  targets(text: string): Array<{ line: number; target: LogTarget }> {
    if (!this.clusters.trusted || !vscode.workspace.getConfiguration('mlinfra.logs').get<boolean>('codeLens', true)) return [];
    const context = this.clusters.currentContext();
    const session = context ? this.clusters.existingSession(context) : undefined;
    if (!context || !session) return [];
    const found: Array<{ line: number; target: LogTarget }> = [];
    for (const object of manifestObjects(text)) {
      const type = typeOf(object.apiVersion, object.kind);
      if (!type || (type.category !== 'training' && type.category !== 'inference' && type !== POD_TYPE)) continue;
      const namespace = object.namespace ?? this.clusters.namespaceOf(context);
      const informer = session.existing(type.key, namespace);
      if (!informer?.items().some((o) => o.metadata.name === object.name)) continue;
      found.push({ line: object.line, target: { context, namespace, typeKey: type.key, name: object.name } });
    }
    return found;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return this.targets(document.getText()).map(({ line, target }) => {
      const range = new vscode.Range(line, 0, line, 0);
      return new vscode.CodeLens(range, {
        title: '$(output) Follow logs',
        tooltip: `Follow the logs of ${targetDescription(target)}`,
        command: 'mlinfra.followLogs',
        arguments: [target],
      });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
