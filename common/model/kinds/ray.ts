// KubeRay: a head group and worker groups; RayJob and RayService embed a RayCluster spec, a
// RayJob in its default submission mode runs its entrypoint in one more pod, the submitter, and a
// RayCronJob holds the spec of the RayJob it starts on its schedule.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import { YamlMap } from '../yaml-map';

/**
 * The pods KubeRay keeps for a worker group: `replicas` (else `minReplicas`) held between
 * `minReplicas` and `maxReplicas` (the maximum wins when they cross), none while suspended,
 * times `numOfHosts` (a multi-host group, such as a TPU slice, runs that many pods per replica).
 */
function workerPods(group: YamlMap): number | undefined {
  if (group.boolean('suspend') === true) return 0;
  const min = group.integer('minReplicas');
  const max = group.integer('maxReplicas');
  let replicas = group.integer('replicas') ?? min;
  if (replicas === undefined) return undefined;
  if (min !== undefined && replicas < min) replicas = min;
  if (max !== undefined && replicas > max) replicas = max;
  return Math.max(0, replicas) * Math.max(1, group.integer('numOfHosts') ?? 1);
}

/** The pods of a RayCluster spec: the head (one pod), then each worker group by name. */
export function rayClusterSpecPods(cluster: YamlMap | undefined, kindNode: ScalarNode): PodView[] {
  if (!cluster) return [];
  const head = cluster.map('headGroupSpec');
  const headRole = cluster.entry('headGroupSpec')?.key ?? kindNode;
  const pods = [podView(head?.map('template')?.map('spec'), 'head', headRole, 1)];
  for (const group of cluster.maps('workerGroupSpecs')) {
    pods.push(
      podView(
        group.map('template')?.map('spec'),
        group.string('groupName') ?? 'workers',
        group.scalar('groupName') ?? kindNode,
        workerPods(group),
        group.scalar('replicas'),
      ),
    );
  }
  return pods.filter((pod): pod is PodView => pod !== undefined);
}

/**
 * A RayJob spec's pods: its cluster's, and in `K8sJobMode` (the default) the submitter, whose
 * template is `submitterPodTemplate` or KubeRay's own (no GPUs) when none is written. A RayJob
 * holds the spec in `spec`, a RayCronJob in `spec.jobTemplate` (one RayJob runs per schedule).
 */
export function rayJobSpecPods(spec: YamlMap | undefined, kindNode: ScalarNode): PodView[] {
  const pods = rayClusterSpecPods(spec?.map('rayClusterSpec'), kindNode);
  const mode = spec?.string('submissionMode') ?? 'K8sJobMode';
  if (mode !== 'K8sJobMode') return pods;
  const template = spec?.map('submitterPodTemplate')?.map('spec');
  const kubeRayTemplate = new YamlMap({ kind: 'map', entries: [], start: kindNode.start, end: kindNode.start });
  const submitter = podView(template ?? kubeRayTemplate, 'submitter', spec?.entry('submitterPodTemplate')?.key ?? kindNode, 1);
  return submitter ? [...pods, submitter] : pods;
}

/** The Ray kinds, as rules name them (`ray.io/RayJob`). */
export const RAY_KINDS = ['ray.io/RayCluster', 'ray.io/RayJob', 'ray.io/RayService', 'ray.io/RayCronJob'];

/** Where each Ray kind keeps its cluster spec. */
export const RAY_CLUSTER_SPEC: Record<string, (root: YamlMap) => YamlMap | undefined> = {
  RayCluster: (root) => root.map('spec'),
  RayJob: (root) => root.map('spec')?.map('rayClusterSpec'),
  RayService: (root) => root.map('spec')?.map('rayClusterConfig'),
  RayCronJob: (root) => root.map('spec')?.map('jobTemplate')?.map('rayClusterSpec'),
};
