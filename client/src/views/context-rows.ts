// The top rows of the Clusters view: the kubeconfig's contexts and their namespaces, and the ids
// their descendants' ids are built from (a context's name may hold any character: it is encoded).
import { childId, type ContextRow, type NamespaceRow } from './node';

export interface ContextLike {
  name: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
}

/** The id of a context's row, from which its descendants' ids are built. */
export function contextId(context: string): string {
  return `ctx:${encodeURIComponent(context)}`;
}

export function namespaceId(context: string, namespace: string): string {
  return childId(contextId(context), 'ns', namespace);
}

export function contextNode(context: ContextLike, current: boolean): ContextRow {
  return {
    type: 'context',
    id: contextId(context.name),
    label: context.name,
    description: current ? 'current' : undefined,
    tooltip: [
      `Context ${context.name}${current ? ' (current)' : ''}`,
      context.server ? `cluster ${context.cluster} at ${context.server}` : undefined,
      context.user ? `user ${context.user}` : undefined,
      `namespace ${context.namespace ?? 'default'}`,
    ]
      .filter(Boolean)
      .join('\n'),
    icon: current ? 'vm-active' : 'vm',
    contextValue: current ? 'mlinfra.context.current' : 'mlinfra.context',
    collapsible: current ? 'expanded' : 'collapsed',
    context: context.name,
  };
}

export function namespaceNode(context: string, namespace: string, current: boolean): NamespaceRow {
  return {
    type: 'namespace',
    id: namespaceId(context, namespace),
    label: namespace,
    description: current ? 'current' : undefined,
    icon: current ? 'folder-active' : 'folder',
    contextValue: current ? 'mlinfra.namespace.current' : 'mlinfra.namespace',
    collapsible: current ? 'expanded' : 'collapsed',
    context,
    namespace,
    ref: { context, typeKey: '/namespaces', name: namespace },
  };
}
