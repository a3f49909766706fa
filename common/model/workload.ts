// The one view every GPU rule reads: a workload's pods by role, each with its replica count,
// its pod spec and containers with their GPU resources, launcher, env and volumes. Each kind
// (Job, PyTorchJob, RayCluster, JobSet, …) is reduced to it by its own extractor, so a rule
// written once serves every kind.
import type { MapEntry, ScalarNode } from './nodes';
import type { YamlMap } from './yaml-map';

/** A resource quantity as written under requests or limits. */
export interface ResourceQuantity {
  entry: MapEntry;
  /** The key, e.g. `nvidia.com/gpu`. */
  name: string;
  /** The value node; undefined when the key has no value. */
  value?: ScalarNode;
}

export interface Resources {
  /** The `resources` map itself, when written. */
  node?: YamlMap;
  /** The map holding `resources`, where a fix adds one. */
  owner: YamlMap;
  /** The key of the resources in `owner`: `resources`, or `resourcesPerNode` in a TrainJob's trainer. */
  key: string;
  requests: ResourceQuantity[];
  limits: ResourceQuantity[];
  /** The requests, then the limits: what rules about every quantity read. */
  all: ResourceQuantity[];
  requestsNode?: YamlMap;
  limitsNode?: YamlMap;
}

export interface EnvVar {
  name: string;
  nameNode: ScalarNode;
  /** The literal value; undefined for `valueFrom` or no value. */
  value?: ScalarNode;
  node: YamlMap;
}

export interface ContainerView {
  node: YamlMap;
  name?: string;
  nameNode?: ScalarNode;
  image?: ScalarNode;
  command: ScalarNode[];
  args: ScalarNode[];
  env: EnvVar[];
  resources: Resources;
  init: boolean;
  /** An init container with `restartPolicy: Always`: a sidecar that runs beside the app containers. */
  sidecar: boolean;
}

/** One role's pods: a replica spec, a worker group, a task, the leader… */
export interface PodView {
  /** As the kind names it: `Master`, `Worker`, `head`, the worker group's name, `leader`, `pod`. */
  role: string;
  /** Where the role is named, for findings about the role as a whole. */
  roleNode: ScalarNode;
  /** How many pods of this role run (after the kind's defaults), when known. */
  replicas?: number;
  replicasNode?: ScalarNode;
  /** The PodSpec map (`template.spec` in most kinds). */
  spec: YamlMap;
  /**
   * More maps of pod fields that the operator merges into the pod, read after `spec` (which wins where
   * both say the same): an Argo workflow's template defaults and workflow-wide tolerations, node
   * selector, affinity and volumes; a Spark role's pod template spec and its application's node selector
   * and volumes.
   */
  mergedSpecs?: YamlMap[];
  containers: ContainerView[];
  initContainers: ContainerView[];
  /** The init containers, then the containers: what rules about every container read. */
  allContainers: ContainerView[];
}

export interface WorkloadView {
  apiVersion: string;
  kind: string;
  /** API group and kind, as rules name the kinds they check: `kubeflow.org/PyTorchJob`, `batch/Job`, `/Pod`. */
  groupKind: string;
  kindNode: ScalarNode;
  name?: string;
  root: YamlMap;
  pods: PodView[];
}
