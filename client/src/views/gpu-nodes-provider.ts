// The GPU nodes view of the current context: the cluster's GPUs in all, each GPU product with its
// totals, its nodes (capacity, allocatable, used, free) and the pods holding their GPUs. It
// watches the nodes and the pods of all namespaces; any change refreshes it, batched.
import * as vscode from 'vscode';
import type { Clusters } from '../clusters';
import type { ContextSession } from '../cluster/index';
import { NODE_TYPE, POD_TYPE } from '../cluster/resources';
import { ElementRegistry } from './element-registry';
import { clusterNode, gpuNodeNodes, gpuPodNodes, productNodes } from './gpu-nodes-model';
import { gpuNodes, type NodeGpus } from './model/allocation';
import { errorNode, messageNode, untrustedNode, type NodeData } from './node';
import { TreeChanges } from './tree-changes';
import { toTreeItem } from './tree-item';

export class GpuNodesProvider implements vscode.TreeDataProvider<NodeData>, vscode.Disposable {
  private readonly registry = new ElementRegistry<NodeData>();
  private readonly changes = new TreeChanges();
  readonly onDidChangeTreeData = this.changes.event;
  private nodes: NodeGpus[] | undefined;
  private session: ContextSession | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly clusters: Clusters) {}

  /** How many refreshes the view has fired. */
  get refreshes(): number {
    return this.changes.fired;
  }

  getTreeItem(node: NodeData): vscode.TreeItem {
    return toTreeItem(node);
  }

  refresh(): void {
    this.nodes = undefined;
    this.changes.request(undefined);
  }

  reset(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.session = undefined;
    this.registry.clear();
    this.refresh();
  }

  getChildren(node?: NodeData): Promise<NodeData[]> {
    return this.changes.fetch(async () => {
      let children: NodeData[];
      try {
        children = await this.children(node);
      } catch (error) {
        children = [
          errorNode(
            node?.id ?? 'gpu',
            { message: error instanceof Error ? error.message : String(error), kind: 'other' },
            { context: this.session?.context.name ?? '' },
          ),
        ];
      }
      return this.registry.update(node?.id ?? '', children);
    });
  }

  private async children(node?: NodeData): Promise<NodeData[]> {
    if (!this.clusters.trusted) return [untrustedNode('gpu')];
    if (!node) return this.root();
    const nodes = this.current() ?? [];
    // Rows of a context the view no longer shows (switched meanwhile) have nothing under them.
    if (node.type === 'gpuProduct' && node.context === this.session?.context.name) {
      return gpuNodeNodes(
        node.id,
        node.context,
        nodes.filter((n) => n.product === node.product),
      );
    }
    if (node.type === 'gpuNode' && node.ref.context === this.session?.context.name) {
      const gpuNode = nodes.find((n) => n.name === node.ref.name);
      return gpuNode ? gpuPodNodes(node.id, node.ref.context, gpuNode) : [];
    }
    return [];
  }

  /** The GPU nodes from the caches, computed once per change. */
  private current(): NodeGpus[] | undefined {
    const nodeInformer = this.session?.existing(NODE_TYPE.key);
    const podInformer = this.session?.existing(POD_TYPE.key);
    if (!nodeInformer || !podInformer) return undefined;
    this.nodes ??= gpuNodes(nodeInformer.items(), podInformer.error ? undefined : podInformer.items());
    return this.nodes;
  }

  private async root(): Promise<NodeData[]> {
    const service = await this.clusters.load();
    const context = this.clusters.currentContext();
    const session = context ? service.session(context) : undefined;
    if (!context || !session)
      return [messageNode('gpu', 'No kubeconfig context', 'Set the mlinfra.kubeconfig setting or KUBECONFIG, or create ~/.kube/config.')];
    if (session !== this.session) {
      this.unsubscribe?.();
      this.session = session;
      this.nodes = undefined;
      this.unsubscribe = session.onDidChange((change) => {
        if (change.typeKey === NODE_TYPE.key || (change.typeKey === POD_TYPE.key && change.namespace === undefined)) {
          this.nodes = undefined;
          this.changes.request(undefined);
        }
      });
    }
    const nodeInformer = session.informer(NODE_TYPE, 'v1');
    const podInformer = session.informer(POD_TYPE, 'v1');
    await Promise.all([nodeInformer.ready, podInformer.ready]);
    if (nodeInformer.error) return [errorNode('gpu', nodeInformer.error, { context, typeKeys: [NODE_TYPE.key] })];
    // Pods that cannot be listed leave the nodes' use unknown: say so, and show what is known.
    const errors = podInformer.error ? [errorNode('gpu', podInformer.error, { context, typeKeys: [POD_TYPE.key] })] : [];
    this.nodes = this.current() ?? [];
    if (this.nodes.length === 0)
      return [...errors, messageNode('gpu', 'No GPU nodes', 'No node of this cluster has nvidia.com/gpu capacity or a GPU product label.')];
    return [...errors, clusterNode(context, this.nodes), ...productNodes(context, this.nodes)];
  }

  dispose(): void {
    this.unsubscribe?.();
    this.changes.dispose();
  }
}
