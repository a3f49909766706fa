// What a tree row shows, as plain data, and what it stands for, as typed fields: the providers turn
// a row into a TreeItem, the commands read its reference, and the extension's API hands it to tests
// as is. Rows are told apart by `type`; no code reads a row's id back (names may hold any character).

export type Collapsible = 'none' | 'collapsed' | 'expanded';

/** A Kubernetes object: its context, namespace (none when cluster-scoped), resource type and name. */
export interface ObjectRef {
  context: string;
  namespace?: string;
  /** The resource type key, `kubeflow.org/pytorchjobs`. */
  typeKey: string;
  name: string;
}

/** A container of a pod, for the commands that act on one (logs). */
export interface ContainerRef {
  pod: ObjectRef;
  container: string;
  /** Whether it is an init container (its row says `(init)`; its logs are read by the same name). */
  init: boolean;
}

/** What a retry lists again: a context's namespaces, a namespace's collections, the GPU view's. */
export interface RetryTarget {
  context: string;
  namespace?: string;
  /** Limits the retry to these type keys; all failed collections of the scope when absent. */
  typeKeys?: string[];
}

export type FolderName = 'training' | 'inference' | 'pods';

/** What every row shows. */
export interface RowView {
  /** Unique and stable across refreshes; built from the row's parts, never parsed. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id (`pass`, `error` …). */
  icon?: string;
  /** A theme color id for the icon. */
  color?: string;
  contextValue?: string;
  collapsible: Collapsible;
  /** A command run on click (the trust node opens the trust editor). */
  command?: { command: string; title: string };
}

export interface ContextRow extends RowView {
  type: 'context';
  context: string;
}

export interface NamespaceRow extends RowView {
  type: 'namespace';
  context: string;
  namespace: string;
  /** The Namespace object. */
  ref: ObjectRef;
}

/** `Training jobs`, `Inference services` or `Pods` of a namespace. */
export interface FolderRow extends RowView {
  type: 'folder';
  context: string;
  namespace: string;
  folder: FolderName;
}

/** The training jobs of one kind in a namespace. */
export interface KindRow extends RowView {
  type: 'kind';
  context: string;
  namespace: string;
  typeKey: string;
}

/** A training job, an inference service or a pod. */
export interface ObjectRow extends RowView {
  type: 'job' | 'inference' | 'pod';
  ref: ObjectRef;
}

export interface ContainerRow extends RowView {
  type: 'container';
  container: ContainerRef;
}

/** The GPUs of the cluster of a context, in all. */
export interface GpuClusterRow extends RowView {
  type: 'gpuCluster';
  context: string;
}

export interface GpuProductRow extends RowView {
  type: 'gpuProduct';
  context: string;
  product: string;
}

export interface GpuNodeRow extends RowView {
  type: 'gpuNode';
  /** The Node object. */
  ref: ObjectRef;
  product: string;
}

export interface ErrorRow extends RowView {
  type: 'error';
  retry: RetryTarget;
}

export interface MessageRow extends RowView {
  type: 'message';
}

export interface UntrustedRow extends RowView {
  type: 'untrusted';
}

/** Any row of the Clusters and GPU nodes views. */
export type NodeData =
  | ContextRow
  | NamespaceRow
  | FolderRow
  | KindRow
  | ObjectRow
  | ContainerRow
  | GpuClusterRow
  | GpuProductRow
  | GpuNodeRow
  | ErrorRow
  | MessageRow
  | UntrustedRow;

export type RowType = NodeData['type'];

/** The id of a child row: the parent's id, the child's sort and its name, encoded so no name can read as a path. */
export function childId(parentId: string, sort: string, name: string | number): string {
  return `${parentId}/${sort}:${encodeURIComponent(String(name))}`;
}

/** The Kubernetes object a row stands for, if it stands for one. */
export function refOf(row: NodeData): ObjectRef | undefined {
  return 'ref' in row ? row.ref : undefined;
}

/** The context a row belongs to (errors: the one they retry in). */
export function contextOf(row: NodeData): string | undefined {
  switch (row.type) {
    case 'context':
    case 'namespace':
    case 'folder':
    case 'kind':
    case 'gpuCluster':
    case 'gpuProduct':
      return row.context;
    case 'job':
    case 'inference':
    case 'pod':
    case 'gpuNode':
      return row.ref.context;
    case 'container':
      return row.container.pod.context;
    case 'error':
      return row.retry.context;
    default:
      return undefined;
  }
}

export const STATE_ICONS: Record<string, { icon: string; color: string }> = {
  running: { icon: 'play-circle', color: 'charts.green' },
  succeeded: { icon: 'pass', color: 'testing.iconPassed' },
  failed: { icon: 'error', color: 'testing.iconFailed' },
  pending: { icon: 'clock', color: 'charts.yellow' },
  suspended: { icon: 'debug-pause', color: 'disabledForeground' },
  warning: { icon: 'warning', color: 'list.warningForeground' },
};

export interface ErrorLike {
  message: string;
  kind: string;
  code?: number;
  hint?: string;
}

/** An error as a row: the server's message, with the retry action (inline and in the context menu). */
export function errorNode(parentId: string, error: ErrorLike, retry: RetryTarget, index = 0): ErrorRow {
  const what = error.code ? `HTTP ${error.code}` : error.kind === 'unreachable' ? 'unreachable' : 'error';
  return {
    type: 'error',
    id: childId(parentId, 'error', index),
    label: error.message,
    description: what,
    tooltip: [error.message, error.hint, 'Retry lists again (the inline button, or the context menu).'].filter(Boolean).join('\n\n'),
    icon: 'error',
    color: 'errorForeground',
    contextValue: 'mlinfra.error',
    collapsible: 'none',
    retry,
  };
}

export function messageNode(parentId: string, label: string, tooltip?: string, icon = 'info', index = 0): MessageRow {
  const id = childId(parentId, 'message', index);
  return { type: 'message', id, label, tooltip, icon, contextValue: 'mlinfra.message', collapsible: 'none' };
}

export const UNTRUSTED_LABEL = 'Cluster access needs a trusted workspace';

export function untrustedNode(view: string): UntrustedRow {
  return {
    type: 'untrusted',
    id: `${view}/untrusted`,
    label: UNTRUSTED_LABEL,
    tooltip:
      'Kubeconfig files can run programs (exec credential plugins), so mlinfra reads them and talks to clusters ' +
      'only in a trusted workspace. Click to manage workspace trust.',
    icon: 'shield',
    contextValue: 'mlinfra.untrusted',
    collapsible: 'none',
    command: { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' },
  };
}

/** Distinct errors (by status) of several collections, the first of each kind; 404 means not installed. */
export function distinctErrors<T extends { error?: ErrorLike; typeKey: string }>(
  items: readonly T[],
): Array<{ error: ErrorLike; typeKeys: string[] }> {
  const groups = new Map<string, { error: ErrorLike; typeKeys: string[] }>();
  for (const item of items) {
    if (!item.error || item.error.code === 404) continue;
    const key = `${item.error.kind}:${item.error.code ?? ''}`;
    const group = groups.get(key);
    if (group) group.typeKeys.push(item.typeKey);
    else groups.set(key, { error: item.error, typeKeys: [item.typeKey] });
  }
  return [...groups.values()];
}
