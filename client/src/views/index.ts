// Registers the cluster views (contributed in package.json, so VS Code shows them before the
// extension runs any code for them), the live-object documents and the cluster state; and reads
// the trees as plain data for the extension's API. Nothing here touches a cluster: the providers
// do, when VS Code asks them for children.
import * as vscode from 'vscode';
import { Clusters } from '../clusters';
import type { ClusterViews } from '../cluster-commands';
import { ClustersProvider } from './clusters-provider';
import { GpuNodesProvider } from './gpu-nodes-provider';
import { LiveObjectDocuments } from './live-object-document';
import type { NodeData } from './node';
import { OBJECT_SCHEME } from './object-uri';

export const CLUSTERS_VIEW = 'mlinfra.clusters';
export const GPU_NODES_VIEW = 'mlinfra.gpuNodes';

/** What tests and other extensions can read of the cluster views. */
export interface ClusterViewsApi {
  /** The rows under the row reached by following `path` (labels from the top), as the view shows them. */
  children(view: typeof CLUSTERS_VIEW | typeof GPU_NODES_VIEW, path?: string[]): Promise<NodeData[]>;
  /** How many refreshes each view has fired (onDidChangeTreeData). */
  refreshes(view: typeof CLUSTERS_VIEW | typeof GPU_NODES_VIEW): number;
  /** Requests made to clusters so far: lists (pages) and watches started. */
  requests(): { requests: number; lists: number; watches: number };
  /** Whether the cluster code (dist/cluster-client.js) has been loaded. */
  loaded(): boolean;
  current(): { context?: string; namespace?: string };
  statusText(): string | undefined;
}

export function registerClusterViews(context: vscode.ExtensionContext): {
  views: ClusterViews;
  api: ClusterViewsApi;
  disposables: vscode.Disposable[];
} {
  const clusters = new Clusters(context);
  const tree = new ClustersProvider(clusters);
  const gpuNodes = new GpuNodesProvider(clusters);
  const reset = () => {
    tree.reset();
    gpuNodes.reset();
  };
  const disposables = [
    clusters,
    tree,
    gpuNodes,
    vscode.window.registerTreeDataProvider(CLUSTERS_VIEW, tree),
    vscode.window.registerTreeDataProvider(GPU_NODES_VIEW, gpuNodes),
    vscode.workspace.registerTextDocumentContentProvider(OBJECT_SCHEME, new LiveObjectDocuments(clusters)),
    clusters.onDidReload(reset),
    clusters.onDidChangeSelection(() => {
      tree.refresh();
      gpuNodes.reset();
    }),
  ];
  const providers = { [CLUSTERS_VIEW]: tree, [GPU_NODES_VIEW]: gpuNodes };
  const api: ClusterViewsApi = {
    async children(view, path = []) {
      const provider = providers[view];
      let parent: NodeData | undefined;
      for (const label of path) {
        const rows = await provider.getChildren(parent);
        parent = rows.find((row) => row.label === label);
        if (!parent)
          throw new Error(
            `no row "${label}" in ${view} under ${path.slice(0, path.indexOf(label)).join(' › ') || 'the top'}; ` +
              `rows: ${rows.map((r) => r.label).join(', ')}`,
          );
      }
      return JSON.parse(JSON.stringify(await provider.getChildren(parent))) as NodeData[];
    },
    refreshes: (view) => providers[view].refreshes,
    requests: () => clusters.requests(),
    loaded: () => clusters.loaded,
    current: () => {
      const ctx = clusters.currentContext();
      return { context: ctx, namespace: ctx ? clusters.namespaceOf(ctx) : undefined };
    },
    statusText: () => clusters.statusText(),
  };
  return { views: { clusters, tree, gpuNodes }, api, disposables };
}
