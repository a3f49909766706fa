// Spark Operator: a SparkApplication runs one driver pod and its executors; a ScheduledSparkApplication
// runs its `template`, an application spec, on a schedule. Each role's fields are both pod and
// container: its node selector, tolerations and affinity are the pod's, its image, env and volume
// mounts the Spark container's, whose resources Spark derives from cores, memory and gpu. A role's pod
// `template` adds what those fields cannot say: its first container is the base of the Spark
// container, the others run beside it.
import type { ScalarNode } from '../nodes';
import { containerView, podOf } from '../pod-spec';
import type { ContainerView, PodView } from '../workload';
import type { YamlMap } from '../yaml-map';
import { sparkResources } from './spark-resources';

/** The names Spark gives the container it runs in each role's pod. */
const SPARK_CONTAINER = { driver: 'spark-kubernetes-driver', executor: 'spark-kubernetes-executor' } as const;

/**
 * Executors at the start, as the operator counts them: `instances` (1 when left out), or with dynamic
 * allocation the largest of `instances`, `initialExecutors` and `minExecutors` (Spark adds executors
 * up to `maxExecutors` as the work needs them).
 */
export function sparkExecutors(app: YamlMap): number {
  const instances = app.map('executor')?.integer('instances');
  const dynamic = app.map('dynamicAllocation');
  if (dynamic?.boolean('enabled') !== true) return instances ?? 1;
  return Math.max(instances ?? 0, dynamic.integer('initialExecutors') ?? 0, dynamic.integer('minExecutors') ?? 0);
}

function rolePod(app: YamlMap, name: keyof typeof SPARK_CONTAINER, kindNode: ScalarNode): PodView | undefined {
  const role = app.map(name);
  if (!role) return undefined;
  const template = role.map('template')?.map('spec');
  const [base, ...beside] = template?.maps('containers') ?? [];
  const spark: ContainerView = {
    ...containerView(role, false, 'resources', SPARK_CONTAINER[name]),
    image: role.scalar('image') ?? app.scalar('image') ?? base?.scalar('image'),
    resources: sparkResources(app, role, base),
  };
  const containers = (list: YamlMap[] | undefined, init: boolean) => (list ?? []).map((node) => containerView(node, init));
  const executor = name === 'executor';
  return podOf({
    role: name,
    roleNode: app.entry(name)?.key ?? kindNode,
    replicas: executor ? sparkExecutors(app) : 1,
    replicasNode: executor ? role.scalar('instances') : undefined,
    spec: role,
    mergedSpecs: template ? [template, app] : [app],
    containers: [spark, ...containers(beside, false), ...containers(role.maps('sidecars'), false)],
    initContainers: [...containers(template?.maps('initContainers'), true), ...containers(role.maps('initContainers'), true)],
  });
}

/** The pods of an application spec: the driver, then the executors. */
export function sparkApplicationPods(app: YamlMap | undefined, kindNode: ScalarNode): PodView[] {
  if (!app) return [];
  return [rolePod(app, 'driver', kindNode), rolePod(app, 'executor', kindNode)].filter((pod): pod is PodView => pod !== undefined);
}

/** SparkApplication and ScheduledSparkApplication, as rules name them (`sparkoperator.k8s.io/SparkApplication`). */
export const SPARK_KINDS = ['sparkoperator.k8s.io/SparkApplication', 'sparkoperator.k8s.io/ScheduledSparkApplication'];

/** Where each Spark kind keeps its application spec. */
export const SPARK_APPLICATION_SPEC: Record<string, (root: YamlMap) => YamlMap | undefined> = {
  SparkApplication: (root) => root.map('spec'),
  ScheduledSparkApplication: (root) => root.map('spec')?.map('template'),
};
