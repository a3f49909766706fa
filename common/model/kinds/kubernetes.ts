// Kubernetes' own workload kinds: a Pod's spec, or the pod template of a controller.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

type Extract = (root: YamlMap, kindNode: ScalarNode) => PodView[];

/**
 * The pods a Job runs at once: `parallelism` (1 by default), but no more than `completions`
 * when that is set (a Job of 4 completions and parallelism 8 starts 4 pods).
 */
export function jobPodsAtOnce(job: YamlMap | undefined): number {
  const parallelism = job?.integer('parallelism') ?? 1;
  const completions = job?.integer('completions');
  return completions === undefined ? parallelism : Math.min(parallelism, completions);
}

const templated =
  (role: string, replicasKey?: string): Extract =>
  (root, kindNode) => {
    const spec = root.map('spec');
    const replicas = replicasKey ? (spec?.integer(replicasKey) ?? 1) : undefined;
    const pod = podView(spec?.map('template')?.map('spec'), role, kindNode, replicas, replicasKey ? spec?.scalar(replicasKey) : undefined);
    return pod ? [pod] : [];
  };

function jobPods(job: YamlMap | undefined, kindNode: ScalarNode): PodView[] {
  const pod = podView(job?.map('template')?.map('spec'), 'job', kindNode, jobPodsAtOnce(job), job?.scalar('parallelism'));
  return pod ? [pod] : [];
}

export const KUBERNETES_KINDS: Record<string, Extract> = {
  Pod: (root, kindNode) => {
    const pod = podView(root.map('spec'), 'pod', kindNode, 1);
    return pod ? [pod] : [];
  },
  Job: (root, kindNode) => jobPods(root.map('spec'), kindNode),
  CronJob: (root, kindNode) => jobPods(root.map('spec')?.map('jobTemplate')?.map('spec'), kindNode),
  Deployment: templated('pod', 'replicas'),
  StatefulSet: templated('pod', 'replicas'),
  ReplicaSet: templated('pod', 'replicas'),
  // One pod per node: no replica count to read.
  DaemonSet: templated('pod'),
};
