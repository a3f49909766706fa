// Show and Follow Logs from the command palette: pick the context (the current one first), the
// namespace (the current one first) and then a training job, an inference service or a pod of it,
// each with its state. Listing the namespace is the answer to the command, as expanding it in the
// Clusters view would be.
import * as vscode from 'vscode';
import type { ClusterViews } from '../../cluster-commands';
import { NAMESPACE_TYPE } from '../../cluster/resources';
import { workloadDescription } from '../../views/clusters-model';
import type { LogTarget } from './log-target';

type Pick<T> = vscode.QuickPickItem & { value?: T };

async function pick<T>(items: Array<Pick<T>>, title: string, placeHolder?: string): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true });
  return chosen?.value;
}

async function pickContext(views: ClusterViews, verb: string): Promise<string | undefined> {
  const service = await views.clusters.load();
  const current = views.clusters.currentContext();
  const contexts = service.snapshot.contexts.map((c) => c.name);
  if (contexts.length <= 1) return contexts[0];
  const ordered = [...contexts].sort((a, b) => Number(b === current) - Number(a === current));
  return pick(
    ordered.map((name) => ({ label: name, description: name === current ? 'current' : undefined, value: name })),
    `${verb}: context`,
    current,
  );
}

async function pickNamespace(views: ClusterViews, context: string, verb: string): Promise<string | undefined> {
  const current = views.clusters.namespaceOf(context);
  const informer = (await views.clusters.load()).session(context)?.informer(NAMESPACE_TYPE, 'v1');
  await informer?.ready;
  const names = (informer?.items() ?? []).map((n) => n.metadata.name).sort();
  if (!names.length) {
    // Without the right to list namespaces the user can still name one.
    return vscode.window.showInputBox({
      title: `${verb}: namespace of ${context}`,
      prompt: 'The namespaces could not be listed; type one.',
      value: current,
    });
  }
  const ordered = [current, ...names.filter((n) => n !== current)];
  return pick(
    ordered.map((name) => ({ label: name, description: name === current ? 'current' : undefined, value: name })),
    `${verb}: namespace of ${context}`,
    current,
  );
}

async function pickObject(views: ClusterViews, context: string, namespace: string, verb: string): Promise<LogTarget | undefined> {
  const model = await views.tree.namespaceModel(context, namespace);
  if (!model) return undefined;
  const now = Date.now();
  const items: Array<Pick<LogTarget>> = [];
  const section = (label: string) => items.push({ label, kind: vscode.QuickPickItemKind.Separator });
  const jobs = model.training().flatMap((g) => g.jobs);
  if (jobs.length) section('Training jobs');
  for (const job of jobs) {
    const value = { context, namespace, typeKey: job.typeKey, name: job.name };
    items.push({ label: job.name, description: workloadDescription(job, now, true), value });
  }
  const services = model.inference();
  if (services.length) section('Inference services');
  for (const service of services) {
    const value = { context, namespace, typeKey: service.typeKey, name: service.name };
    items.push({ label: service.name, description: workloadDescription(service, now, true), value });
  }
  if (model.pods.length) section('Pods');
  for (const pod of model.pods as Array<{ metadata: { name: string }; status?: { phase?: string } }>) {
    const value = { context, namespace, typeKey: '/pods', name: pod.metadata.name };
    items.push({ label: pod.metadata.name, description: `Pod · ${pod.status?.phase ?? 'Pending'}`, value });
  }
  if (!items.length) {
    void vscode.window.showInformationMessage(`mlinfra: ${namespace} of ${context} has no training job, inference service or pod.`);
    return undefined;
  }
  return pick(items, `${verb}: a training job, inference service or pod in ${namespace}`);
}

/** Asks for the context, namespace and object; undefined when the user cancels. */
export async function pickLogTarget(views: ClusterViews, verb: string): Promise<LogTarget | undefined> {
  const context = await pickContext(views, verb);
  if (!context) return undefined;
  const namespace = await pickNamespace(views, context, verb);
  if (!namespace) return undefined;
  return pickObject(views, context, namespace, verb);
}
