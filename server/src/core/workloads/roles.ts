// Naming a role's pods in messages and finding the node a finding about a whole role sits on:
// the role's own key or name (`Worker:`, `- name: workers`), or for kinds with a single pod
// template (Job, Deployment, Pod…), the `template` key (the Pod's `spec` key).
import type { MapNode, ScalarNode, YamlNode } from '../document';
import type { PodView, WorkloadView } from './index';

/** Kubernetes' own kinds (groups without a dot: core, apps, batch) have one pod template, named by the kind. */
const singleTemplate = (workload: WorkloadView) => !workload.apiVersion.includes('.');

/** How a message names a role's pods: `the Worker pods`, `the Job's pods`, `the pod`. */
export function rolePods(workload: WorkloadView, pod: PodView): string {
  if (!singleTemplate(workload)) return `the ${pod.role} pods`;
  return workload.kind === 'Pod' ? 'the pod' : `the ${workload.kind}'s pods`;
}

/** The key whose value is `target`, searched depth first, with the key of the map holding it. */
function keyOf(node: YamlNode | null, target: MapNode, parentKey?: ScalarNode): { key: ScalarNode; parentKey?: ScalarNode } | undefined {
  if (!node || node.kind === 'scalar') return undefined;
  if (node.kind === 'seq') {
    for (const item of node.items) {
      const found = keyOf(item, target, parentKey);
      if (found) return found;
    }
    return undefined;
  }
  for (const entry of node.entries) {
    if (entry.value === target) return { key: entry.key, parentKey };
    const found = keyOf(entry.value, target, entry.key);
    if (found) return found;
  }
  return undefined;
}

/** Where a finding about a role as a whole goes: its name, or the pod template of a single-template kind. */
export function roleAnchor(workload: WorkloadView, pod: PodView): ScalarNode {
  if (pod.roleNode !== workload.kindNode) return pod.roleNode;
  const found = keyOf(workload.root.node, pod.spec.node);
  if (!found) return pod.roleNode;
  return found.parentKey?.value === 'template' ? found.parentKey : found.key;
}
