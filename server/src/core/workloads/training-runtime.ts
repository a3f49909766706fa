// The runtime a TrainJob names (`spec.runtimeRef`), where the workspace has it: a
// ClusterTrainingRuntime or TrainingRuntime in the same file, or in a YAML file of the same
// folder. A TrainJob only overrides parts of its runtime, so rules about the trainer read the
// rest (the node's container and resources, numNodes, numProcPerNode) from here.
import type { YamlNode } from '../document';
import type { CoreHost } from '../host';
import { neighbourFiles } from './folder-manifests';
import { containerView } from './index';
import type { ContainerView, WorkloadView } from './index';
import { asMap, type YamlMap } from './index';

export interface TrainingRuntime {
  name: string;
  /** Where it was found: `this file` or the file's name. */
  source: string;
  /** `trainer.kubeflow.org/framework` label: torch, deepspeed, mlx, jax, xgboost… */
  framework?: string;
  numNodes?: number;
  numProcPerNode?: string | number;
  /** The trainer node's container: the `node` replicated job's container named `node` (or its first). */
  node?: ContainerView;
}

const RUNTIME_KINDS = ['ClusterTrainingRuntime', 'TrainingRuntime'];

function runtimeOf(root: YamlMap, source: string): TrainingRuntime {
  const spec = root.map('spec');
  const policy = spec?.map('mlPolicy');
  const nodeJob = spec
    ?.map('template')
    ?.map('spec')
    ?.maps('replicatedJobs')
    .find((job) => job.string('name') === 'node');
  const containers = nodeJob?.map('template')?.map('spec')?.map('template')?.map('spec')?.maps('containers') ?? [];
  const container = containers.find((candidate) => candidate.string('name') === 'node') ?? containers[0];
  const torch = policy?.map('torch');
  return {
    name: root.map('metadata')?.string('name') ?? '',
    source,
    framework: root.map('metadata')?.map('labels')?.string('trainer.kubeflow.org/framework'),
    numNodes: policy?.integer('numNodes'),
    numProcPerNode: torch?.scalar('numProcPerNode')?.value as string | number | undefined,
    node: container && containerView(container, false),
  };
}

function matching(roots: readonly (YamlNode | null)[], kinds: string[], name: string, source: string): TrainingRuntime | undefined {
  for (const root of roots) {
    const map = asMap(root);
    if (map && kinds.includes(map.string('kind') ?? '') && map.map('metadata')?.string('name') === name) return runtimeOf(map, source);
  }
  return undefined;
}

/** The TrainJob's runtime, or undefined when the workspace does not have it (it lives in the cluster). */
export function findTrainingRuntime(
  trainJob: WorkloadView,
  documents: readonly (YamlNode | null)[],
  uri: string,
  host: CoreHost,
): TrainingRuntime | undefined {
  const ref = trainJob.root.map('spec')?.map('runtimeRef');
  const name = ref?.string('name');
  if (!name) return undefined;
  const kind = ref?.string('kind');
  const kinds = kind ? [kind] : RUNTIME_KINDS;
  const here = matching(documents, kinds, name, 'this file');
  if (here) return here;
  for (const file of neighbourFiles(uri, host, /TrainingRuntime/) ?? []) {
    const found = matching(file.roots, kinds, name, file.name);
    if (found) return found;
  }
  return undefined;
}
