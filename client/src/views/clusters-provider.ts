// The Clusters view: contexts → namespaces → Training jobs (by kind) / Inference services / Pods →
// pods → containers. Children come from the live caches; a namespace's caches start when it is
// expanded. Watch events refresh only the rows they affect (its folders), batched.
import * as vscode from 'vscode';
import type { Clusters } from '../clusters';
import type { CacheChange, ContextSession, Informer } from '../cluster/index';
import { INFERENCE_TYPES, NAMESPACE_TYPE, POD_TYPE, TRAINING_TYPES, type ResourceType } from '../cluster/resources';
import { containerNodes, contextNode, folderNode, kindGroupNode, namespaceNode, NamespaceModel, podNode, workloadNode, type FolderName } from './clusters-model';
import { ElementRegistry } from './element-registry';
import { distinctErrors, errorNode, messageNode, untrustedNode, type NodeData } from './node';
import { TreeChanges } from './tree-changes';
import { toTreeItem } from './tree-item';

interface Meta {
  level: 'context' | 'namespace' | 'folder' | 'kind' | 'workload' | 'pod';
  context: string;
  namespace?: string;
  folder?: FolderName;
  typeKey?: string;
  name?: string;
}

interface Collection {
  type: ResourceType;
  informer: Informer;
}

const WORKLOAD_TYPES = [...TRAINING_TYPES, ...INFERENCE_TYPES];

