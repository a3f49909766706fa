// The cluster commands' handlers: refresh, switch the context or namespace, show a live object's
// YAML, delete a job, retry what failed. Each refuses in an untrusted workspace. A command run
// from a row gets the row's data; run from the palette, it asks.
import * as vscode from 'vscode';
import type { Clusters } from './clusters';
import { NAMESPACE_TYPE } from './cluster/resources';
import { contextArgument, namespaceArgument, objectArgument, retryArgument, trainingJobArgument } from './command-arguments';
import type { ClustersProvider } from './views/clusters-provider';
import type { GpuNodesProvider } from './views/gpu-nodes-provider';
import { objectUri } from './views/live-object-document';

export interface ClusterViews {
  clusters: Clusters;
  tree: ClustersProvider;
  gpuNodes: GpuNodesProvider;
}

/** Answers the delete confirmation; replaced by tests, which cannot click a modal dialog. */
export const prompts = {
  confirm: (message: string, detail: string, action: string): Thenable<string | undefined> =>
    vscode.window.showWarningMessage(message, { modal: true, detail }, action),
};

export async function refresh(views: ClusterViews): Promise<void> {
  if (!views.clusters.requireTrust()) return;
  await views.clusters.reload();
}

export async function switchContext(views: ClusterViews, arg?: unknown): Promise<string | undefined> {
  if (!views.clusters.requireTrust()) return undefined;
  const service = await views.clusters.load();
  const current = views.clusters.currentContext();
  let name = contextArgument(arg);
  if (!name) {
    const items = service.snapshot.contexts.map((c) => ({
      label: c.name,
      description: c.name === current ? 'current' : undefined,
      detail: [c.server, c.user && `user ${c.user}`, `namespace ${c.namespace ?? 'default'}`].filter(Boolean).join(' · '),
    }));
    name = (
      await vscode.window.showQuickPick(items, {
        title: 'Switch Kubernetes context (for mlinfra, in this workspace)',
        placeHolder: current,
      })
    )?.label;
  }
  if (!name) return undefined;
  if (!service.snapshot.contexts.some((c) => c.name === name)) {
    void vscode.window.showErrorMessage(`mlinfra: the kubeconfig has no context "${name}".`);
    return undefined;
  }
  await views.clusters.setContext(name);
  return name;
}

async function namespacesOf(views: ClusterViews, context: string): Promise<string[]> {
  const session = (await views.clusters.load()).session(context);
  if (!session) return [];
  const informer = session.informer(NAMESPACE_TYPE, 'v1');
  await informer.ready;
  return informer
    .items()
    .map((n) => n.metadata.name)
    .sort();
}

export async function switchNamespace(views: ClusterViews, arg?: unknown): Promise<string | undefined> {
  if (!views.clusters.requireTrust()) return undefined;
  await views.clusters.load();
  const given = namespaceArgument(arg);
  // A namespace row of another context switches to that context too.
  const context = given?.context ?? views.clusters.currentContext();
  if (!context) return undefined;
  let namespace = given?.namespace;
  if (!namespace) {
    const current = views.clusters.namespaceOf(context);
    const names = await namespacesOf(views, context);
    namespace = names.length
      ? (
          await vscode.window.showQuickPick(
            names.map((n) => ({ label: n, description: n === current ? 'current' : undefined })),
            { title: `Switch namespace of ${context}`, placeHolder: current },
          )
        )?.label
      : await vscode.window.showInputBox({
          title: `Namespace of ${context}`,
          prompt: 'The namespaces could not be listed; type one.',
          value: current,
        });
  }
  if (!namespace) return undefined;
  if (context !== views.clusters.currentContext()) await views.clusters.setContext(context);
  await views.clusters.setNamespace(context, namespace);
  return namespace;
}

export async function switchContextOrNamespace(views: ClusterViews): Promise<void> {
  if (!views.clusters.requireTrust()) return;
  await views.clusters.load();
  const context = views.clusters.currentContext();
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(vm) Switch context…', description: context, id: 'context' },
      { label: '$(folder) Switch namespace…', description: context ? views.clusters.namespaceOf(context) : undefined, id: 'namespace' },
    ],
    { title: 'mlinfra: Kubernetes context and namespace' },
  );
  if (choice?.id === 'context') await switchContext(views);
  if (choice?.id === 'namespace') await switchNamespace(views);
}

export async function showLiveObject(views: ClusterViews, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  if (!views.clusters.requireTrust()) return undefined;
  const ref = objectArgument(arg);
  if (!ref) {
    void vscode.window.showInformationMessage(
      'mlinfra: pick a job, service, pod or node in the Clusters or GPU nodes view to show its YAML.',
    );
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(objectUri(ref));
  return vscode.window.showTextDocument(document, { preview: true });
}

export async function deleteJob(views: ClusterViews, arg?: unknown): Promise<boolean> {
  if (!views.clusters.requireTrust()) return false;
  const job = trainingJobArgument(arg);
  if (!job) {
    void vscode.window.showInformationMessage('mlinfra: pick a training job in the Clusters view to delete it.');
    return false;
  }
  const { ref, label } = job;
  const dependents = await views.tree.dependents(ref);
  const pods = dependents?.pods ?? [];
  const goes = [
    pods.length
      ? `its ${pods.length === 1 ? 'pod' : `${pods.length} pods`} (${pods.slice(0, 5).join(', ')}${pods.length > 5 ? ', …' : ''})`
      : 'its pods, if any',
    ...(dependents?.owned ?? []),
  ];
  const message = `Delete ${label} "${ref.name}" in namespace "${ref.namespace}" of context "${ref.context}"?`;
  const detail =
    `This also deletes what belongs to it: ${goes.join(', ')}. Running training stops and its GPUs are ` +
    `released. The deletion cannot be undone.`;
  if ((await prompts.confirm(message, detail, 'Delete')) !== 'Delete') return false;
  const session = (await views.clusters.load()).session(ref.context);
  try {
    await session!.deleteObject(ref.typeKey, ref.namespace, ref.name);
  } catch (error) {
    void vscode.window.showErrorMessage(`mlinfra: could not delete ${label} ${ref.namespace}/${ref.name}: ${(error as Error).message}`);
    return false;
  }
  return true;
}

export async function retry(views: ClusterViews, arg?: unknown): Promise<void> {
  if (!views.clusters.requireTrust()) return;
  const target = retryArgument(arg);
  const service = await views.clusters.load();
  const contexts = target ? [target.context] : service.snapshot.contexts.map((c) => c.name);
  for (const context of contexts) {
    service
      .session(context)
      ?.retry(
        (typeKey, namespace) =>
          (!target?.namespace || target.namespace === namespace) && (!target?.typeKeys || target.typeKeys.includes(typeKey)),
      );
  }
  // Discovery that failed runs again when the rows ask for their children.
  views.tree.refresh();
  views.gpuNodes.refresh();
}
