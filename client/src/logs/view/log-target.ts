// What a logs view follows: a workload (every container of every pod it runs), a pod (every
// container) or one container of a pod, in a context and namespace. Commands build it from a tree
// row, a palette pick or a CodeLens; the views key their panels by it. Pure: no VS Code.
import { typeByKey } from '../../cluster/resources';

export interface LogTarget {
  context: string;
  namespace: string;
  /** The resource type key (`kubeflow.org/pytorchjobs`, `/pods`). */
  typeKey: string;
  name: string;
  /** One container of a pod; every container when absent. */
  container?: string;
}

/** The kind as the title says it, lower case as kubectl's resource names: `pytorchjob`, `pod`. */
export function targetKind(target: LogTarget): string {
  return (typeByKey(target.typeKey)?.kind ?? target.typeKey.replace(/^.*\//, '')).toLowerCase();
}

/** `Logs: pytorchjob/llama-ft`, `Logs: pod/llama-ft-master-0 (pytorch)`. */
export function targetTitle(target: LogTarget): string {
  return `Logs: ${targetKind(target)}/${target.name}${target.container ? ` (${target.container})` : ''}`;
}

/** `pytorchjob/llama-ft in ml-training of mlinfra-demo`, for messages and the view's header. */
export function targetDescription(target: LogTarget): string {
  const container = target.container ? `, container ${target.container}` : '';
  return `${targetKind(target)}/${target.name}${container} in ${target.namespace} of ${target.context}`;
}

/** One panel per target: the same object (and container) in the same context is the same view. */
export function targetKey(target: LogTarget): string {
  return JSON.stringify([target.context, target.namespace, target.typeKey, target.name, target.container ?? '']);
}

/** A LogTarget-shaped argument (from a test, another extension or the CodeLens), copied to its fields. */
export function asLogTarget(arg: unknown): LogTarget | undefined {
  const t = arg as Partial<LogTarget> | undefined;
  if (typeof t !== 'object' || t === null) return undefined;
  const strings = [t.context, t.namespace, t.typeKey, t.name].every((v) => typeof v === 'string' && v !== '');
  if (!strings || (t.container !== undefined && typeof t.container !== 'string')) return undefined;
  const target: LogTarget = { context: t.context!, namespace: t.namespace!, typeKey: t.typeKey!, name: t.name! };
  if (t.container) target.container = t.container;
  return target;
}
