// Show Logs (read what the containers kept, then end) and Follow Logs (keep reading): from a
// row of the Clusters view (a job, an inference service, a pod, a container), from the CodeLens
// above a manifest, or from the palette, which asks for the context, namespace and object. Both
// refuse in an untrusted workspace, before anything is read.
import * as vscode from 'vscode';
import type { ClusterViews } from '../../cluster-commands';
import { logTargetArgument } from '../../command-arguments';
import { pickLogTarget } from './log-target-picker';
import type { LogViews } from './log-views';

export async function openLogs(views: ClusterViews, logs: LogViews, follow: boolean, arg?: unknown): Promise<string | undefined> {
  if (!views.clusters.requireTrust()) return undefined;
  const given = arg === undefined ? undefined : logTargetArgument(arg);
  if (arg !== undefined && !given) {
    void vscode.window.showInformationMessage('mlinfra: pick a job, an inference service, a pod or a container to show its logs.');
    return undefined;
  }
  const target = given ?? (await pickLogTarget(views, follow ? 'Follow Logs' : 'Show Logs'));
  if (!target) return undefined;
  return logs.open(target, follow).controller.title;
}
