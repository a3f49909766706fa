// The open logs views, one per target: a second Show or Follow Logs on the same object brings its
// view forward (starting it again if asked to follow or not, as the command said). Settings are
// read when a view opens. What tests and other extensions may read of the views is LogViewsApi.
import * as vscode from 'vscode';
import { defaultOptions } from './log-options';
import { entriesText } from './log-text';
import { targetKey, type LogTarget } from './log-target';
import type { StartSession } from './logs-controller';
import { LogsPanel } from './logs-panel';
import type { HostMessage, ViewSnapshot } from './view-protocol';

/** What tests and other extensions can read of the logs views. */
export interface LogViewsApi {
  /** The open views: title, session state, entries held and messages of entries sent to the webview. */
  views(): Array<{ title: string; state: string; held: number; batches: number }>;
  /** What a view shows, read from its webview's DOM (it must be visible within `timeoutMs`). */
  snapshot(title: string, timeoutMs?: number): Promise<ViewSnapshot>;
  /** Does in a view's DOM what a user does: press a button, toggle, chip or link, choose where to start, type a filter. */
  act(title: string, message: Extract<HostMessage, { type: 'press' | 'choose' | 'type' }>): void;
  /** The entries a view holds as Save writes them. */
  entries(title: string): string[];
}

export function logSettings(): { tailLines: number; bufferLines: number; timestamps: boolean; events: boolean } {
  const config = vscode.workspace.getConfiguration('mlinfra.logs');
  return {
    tailLines: config.get<number>('tailLines', 300),
    bufferLines: Math.max(1000, config.get<number>('bufferLines', 100000)),
    timestamps: config.get<boolean>('timestamps', false),
    events: config.get<boolean>('events', true),
  };
}

export class LogViews implements vscode.Disposable {
  private readonly panels = new Map<string, LogsPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly start: StartSession,
  ) {}

  open(target: LogTarget, follow: boolean): LogsPanel {
    const key = targetKey(target);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      if (existing.controller.options.follow !== follow) void existing.controller.run({ ...existing.controller.options, follow });
      return existing;
    }
    const settings = logSettings();
    const panel = new LogsPanel(this.extensionUri, target, defaultOptions(follow, settings.tailLines), this.start, settings);
    this.panels.set(key, panel);
    panel.onDidClose(() => this.panels.delete(key));
    return panel;
  }

  private byTitle(title: string): LogsPanel {
    const panel = [...this.panels.values()].find((p) => p.controller.title === title);
    if (!panel) throw new Error(`no logs view "${title}"; open: ${[...this.panels.values()].map((p) => p.controller.title).join(', ')}`);
    return panel;
  }

  readonly api: LogViewsApi = {
    views: () =>
      [...this.panels.values()].map(({ controller }) => ({
        title: controller.title,
        state: controller.state,
        held: controller.entries().length,
        batches: controller.batchesSent,
      })),
    snapshot: (title, timeoutMs) => this.byTitle(title).controller.snapshot(timeoutMs),
    act: (title, message) => this.byTitle(title).controller.act(message),
    entries: (title) => {
      const text = entriesText(this.byTitle(title).controller.entries(), false);
      return text ? text.replace(/\n$/, '').split('\n') : [];
    },
  };

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
