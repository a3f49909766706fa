// The Clusters view: contexts → namespaces → Training jobs (by kind) / Inference services / Pods →
// pods → containers. Children come from the live caches; a namespace's caches start when it is
// expanded. Watch events refresh only the rows they affect (its folders), batched.
import * as vscode from 'vscode';
import type { Clusters } from '../clusters';
import type { CacheChange, ContextSession, Informer } from '../cluster/index';
import { INFERENCE_TYPES, NAMESPACE_TYPE, POD_TYPE, TRAINING_TYPES, type ResourceType } from '../cluster/resources';
import { containerNodes, folderId, folderNode, kindGroupNode, NamespaceModel, podNode, workloadNode } from './clusters-model';
import { contextId, contextNode, namespaceId, namespaceNode } from './context-rows';
import { ElementRegistry } from './element-registry';
import {
  contextOf,
  distinctErrors,
  errorNode,
  messageNode,
  untrustedNode,
  type FolderName,
  type FolderRow,
  type KindRow,
  type NodeData,
  type ObjectRef,
  type ObjectRow,
} from './node';
import { TreeChanges } from './tree-changes';
import { toTreeItem } from './tree-item';

interface Collection {
  type: ResourceType;
  informer: Informer;
}

const WORKLOAD_TYPES = [...TRAINING_TYPES, ...INFERENCE_TYPES];

export class ClustersProvider implements vscode.TreeDataProvider<NodeData>, vscode.Disposable {
  private readonly registry = new ElementRegistry<NodeData>();
  private readonly changes = new TreeChanges();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly models = new Map<string, NamespaceModel>();
  private readonly subscribed = new Map<ContextSession, () => void>();

  constructor(private readonly clusters: Clusters) {}

  /** How many refreshes the view has fired. */
  get refreshes(): number {
    return this.changes.fired;
  }

  getTreeItem(node: NodeData): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** Everything again (kubeconfig reloaded, context switched, retry). */
  refresh(): void {
    this.models.clear();
    this.changes.request(undefined);
  }

  /** Forgets all rows and sessions' subscriptions: the kubeconfig was read again. */
  reset(): void {
    for (const unsubscribe of this.subscribed.values()) unsubscribe();
    this.subscribed.clear();
    this.registry.clear();
    this.refresh();
  }

  getChildren(node?: NodeData): Promise<NodeData[]> {
    return this.changes.fetch(async () => {
      let children: NodeData[];
      try {
        children = await this.children(node);
      } catch (error) {
        // Never an empty view for a failure: the failure, with the retry action.
        const context = (node && contextOf(node)) ?? '';
        children = [
          errorNode(
            node?.id ?? 'clusters',
            { message: error instanceof Error ? error.message : String(error), kind: 'other' },
            { context },
          ),
        ];
      }
      return this.registry.update(node?.id ?? '', children);
    });
  }

  private async children(node?: NodeData): Promise<NodeData[]> {
    if (!this.clusters.trusted) return [untrustedNode('clusters')];
    if (!node) return this.contexts();
    const context = contextOf(node);
    // Errors, messages and containers have no children.
    if (context === undefined || node.type === 'error' || node.type === 'container') return [];
    const session = (await this.clusters.load()).session(context);
    if (!session) return [messageNode(node.id, `The context ${context} is no longer in the kubeconfig`, undefined, 'warning')];
    this.subscribe(session);
    switch (node.type) {
      case 'context':
        return this.namespaces(node.id, session);
      case 'namespace':
        return this.namespaceChildren(node.id, session, node.namespace);
      case 'folder':
        return this.folderChildren(node, session);
      case 'kind':
        return this.kindChildren(node, session);
      case 'job':
      case 'inference':
      case 'pod':
        return this.objectChildren(node, session);
      default:
        return [];
    }
  }

