// Which kinds are workloads and how each reduces to the workload view: a table by API group
// and kind, so that supporting a kind is one line here and its extractor.
import type { YamlNode } from './nodes';
import { WORKFLOW_SPEC, workflowSpecPods } from './kinds/argo';
import { jobSetPods } from './kinds/jobset';
import { REPLICA_SPECS, replicaSpecPods } from './kinds/kubeflow';
import { knativeRevisionPods } from './kinds/knative';
import { KUBERNETES_KINDS } from './kinds/kubernetes';
import { kueueWorkloadPods } from './kinds/kueue';
import { inferenceServicePods } from './kinds/kserve';
import { llmInferenceServicePods } from './kinds/kserve-llm';
import { leaderWorkerSetPods } from './kinds/leader-worker-set';
import { nimPipelinePods, nimServicePods } from './kinds/nim';
import { notebookPods } from './kinds/notebook';
import { RAY_CLUSTER_SPEC, rayClusterSpecPods, rayJobSpecPods } from './kinds/ray';
import { SPARK_APPLICATION_SPEC, sparkApplicationPods } from './kinds/spark';
import { trainJobPods } from './kinds/trainer';
import { volcanoJobPods } from './kinds/volcano';
import type { PodView, WorkloadView } from './workload';
import { asMap, type YamlMap } from './yaml-map';
import type { ScalarNode } from './nodes';

type Extract = (root: YamlMap, kindNode: ScalarNode) => PodView[];

/** Extractors by `group/kind`; the core group is '' and `apps`/`batch` hold the controllers. */
const EXTRACTORS: Record<string, Extract> = {
  '/Pod': KUBERNETES_KINDS.Pod,
  'batch/Job': KUBERNETES_KINDS.Job,
  'batch/CronJob': KUBERNETES_KINDS.CronJob,
  'apps/Deployment': KUBERNETES_KINDS.Deployment,
  'apps/StatefulSet': KUBERNETES_KINDS.StatefulSet,
  'apps/ReplicaSet': KUBERNETES_KINDS.ReplicaSet,
  'apps/DaemonSet': KUBERNETES_KINDS.DaemonSet,
  ...Object.fromEntries(Object.entries(REPLICA_SPECS).map(([kind, key]) => [`kubeflow.org/${kind}`, replicaSpecPods(key)])),
  'trainer.kubeflow.org/TrainJob': trainJobPods,
  'jobset.x-k8s.io/JobSet': jobSetPods,
  'batch.volcano.sh/Job': volcanoJobPods,
  'flow.volcano.sh/JobTemplate': volcanoJobPods,
  'ray.io/RayCluster': (root, kindNode) => rayClusterSpecPods(RAY_CLUSTER_SPEC.RayCluster(root), kindNode),
  'ray.io/RayJob': (root, kindNode) => rayJobSpecPods(root.map('spec'), kindNode),
  'ray.io/RayService': (root, kindNode) => rayClusterSpecPods(RAY_CLUSTER_SPEC.RayService(root), kindNode),
  'ray.io/RayCronJob': (root, kindNode) => rayJobSpecPods(root.map('spec')?.map('jobTemplate'), kindNode),
  'leaderworkerset.x-k8s.io/LeaderWorkerSet': leaderWorkerSetPods,
  'serving.kserve.io/InferenceService': inferenceServicePods,
  'serving.kserve.io/LLMInferenceService': llmInferenceServicePods,
  'kueue.x-k8s.io/Workload': kueueWorkloadPods,
  ...Object.fromEntries(
    Object.entries(SPARK_APPLICATION_SPEC).map(([kind, spec]) => [
      `sparkoperator.k8s.io/${kind}`,
      (root: YamlMap, kindNode: ScalarNode) => sparkApplicationPods(spec(root), kindNode),
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(WORKFLOW_SPEC).map(([kind, spec]) => [
      `argoproj.io/${kind}`,
      (root: YamlMap, kindNode: ScalarNode) => workflowSpecPods(spec(root), kindNode),
    ]),
  ),
  'apps.nvidia.com/NIMService': nimServicePods,
  'apps.nvidia.com/NIMPipeline': nimPipelinePods,
  'kubeflow.org/Notebook': notebookPods,
  'serving.knative.dev/Service': knativeRevisionPods,
  'serving.knative.dev/Configuration': knativeRevisionPods,
};

/** Views by document root: the rules, the CodeLens and the hover read the same document's. */
const views = new WeakMap<YamlNode, WorkloadView | null>();

/** The workload a manifest describes, or undefined when it is not a workload kind. */
export function workloadOf(root: YamlNode | null): WorkloadView | undefined {
  if (!root) return undefined;
  let view = views.get(root);
  if (view === undefined) {
    view = extractWorkload(root) ?? null;
    views.set(root, view);
  }
  return view ?? undefined;
}

function extractWorkload(root: YamlNode): WorkloadView | undefined {
  const map = asMap(root);
  const kindNode = map?.scalar('kind');
  const apiVersion = map?.string('apiVersion');
  if (!map || !kindNode || typeof kindNode.value !== 'string' || !apiVersion) return undefined;
  return viewOf(map, apiVersion, kindNode);
}

function viewOf(map: YamlMap, apiVersion: string, kindNode: ScalarNode): WorkloadView | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const groupKind = `${group}/${String(kindNode.value)}`;
  const extract = EXTRACTORS[groupKind];
  if (!extract) return undefined;
  return {
    apiVersion,
    kind: String(kindNode.value),
    groupKind,
    kindNode,
    name: map.map('metadata')?.string('name'),
    root: map,
    pods: extract(map, kindNode),
  };
}

/**
 * The workload of an object whose type is known from elsewhere: the items of a list the API
 * server returns carry no `apiVersion` and `kind`. Undefined when the kind is not a workload.
 */
export function workloadOfType(root: YamlNode | null, apiVersion: string, kind: string): WorkloadView | undefined {
  const map = asMap(root);
  if (!map) return undefined;
  const kindNode = map.scalar('kind') ?? { kind: 'scalar', value: kind, quoted: false, start: 0, end: 0 };
  return viewOf(map, apiVersion, kindNode);
}

/** Every `group/kind` with an extractor, for tests and documentation. */
export const WORKLOAD_KINDS = Object.keys(EXTRACTORS);

/** Every workload kind but the ones named (`group/kind`): a rule's `kinds` when a few kinds do the work themselves. */
export function workloadKindsExcept(excluded: readonly string[]): string[] {
  return WORKLOAD_KINDS.filter((groupKind) => !excluded.includes(groupKind));
}