export class ClustersProvider implements vscode.TreeDataProvider<NodeData>, vscode.Disposable {
  private readonly meta = new Map<string, Meta>();
  private readonly registry = new ElementRegistry<NodeData>((id) => this.meta.delete(id));
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
    this.meta.clear();
    this.refresh();
  }

  getChildren(node?: NodeData): Promise<NodeData[]> {
    return this.changes.fetch(async () => {
      let children: NodeData[];
      try {
        children = await this.children(node);
      } catch (error) {
        // Never an empty view for a failure: the failure, with the retry action.
        const context = this.meta.get(node?.id ?? '')?.context ?? '';
        children = [errorNode(node?.id ?? 'clusters', { message: error instanceof Error ? error.message : String(error), kind: 'other' }, { context })];
      }
      return this.registry.update(node?.id ?? '', children);
    });
  }

  private async children(node?: NodeData): Promise<NodeData[]> {
    if (!this.clusters.trusted) return [untrustedNode('clusters')];
    if (!node) return this.contexts();
    const meta = this.meta.get(node.id);
    if (!meta) return [];
    const session = (await this.clusters.load()).session(meta.context);
    if (!session) return [messageNode(node.id, `The context ${meta.context} is no longer in the kubeconfig`, undefined, 'warning')];
    this.subscribe(session);
    switch (meta.level) {
      case 'context':
        return this.namespaces(node.id, session);
      case 'namespace':
        return this.namespaceChildren(node.id, session, meta.namespace!);
      case 'folder':
        return this.folderChildren(node.id, session, meta);
      default:
        return this.objectChildren(node.id, session, meta);
    }
  }

  private remember(nodes: NodeData[], meta: (node: NodeData) => Meta | undefined): NodeData[] {
    for (const node of nodes) {
      const m = meta(node);
      if (m) this.meta.set(node.id, m);
    }
    return nodes;
  }

  private async contexts(): Promise<NodeData[]> {
    const { snapshot } = await this.clusters.load();
    const problems = snapshot.problems.map((p, i) => messageNode('clusters', p, p, 'warning', i));
    if (snapshot.contexts.length === 0) {
      return [...problems, messageNode('clusters', 'No kubeconfig found', 'Set the mlinfra.kubeconfig setting or KUBECONFIG, or create ~/.kube/config.', 'info', problems.length)];
    }
    const current = this.clusters.currentContext();
    const nodes = snapshot.contexts.map((c) => contextNode(c, c.name === current));
    return [...problems, ...this.remember(nodes, (n) => ({ level: 'context', context: n.label }))];
  }

  private async namespaces(parentId: string, session: ContextSession): Promise<NodeData[]> {
    const informer = session.informer(NAMESPACE_TYPE, 'v1');
    await informer.ready;
    const context = session.context.name;
    const current = this.clusters.namespaceOf(context);
    const names = informer.items().map((n) => n.metadata.name).sort();
    const nodes: NodeData[] = [];
    // Without the right to list namespaces, the context's own namespace can still be browsed.
    if (informer.error) nodes.push(errorNode(parentId, informer.error, { context, typeKeys: [NAMESPACE_TYPE.key] }));
    const shown = informer.error && names.length === 0 ? [current] : names;
    nodes.push(...this.remember(shown.map((ns) => namespaceNode(context, ns, ns === current)), (n) => ({ level: 'namespace', context, namespace: n.label })));
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
    const folders = (['training', 'inference', 'pods'] as FolderName[]).map((f) => folderNode(parentId, f, result.model));
    return this.remember(folders, (n) => ({ level: 'folder', context, namespace, folder: n.id.slice(parentId.length + 1) as FolderName }));
  }

  private async folderChildren(parentId: string, session: ContextSession, meta: Meta): Promise<NodeData[]> {
    const { context, namespace } = { context: meta.context, namespace: meta.namespace! };
    const { model, collections } = await this.model(session, namespace);
    const category = meta.folder === 'pods' ? 'pods' : meta.folder;
    const errors = this.errorsOf(parentId, context, namespace, collections.filter((c) => c.type.category === category));
    const now = Date.now();
    if (meta.folder === 'training') {
      const groups = model.training().map((g) => kindGroupNode(parentId, g));
      this.remember(groups, (n) => ({ level: 'kind', context, namespace, typeKey: n.id.slice(n.id.lastIndexOf('/kind:') + 6) }));
      return [...errors, ...(groups.length || errors.length ? groups : [messageNode(parentId, `No training jobs in ${namespace}`)])];
    }
    if (meta.folder === 'inference') {
      const services = model.inference().map((v) => workloadNode(parentId, context, v, now, true));
      this.remember(services, (n) => ({ level: 'workload', context, namespace, typeKey: n.ref!.typeKey, name: n.ref!.name }));
      return [...errors, ...(services.length || errors.length ? services : [messageNode(parentId, `No inference services in ${namespace}`, 'KServe InferenceServices, and Deployments whose pods ask for GPUs.')])];
    }
    const pods = model.pods.map((p) => podNode(parentId, context, p, now));
    this.remember(pods, (n) => ({ level: 'pod', context, namespace, name: n.label }));
    return [...errors, ...(pods.length || errors.length ? pods : [messageNode(parentId, `No pods in ${namespace}`)])];
  }

  private async objectChildren(parentId: string, session: ContextSession, meta: Meta): Promise<NodeData[]> {
    const { context, namespace } = { context: meta.context, namespace: meta.namespace! };
    const { model } = await this.model(session, namespace);
    const now = Date.now();
    if (meta.level === 'kind') {
      const group = model.training().find((g) => g.typeKey === meta.typeKey);
      const jobs = (group?.jobs ?? []).map((v) => workloadNode(parentId, context, v, now));
      return this.remember(jobs, (n) => ({ level: 'workload', context, namespace, typeKey: n.ref!.typeKey, name: n.ref!.name }));
    }
    if (meta.level === 'workload') {
      const pods = (model.workload(meta.typeKey!, meta.name!)?.pods ?? []).map((p) => podNode(parentId, context, p, now));
      return this.remember(pods, (n) => ({ level: 'pod', context, namespace, name: n.label }));
    }
    const pod = model.pods.find((p) => p.metadata?.name === meta.name);
    return pod ? containerNodes(parentId, pod) : [];
  }

  /** The workload behind a row, with its pods and what it owns, for the delete confirmation. */
  async dependents(node: NodeData): Promise<{ pods: string[]; owned: string[] } | undefined> {
    const ref = node.ref;
    if (!ref?.namespace) return undefined;
    const session = (await this.clusters.load()).session(ref.context);
    if (!session) return undefined;
    const { model } = await this.model(session, ref.namespace);
    const view = model.workload(ref.typeKey, ref.name);
    return view ? { pods: view.pods.map((p) => p.metadata.name), owned: model.owned(view) } : undefined;
  }

  private subscribe(session: ContextSession): void {
    if (this.subscribed.has(session)) return;
    this.subscribed.set(session, session.onDidChange((change) => this.onCacheChange(session.context.name, change)));
  }

  /** A cache changed: refresh the rows that show it, not the whole tree. */
  private onCacheChange(context: string, change: CacheChange): void {
    if (change.typeKey === NAMESPACE_TYPE.key) return this.request(`ctx:${context}`);
    if (!change.namespace) return;
    this.models.delete(`${context}/${change.namespace}`);
    const namespaceId = `ctx:${context}/ns:${change.namespace}`;
    // A list or an error can change what the namespace itself shows (folders, or its errors).
    if (change.what === 'listed' || change.what === 'error') this.request(namespaceId);
    const type = WORKLOAD_TYPES.find((t) => t.key === change.typeKey);
    const folders: FolderName[] = change.typeKey === POD_TYPE.key ? ['training', 'inference', 'pods'] : type ? [type.category === 'training' ? 'training' : 'inference'] : [];
    for (const folder of folders) this.request(`${namespaceId}/${folder}`);
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