  private async contexts(): Promise<NodeData[]> {
    const { snapshot } = await this.clusters.load();
    const problems = snapshot.problems.map((p, i) => messageNode('clusters', p, p, 'warning', i));
    if (snapshot.contexts.length === 0) {
      const tooltip = 'Set the mlinfra.kubeconfig setting or KUBECONFIG, or create ~/.kube/config.';
      return [...problems, messageNode('clusters', 'No kubeconfig found', tooltip, 'info', problems.length)];
    }
    const current = this.clusters.currentContext();
    return [...problems, ...snapshot.contexts.map((c) => contextNode(c, c.name === current))];
  }

  private async namespaces(parentId: string, session: ContextSession): Promise<NodeData[]> {
    const informer = session.informer(NAMESPACE_TYPE, 'v1');
    await informer.ready;
    const context = session.context.name;
    const current = this.clusters.namespaceOf(context);
    const names = informer
      .items()
      .map((n) => n.metadata.name)
      .sort();
    const nodes: NodeData[] = [];
    // Without the right to list namespaces, the context's own namespace can still be browsed.
    if (informer.error) nodes.push(errorNode(parentId, informer.error, { context, typeKeys: [NAMESPACE_TYPE.key] }));
    const shown = informer.error && names.length === 0 ? [current] : names;
    nodes.push(...shown.map((ns) => namespaceNode(context, ns, ns === current)));
    return nodes;
  }

  /** Starts (once) and awaits the caches of a namespace: pods and the workload kinds the cluster serves. */
  private async collections(session: ContextSession, namespace: string): Promise<Collection[]> {
    const served = await session.served();
    const types = [POD_TYPE, ...WORKLOAD_TYPES.filter((t) => served.has(t.key))];
    const collections = types.map((type) => ({ type, informer: session.informer(type, served.get(type.key)!, namespace) }));
    await Promise.all(collections.map((c) => c.informer.ready));
    return collections;
  }

  private async model(session: ContextSession, namespace: string): Promise<{ model: NamespaceModel; collections: Collection[] }> {
    const collections = await this.collections(session, namespace);
    const key = `${session.context.name}/${namespace}`;
    let model = this.models.get(key);
    if (!model) {
      const objects = new Map<string, readonly unknown[]>();
      for (const c of collections) if (c.type !== POD_TYPE) objects.set(c.type.key, c.informer.items());
      const pods = collections.find((c) => c.type === POD_TYPE)!.informer.items();
      model = new NamespaceModel({ context: session.context.name, namespace, now: Date.now(), objects, pods });
      this.models.set(key, model);
    }
    return { model, collections };
  }

  private errorsOf(parentId: string, context: string, namespace: string, collections: Collection[]): NodeData[] {
    const errors = distinctErrors(collections.map((c) => ({ typeKey: c.type.key, error: c.informer.error })));
    return errors.map((e, i) => errorNode(parentId, e.error, { context, namespace, typeKeys: e.typeKeys }, i));
  }

  private async namespaceChildren(parentId: string, session: ContextSession, namespace: string): Promise<NodeData[]> {
    const context = session.context.name;
    let result: Awaited<ReturnType<ClustersProvider['model']>>;
    try {
      result = await this.model(session, namespace);
    } catch (error) {
      return [errorNode(parentId, error as Error & { kind: string }, { context, namespace })];
    }
    // Nothing readable (a forbidden namespace): its errors, in the server's words, instead of empty folders.
    if (result.collections.every((c) => c.informer.error)) return this.errorsOf(parentId, context, namespace, result.collections);
    return (['training', 'inference', 'pods'] as FolderName[]).map((f) => folderNode(parentId, { context, namespace }, f, result.model));
  }

