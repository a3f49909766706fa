// The Kubernetes resources the cluster views read: where each is served (group, versions to try,
// plural), what the views call it, and the API paths for it. Pure data and path arithmetic.

export type Category = 'training' | 'inference' | 'pods' | 'nodes' | 'namespaces';

export interface ResourceType {
  /** `group/plural`, as in `kubeflow.org/pytorchjobs`; `/pods` for the core group. */
  key: string;
  kind: string;
  /** What the tree calls the kind: `Volcano Job` and `Job` are both kind Job. */
  label: string;
  group: string;
  /** Versions in order of preference; discovery picks the first one the cluster serves. */
  versions: string[];
  plural: string;
  namespaced: boolean;
  category: Category;
}

function type(
  kind: string,
  label: string,
  group: string,
  versions: string[],
  plural: string,
  category: Category,
  namespaced = true,
): ResourceType {
  return { key: `${group}/${plural}`, kind, label, group, versions, plural, namespaced, category };
}

/** The training kinds, in the order the tree lists their groups. */
export const TRAINING_TYPES: readonly ResourceType[] = [
  type('PyTorchJob', 'PyTorchJob', 'kubeflow.org', ['v1'], 'pytorchjobs', 'training'),
  type('TFJob', 'TFJob', 'kubeflow.org', ['v1'], 'tfjobs', 'training'),
  type('MPIJob', 'MPIJob', 'kubeflow.org', ['v2beta1', 'v1'], 'mpijobs', 'training'),
  type('XGBoostJob', 'XGBoostJob', 'kubeflow.org', ['v1'], 'xgboostjobs', 'training'),
  type('PaddleJob', 'PaddleJob', 'kubeflow.org', ['v1'], 'paddlejobs', 'training'),
  type('JAXJob', 'JAXJob', 'kubeflow.org', ['v1'], 'jaxjobs', 'training'),
  type('TrainJob', 'TrainJob', 'trainer.kubeflow.org', ['v1alpha1'], 'trainjobs', 'training'),
  type('JobSet', 'JobSet', 'jobset.x-k8s.io', ['v1alpha2'], 'jobsets', 'training'),
  type('Job', 'Volcano Job', 'batch.volcano.sh', ['v1alpha1'], 'jobs', 'training'),
  type('RayJob', 'RayJob', 'ray.io', ['v1'], 'rayjobs', 'training'),
  type('RayCluster', 'RayCluster', 'ray.io', ['v1'], 'rayclusters', 'training'),
  type('LeaderWorkerSet', 'LeaderWorkerSet', 'leaderworkerset.x-k8s.io', ['v1'], 'leaderworkersets', 'training'),
  type('Job', 'Job', 'batch', ['v1'], 'jobs', 'training'),
];

export const INFERENCE_TYPES: readonly ResourceType[] = [
  type('InferenceService', 'InferenceService', 'serving.kserve.io', ['v1beta1'], 'inferenceservices', 'inference'),
  type('Deployment', 'Deployment', 'apps', ['v1'], 'deployments', 'inference'),
];

export const POD_TYPE = type('Pod', 'Pod', '', ['v1'], 'pods', 'pods');
export const NODE_TYPE = type('Node', 'Node', '', ['v1'], 'nodes', 'nodes', false);
export const NAMESPACE_TYPE = type('Namespace', 'Namespace', '', ['v1'], 'namespaces', 'namespaces', false);

export const ALL_TYPES: readonly ResourceType[] = [...TRAINING_TYPES, ...INFERENCE_TYPES, POD_TYPE, NODE_TYPE, NAMESPACE_TYPE];

const BY_KEY = new Map(ALL_TYPES.map((t) => [t.key, t]));

export function typeByKey(key: string): ResourceType | undefined {
  return BY_KEY.get(key);
}

/** The type of an object's apiVersion and kind (`batch.volcano.sh/v1alpha1` Job is the Volcano one). */
export function typeOf(apiVersion: string, kind: string): ResourceType | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return ALL_TYPES.find((t) => t.group === group && t.kind === kind);
}

export function apiVersionOf(type: ResourceType, version: string): string {
  return type.group ? `${type.group}/${version}` : version;
}

/** `/api/v1/namespaces/ns/pods`, `/apis/kubeflow.org/v1/namespaces/ns/pytorchjobs/name`, `/api/v1/nodes`. */
export function resourcePath(type: ResourceType, version: string, namespace?: string, name?: string): string {
  const base = type.group ? `/apis/${type.group}/${version}` : `/api/${version}`;
  const scope = type.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${scope}/${type.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
}
