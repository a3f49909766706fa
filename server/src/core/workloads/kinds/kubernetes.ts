// Kubernetes' own workload kinds: a Pod's spec, or the pod template of a controller.
import type { ScalarNode } from '../../document';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-view';

type Extract = (root: YamlMap, kindNode: ScalarNode) => PodView[];

const templated = (role: string, replicasKey?: string): Extract => (root, kindNode) => {
  const spec = root.map('spec');
  const replicas = replicasKey ? spec?.integer(replicasKey) ?? 1 : undefined;
  const pod = podView(spec?.map('template')?.map('spec'), role, kindNode, replicas, replicasKey ? spec?.scalar(replicasKey) : undefined);
  return pod ? [pod] : [];
};

export const KUBERNETES_KINDS: Record<string, Extract> = {
  Pod: (root, kindNode) => {
    const pod = podView(root.map('spec'), 'pod', kindNode, 1);
    return pod ? [pod] : [];
  },
  // A Job runs `parallelism` pods at once (1 by default).
  Job: templated('job', 'parallelism'),
  CronJob: (root, kindNode) => {
    const job = root.map('spec')?.map('jobTemplate')?.map('spec');
    const pod = podView(job?.map('template')?.map('spec'), 'job', kindNode, job?.integer('parallelism') ?? 1, job?.scalar('parallelism'));
    return pod ? [pod] : [];
  },
  Deployment: templated('pod', 'replicas'),
  StatefulSet: templated('pod', 'replicas'),
  ReplicaSet: templated('pod', 'replicas'),
  // One pod per node: no replica count to read.
  DaemonSet: templated('pod'),
};
