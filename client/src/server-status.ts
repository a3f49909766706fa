// The status bar item that shows whether the language server runs; clicking it opens the log.
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped';

export class ServerStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlinfra.server', vscode.StatusBarAlignment.Right, 100);
  private current: ServerState = 'starting';
  private version = '';

  constructor(showLogCommand: string) {
    this.item.name = 'mlinfra language server';
    this.item.command = showLogCommand;
    this.render();
    this.item.show();
  }

  get state(): ServerState {
    return this.current;
  }

  set(state: ServerState, version?: string): void {
    this.current = state;
    if (version) this.version = version;
    this.render();
  }

  private render(): void {
    const name = `mlinfra language server${this.version ? ` ${this.version}` : ''}`;
    switch (this.current) {
      case 'starting':
        this.item.text = '$(loading~spin) mlinfra';
        this.item.tooltip = `${name} is starting. Click to show its log.`;
        this.item.backgroundColor = undefined;
        break;
      case 'running':
        this.item.text = '$(check) mlinfra';
        this.item.tooltip = `${name} is running. Click to show its log.`;
        this.item.backgroundColor = undefined;
        break;
      case 'stopped':
        this.item.text = '$(error) mlinfra';
        this.item.tooltip = `${name} has stopped. Click to show its log; run "mlinfra: Restart Language Server" to start it again.`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
