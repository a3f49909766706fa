// NVIDIA NIM Operator: a NIMService runs its NIM container in a Deployment of `replicas` pods (or,
// with `scale.enabled`, the HPA's `scale.hpa.minReplicas`; 1 when left out), or, when `multiNode`
// sets a pipeline parallelism above 1, in a LeaderWorkerSet of groups of that many pods: a leader
// and workers, each with the service's resources. On the KServe platform (`inferencePlatform:
// kserve`) the operator passes the same count as the InferenceService's minReplicas in
// KServe's standard mode (its serverless mode, which the cluster's KServe configuration may pick,
// is not told apart). The spec is both pod and container: its node selector, tolerations and
// affinity are the pods', its image, command, env and resources the NIM container's, beside the
// init and sidecar containers it lists. A NIMPipeline runs a NIMService of each of its `services`
// set `enabled: true`.
import type { ScalarNode } from '../nodes';
import { containerView, podOf } from '../pod-spec';
import type { ContainerView, PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** NIMService and NIMPipeline, as rules name them. */
export const NIM_KINDS = ['apps.nvidia.com/NIMService', 'apps.nvidia.com/NIMPipeline'];

/**
 * A NIM image as the operator runs it, `repository:tag`, on the repository's place in the text; the
 * value as written when `image` is not a map.
 */
export function nimImage(owner: YamlMap): ScalarNode | undefined {
  const image = owner.map('image');
  if (!image) return owner.scalar('image');
  const repository = image.scalar('repository');
  const tag = image.string('tag');
  if (!repository || typeof repository.value !== 'string' || !tag) return repository;
  return { ...repository, value: `${repository.value}:${tag}` };
}

/** A container of the spec (the NIM container, an init container or a sidecar), with its image read from the map. */
function nimContainer(node: YamlMap, init: boolean, name?: string): ContainerView {
  return { ...containerView(node, init, 'resources', name), image: nimImage(node) };
}

/** Pods per group in multi-node mode (the pipeline parallelism), or undefined when the service runs in a Deployment. */
function groupSize(spec: YamlMap): number | undefined {
  const pipeline = spec.map('multiNode')?.map('parallelism')?.integer('pipeline') ?? 0;
  return pipeline > 1 ? pipeline : undefined;
}

/**
 * The pods of one NIMService spec, named `name` (the NIMService's, or the pipeline entry's). `role`
 * prefixes the roles of a pipeline's service; the service's own pods are `NIM`, or `leader` and `worker`.
 */
export function nimServiceSpecPods(spec: YamlMap | undefined, name: string | undefined, roleNode: ScalarNode, role?: string): PodView[] {
  if (!spec) return [];
  const scale = spec.map('scale');
  const autoscaled = scale?.boolean('enabled') === true;
  const replicasNode = autoscaled ? scale?.map('hpa')?.scalar('minReplicas') : spec.scalar('replicas');
  const replicas = (autoscaled ? scale?.map('hpa')?.integer('minReplicas') : spec.integer('replicas')) ?? 1;
  const size = groupSize(spec);
  const named = (own: string) => (role ? `${role}-${own}` : own);
  const pod = (podRole: string, containerName: string | undefined, count: number, node: ScalarNode, countNode?: ScalarNode) =>
    podOf({
      role: podRole,
      roleNode: node,
      replicas: count,
      replicasNode: countNode,
      spec,
      containers: [nimContainer(spec, false, containerName), ...spec.maps('sidecarContainers').map((c) => nimContainer(c, false))],
      initContainers: spec.maps('initContainers').map((container) => nimContainer(container, true)),
    });
  if (size === undefined) return [pod(role ?? 'NIM', name && `${name}-ctr`, replicas, roleNode, replicasNode)];
  const multiNode = spec.entry('multiNode')?.key ?? roleNode;
  return [
    pod(named('leader'), 'nim-leader', replicas, multiNode, replicasNode),
    pod(named('worker'), 'nim-worker', replicas * (size - 1), multiNode, spec.map('multiNode')?.map('parallelism')?.scalar('pipeline')),
  ];
}

export function nimServicePods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  return nimServiceSpecPods(root.map('spec'), root.map('metadata')?.string('name'), kindNode);
}

/** The NIMServices a NIMPipeline runs: only the entries with `enabled: true`, each named by its entry. */
export function nimPipelinePods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  return (root.map('spec')?.maps('services') ?? [])
    .filter((service) => service.boolean('enabled') === true)
    .flatMap((service) => {
      const name = service.string('name');
      return nimServiceSpecPods(service.map('spec'), name, service.scalar('name') ?? kindNode, name ?? 'service');
    });
}
