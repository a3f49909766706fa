// What rules read of a document: its workload view, or for another kind that some rules name
// (a ResourceClaimTemplate's device classes, a PodGroup's gang), the same view with no pods.
import type { YamlNode } from '../document';
import { asMap, workloadOf, type WorkloadView } from './index';

const views = new WeakMap<YamlNode, WorkloadView | null>();

function manifestOf(root: YamlNode): WorkloadView | undefined {
  const map = asMap(root);
  const kindNode = map?.scalar('kind');
  const apiVersion = map?.string('apiVersion');
  if (!map || !kindNode || typeof kindNode.value !== 'string' || !apiVersion) return undefined;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = kindNode.value;
  return { apiVersion, kind, groupKind: `${group}/${kind}`, kindNode, name: map.map('metadata')?.string('name'), root: map, pods: [] };
}

/** The document's view for rules, and whether it is a workload (rules that name no kinds check workloads only). */
export function ruleView(root: YamlNode | null): { view: WorkloadView; workload: boolean } | undefined {
  if (!root) return undefined;
  const workload = workloadOf(root);
  if (workload) return { view: workload, workload: true };
  let view = views.get(root);
  if (view === undefined) {
    view = manifestOf(root) ?? null;
    views.set(root, view);
  }
  return view ? { view, workload: false } : undefined;
}