  private async folderChildren(folder: FolderRow, session: ContextSession): Promise<NodeData[]> {
    const { id: parentId, context, namespace } = folder;
    const { model, collections } = await this.model(session, namespace);
    const errors = this.errorsOf(
      parentId,
      context,
      namespace,
      collections.filter((c) => c.type.category === folder.folder),
    );
    const now = Date.now();
    if (folder.folder === 'training') {
      const groups = model.training().map((g) => kindGroupNode(parentId, { context, namespace }, g));
      return [...errors, ...(groups.length || errors.length ? groups : [messageNode(parentId, `No training jobs in ${namespace}`)])];
    }
    if (folder.folder === 'inference') {
      const services = model.inference().map((v) => workloadNode(parentId, context, v, now, true));
      const what = 'KServe InferenceServices, and Deployments whose pods ask for GPUs.';
      const none = messageNode(parentId, `No inference services in ${namespace}`, what);
      return [...errors, ...(services.length || errors.length ? services : [none])];
    }
    const pods = model.pods.map((p) => podNode(parentId, context, p, now));
    return [...errors, ...(pods.length || errors.length ? pods : [messageNode(parentId, `No pods in ${namespace}`)])];
  }

  private async kindChildren(kind: KindRow, session: ContextSession): Promise<NodeData[]> {
    const { model } = await this.model(session, kind.namespace);
    const group = model.training().find((g) => g.typeKey === kind.typeKey);
    const now = Date.now();
    return (group?.jobs ?? []).map((v) => workloadNode(kind.id, kind.context, v, now));
  }

  /** A workload's pods, or a pod's containers. */
  private async objectChildren(row: ObjectRow, session: ContextSession): Promise<NodeData[]> {
    const { context, namespace, typeKey, name } = row.ref;
    if (!namespace) return [];
    const { model } = await this.model(session, namespace);
    if (row.type === 'pod') {
      const pod = model.pods.find((p) => p.metadata?.name === name);
      return pod ? containerNodes(row.id, context, pod) : [];
    }
    const now = Date.now();
    return (model.workload(typeKey, name)?.pods ?? []).map((p) => podNode(row.id, context, p, now));
  }

  /** What a namespace holds (its caches started if no view started them), for the palette's logs picker. */
  async namespaceModel(context: string, namespace: string): Promise<NamespaceModel | undefined> {
    const session = (await this.clusters.load()).session(context);
    return session ? (await this.model(session, namespace)).model : undefined;
  }

  /** The workload behind a row, with its pods and what it owns, for the delete confirmation. */
  async dependents(ref: ObjectRef): Promise<{ pods: string[]; owned: string[] } | undefined> {
    if (!ref.namespace) return undefined;
    const session = (await this.clusters.load()).session(ref.context);
    if (!session) return undefined;
    const { model } = await this.model(session, ref.namespace);
    const view = model.workload(ref.typeKey, ref.name);
    return view ? { pods: view.pods.map((p) => p.metadata.name), owned: model.owned(view) } : undefined;
  }

  private subscribe(session: ContextSession): void {
    if (this.subscribed.has(session)) return;
    this.subscribed.set(
      session,
      session.onDidChange((change) => this.onCacheChange(session.context.name, change)),
    );
  }

  /** A cache changed: refresh the rows that show it, not the whole tree. */
  private onCacheChange(context: string, change: CacheChange): void {
    if (change.typeKey === NAMESPACE_TYPE.key) return this.request(contextId(context));
    if (!change.namespace) return;
    this.models.delete(`${context}/${change.namespace}`);
    const namespaceRow = namespaceId(context, change.namespace);
    // A list or an error can change what the namespace itself shows (folders, or its errors).
    if (change.what === 'listed' || change.what === 'error') this.request(namespaceRow);
    const type = WORKLOAD_TYPES.find((t) => t.key === change.typeKey);
    const folders: FolderName[] =
      change.typeKey === POD_TYPE.key
        ? ['training', 'inference', 'pods']
        : type
          ? [type.category === 'training' ? 'training' : 'inference']
          : [];
    for (const folder of folders) this.request(folderId(namespaceRow, folder));
  }

  private request(id: string): void {
    const element = this.registry.get(id);
    if (element) this.changes.request(element);
  }

  dispose(): void {
    for (const unsubscribe of this.subscribed.values()) unsubscribe();
    this.changes.dispose();
  }
}
