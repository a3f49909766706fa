// What a tree row shows, as plain data: the providers turn it into a TreeItem, and the extension's
// API hands it to tests as is. `ref` names the Kubernetes object behind a row, for the commands.

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface ObjectRef {
  context: string;
  namespace?: string;
  /** The resource type key, `kubeflow.org/pytorchjobs`. */
  typeKey: string;
  name: string;
}

/** What a retry lists again: a context's namespaces, a namespace's collections, the GPU view's. */
export interface RetryTarget {
  context: string;
  namespace?: string;
  /** Limits the retry to these type keys; all failed collections of the scope when absent. */
  typeKeys?: string[];
}

export interface NodeData {
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
  ref?: ObjectRef;
  retry?: RetryTarget;
  /** A command run on click (the trust node opens the trust editor). */
  command?: { command: string; title: string };
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
export function errorNode(parentId: string, error: ErrorLike, retry: RetryTarget, index = 0): NodeData {
  const what = error.code ? `HTTP ${error.code}` : error.kind === 'unreachable' ? 'unreachable' : 'error';
  return {
    id: `${parentId}/error:${index}`,
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

export function messageNode(parentId: string, label: string, tooltip?: string, icon = 'info', index = 0): NodeData {
  return { id: `${parentId}/message:${index}`, label, tooltip, icon, contextValue: 'mlinfra.message', collapsible: 'none' };
}

export const UNTRUSTED_LABEL = 'Cluster access needs a trusted workspace';

export function untrustedNode(view: string): NodeData {
  return {
    id: `${view}/untrusted`,
    label: UNTRUSTED_LABEL,
    tooltip: 'Kubeconfig files can run programs (exec credential plugins), so mlinfra reads them and talks to clusters only in a trusted workspace. Click to manage workspace trust.',
    icon: 'shield',
    contextValue: 'mlinfra.untrusted',
    collapsible: 'none',
    command: { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' },
  };
}

/** Distinct errors (by status) of several collections, the first of each kind; 404 means not installed. */
export function distinctErrors<T extends { error?: ErrorLike; typeKey: string }>(items: readonly T[]): Array<{ error: ErrorLike; typeKeys: string[] }> {
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
