// KServe LLMInferenceService: the vLLM pods KServe runs from its pod specs. Without `worker`,
// `template` is a Deployment's pod; with it, a LeaderWorkerSet of groups, each one leader
// (`template`, or a worker when there is none) and size - 1 workers. `prefill` runs its own pods
// the same way beside them (prefill/decode disaggregation), and `router.scheduler.template` is
// the endpoint picker's pod.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** The annotation that makes KServe delete the service's workloads while keeping the resource. */
const STOP_ANNOTATION = 'serving.kserve.io/stop';

/**
 * The pods of one LeaderWorkerSet group, as KServe sizes it from `parallelism`: data / dataLocal
 * (whole nodes of data-parallel ranks), else the pipeline stages, else LeaderWorkerSet's default, 1.
 */
function groupSize(parallelism: YamlMap | undefined): number {
  const data = parallelism?.integer('data');
  const dataLocal = parallelism?.integer('dataLocal');
  if ((data ?? 0) > 0 || (dataLocal ?? 0) > 0) return Math.max(Math.floor(Math.max(data ?? 1, 1) / Math.max(dataLocal ?? 1, 1)), 1);
  const pipeline = parallelism?.integer('pipeline') ?? 0;
  return pipeline > 0 ? pipeline : 1;
}

/**
 * The pods of the main workload (`spec`) or of the prefill one (`spec.prefill`): `replicas`, or
 * the autoscaler's `scaling.minReplicas` (1 by default; the CRD allows one or the other).
 */
function servingPods(owner: YamlMap | undefined, prefix: string | undefined, kindNode: ScalarNode, stopped: boolean): PodView[] {
  if (!owner) return [];
  const scaling = owner.map('scaling');
  const replicasNode = owner.scalar('replicas') ?? scaling?.scalar('minReplicas');
  const replicas = stopped ? 0 : (owner.integer('replicas') ?? scaling?.integer('minReplicas') ?? 1);
  const role = (name: string) => (prefix ? `${prefix}-${name}` : name);
  const template = owner.map('template');
  const templateKey = owner.entry('template')?.key ?? kindNode;
  const worker = owner.map('worker');
  if (!worker) {
    const pod = podView(template, prefix ?? 'main', templateKey, replicas, replicasNode);
    return pod ? [pod] : [];
  }
  const size = groupSize(owner.map('parallelism'));
  const workerKey = owner.entry('worker')?.key ?? kindNode;
  return [
    template ? podView(template, role('leader'), templateKey, replicas, replicasNode) : undefined,
    podView(worker, role('worker'), workerKey, replicas * (template ? size - 1 : size), replicasNode),
  ].filter((pod): pod is PodView => pod !== undefined);
}

/** The endpoint picker KServe deploys, unless the scheduler uses an InferencePool of someone else's (`pool.ref`). */
function schedulerPods(router: YamlMap | undefined, kindNode: ScalarNode, stopped: boolean): PodView[] {
  const scheduler = router?.map('scheduler');
  if (!scheduler || scheduler.map('pool')?.map('ref')?.string('name')) return [];
  const replicas = stopped ? 0 : (scheduler.integer('replicas') ?? 1);
  const pod = podView(
    scheduler.map('template'),
    'scheduler',
    scheduler.entry('template')?.key ?? kindNode,
    replicas,
    scheduler.scalar('replicas'),
  );
  return pod ? [pod] : [];
}

export function llmInferenceServicePods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  const spec = root.map('spec');
  const stopped = root.map('metadata')?.map('annotations')?.string(STOP_ANNOTATION)?.toLowerCase() === 'true';
  return [
    ...servingPods(spec, undefined, kindNode, stopped),
    ...servingPods(spec?.map('prefill'), 'prefill', kindNode, stopped),
    ...schedulerPods(spec?.map('router'), kindNode, stopped),
  ];
}
