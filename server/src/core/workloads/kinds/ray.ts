// KubeRay: a head group and worker groups; RayJob and RayService embed a RayCluster spec.
import type { ScalarNode } from '../../document';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-view';

/** The pods of a RayCluster spec: the head (one pod), then each worker group by name. */
export function rayClusterSpecPods(cluster: YamlMap | undefined, kindNode: ScalarNode): PodView[] {
  if (!cluster) return [];
  const head = cluster.map('headGroupSpec');
  const headRole = cluster.entry('headGroupSpec')?.key ?? kindNode;
  const pods = [podView(head?.map('template')?.map('spec'), 'head', headRole, 1)];
  for (const group of cluster.maps('workerGroupSpecs')) {
    const replicas = group.integer('replicas') ?? group.integer('minReplicas');
    pods.push(podView(group.map('template')?.map('spec'), group.string('groupName') ?? 'workers', group.scalar('groupName') ?? kindNode, replicas, group.scalar('replicas')));
  }
  return pods.filter((pod): pod is PodView => pod !== undefined);
}

/** Where each Ray kind keeps its cluster spec. */
/** RayCluster, RayJob and RayService, as rules name them (`ray.io/RayJob`). */
export const RAY_KINDS = ['ray.io/RayCluster', 'ray.io/RayJob', 'ray.io/RayService'];

export const RAY_CLUSTER_SPEC: Record<string, (root: YamlMap) => YamlMap | undefined> = {
  RayCluster: (root) => root.map('spec'),
  RayJob: (root) => root.map('spec')?.map('rayClusterSpec'),
  RayService: (root) => root.map('spec')?.map('rayClusterConfig'),
};
