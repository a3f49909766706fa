// The status bar item with the current Kubernetes context and namespace
// (`$(cloud) mlinfra-demo / ml-training`); clicking it offers to switch either.
import * as vscode from 'vscode';

export class ClusterStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlinfra.cluster', vscode.StatusBarAlignment.Left, 50);

  constructor(command: string) {
    this.item.name = 'mlinfra Kubernetes context';
    this.item.command = command;
  }

  get text(): string {
    return this.item.text;
  }

  set(context: string | undefined, namespace: string | undefined, files: readonly string[]): void {
    if (!context) {
      this.item.text = '$(cloud) no kubeconfig';
      this.item.tooltip = 'mlinfra found no kubeconfig context. Set mlinfra.kubeconfig or KUBECONFIG, or create ~/.kube/config.';
    } else {
      this.item.text = `$(cloud) ${context} / ${namespace ?? 'default'}`;
      this.item.tooltip =
        `Kubernetes context ${context}, namespace ${namespace ?? 'default'} (mlinfra's choice for this workspace; ` +
        `the kubeconfig is not changed).\nKubeconfig: ${files.join(', ') || 'none'}\nClick to switch the context ` +
        `or the namespace.`;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
