// What the cluster commands take from their argument: a row of the views (or a JSON copy of one,
// from tests and other extensions), a name given as a string, or nothing (run from the palette,
// they ask). Rows are read by their type and typed fields only, never by their ids or labels,
// so names holding slashes or colons (EKS ARNs) work. Pure: no VS Code.
import { TRAINING_TYPES } from './cluster/resources';
import { asLogTarget, type LogTarget } from './logs/view/log-target';
import { refOf, type ContainerRef, type NodeData, type ObjectRef, type RetryTarget } from './views/node';

function isRow(arg: unknown): arg is NodeData {
  return typeof arg === 'object' && arg !== null && typeof (arg as { type?: unknown }).type === 'string';
}

/** The context to switch to: a context row's, or a name. */
export function contextArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  return isRow(arg) && arg.type === 'context' ? arg.context : undefined;
}

/** The namespace to switch to: a namespace row's (with its context), or a name (in the current context). */
export function namespaceArgument(arg: unknown): { context?: string; namespace: string } | undefined {
  if (typeof arg === 'string') return { namespace: arg };
  return isRow(arg) && arg.type === 'namespace' ? { context: arg.context, namespace: arg.namespace } : undefined;
}

function isObjectRef(arg: unknown): arg is ObjectRef {
  const ref = arg as Partial<ObjectRef> | undefined;
  if (typeof ref !== 'object' || ref === null) return false;
  return typeof ref.context === 'string' && typeof ref.typeKey === 'string' && typeof ref.name === 'string';
}

/** The object a row stands for (a job, service, pod, node or namespace), or an object reference itself. */
export function objectArgument(arg: unknown): ObjectRef | undefined {
  if (isRow(arg)) return refOf(arg);
  return isObjectRef(arg) ? arg : undefined;
}

/** The training job of a job row; undefined for any other row. */
export function trainingJobArgument(arg: unknown): { ref: ObjectRef & { namespace: string }; label: string } | undefined {
  if (!isRow(arg) || arg.type !== 'job' || !arg.ref.namespace) return undefined;
  const type = TRAINING_TYPES.find((t) => t.key === arg.ref.typeKey);
  return type ? { ref: { ...arg.ref, namespace: arg.ref.namespace }, label: type.label } : undefined;
}

/** The container of a container row (its pod's reference and its name). */
export function containerArgument(arg: unknown): ContainerRef | undefined {
  return isRow(arg) && arg.type === 'container' ? arg.container : undefined;
}

/** What an error row's retry lists again; undefined (everything that failed) for anything else. */
export function retryArgument(arg: unknown): RetryTarget | undefined {
  return isRow(arg) && arg.type === 'error' ? arg.retry : undefined;
}

/**
 * What Show and Follow Logs read: a job's or an inference service's row (all its pods), a pod's
 * row (all its containers), a container's row (that one), or a target itself (the CodeLens, tests).
 */
export function logTargetArgument(arg: unknown): LogTarget | undefined {
  if (!isRow(arg)) return asLogTarget(arg);
  if ((arg.type === 'job' || arg.type === 'inference' || arg.type === 'pod') && arg.ref.namespace) {
    const { context, namespace, typeKey, name } = arg.ref;
    return { context, namespace, typeKey, name };
  }
  if (arg.type === 'container' && arg.container.pod.namespace) {
    const { context, namespace, typeKey, name } = arg.container.pod;
    return { context, namespace: namespace, typeKey, name, container: arg.container.container };
  }
  return undefined;
}
