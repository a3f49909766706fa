// Helpers for the logs views' tests in the extension host: wait for a view to show what a test
// expects (read from the webview's DOM), answer the palette's quick picks, close every view.
import * as vscode from 'vscode';
import type { LogViewsApi } from '../../client/src/logs/view/log-views';
import type { ViewSnapshot } from '../../client/src/logs/view/view-protocol';

/** Waits until the view titled `title` shows what `accept` wants, and returns what it shows. */
export async function waitForView(
  logs: LogViewsApi,
  title: string,
  accept: (view: ViewSnapshot) => boolean,
  what: string,
  timeoutMs = 30000,
): Promise<ViewSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: ViewSnapshot | string;
  for (;;) {
    try {
      const view = await logs.snapshot(title);
      if (accept(view)) return view;
      last = view;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`the logs view "${title}" did not show ${what}; it shows:\n${JSON.stringify(last, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Answers each quick pick with the item whose label is the next of `labels`, and records the titles asked. */
export function answerQuickPicks(labels: string[]): { asked: string[]; offered: string[][]; restore(): void } {
  const window = vscode.window as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
  const original = window.showQuickPick;
  const asked: string[] = [];
  const offered: string[][] = [];
  const queue = [...labels];
  window.showQuickPick = async (items: unknown, options: unknown) => {
    asked.push(String((options as { title?: string })?.title));
    const list = (await items) as vscode.QuickPickItem[];
    offered.push(list.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).map((i) => i.label));
    const label = queue.shift();
    return list.find((i) => i.label === label && i.kind !== vscode.QuickPickItemKind.Separator);
  };
  return { asked, offered, restore: () => (window.showQuickPick = original) };
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
