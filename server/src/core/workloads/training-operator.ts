// What the Kubeflow Training Operator (v1) expects of the jobs it runs, for the rules that tell
// users what its webhooks reject: each framework's replica types and the name of the container
// it treats as the training container. Replica types match in any case, as the operator's
// defaulting rewrites `worker` to `Worker` before validating.
import type { MapEntry } from '../document';
import { REPLICA_SPECS } from './index';
import type { WorkloadView } from './index';
import type { YamlMap } from './index';

export interface TrainingFramework {
  kind: string;
  /** The replica types the operator accepts for the kind, in its own spelling. */
  replicaTypes: readonly string[];
  /** The container the operator reads (ports, exit codes) and the webhook requires in every replica. */
  container: string;
}

const FRAMEWORKS: Record<string, Omit<TrainingFramework, 'kind'>> = {
  PyTorchJob: { replicaTypes: ['Master', 'Worker'], container: 'pytorch' },
  TFJob: { replicaTypes: ['Chief', 'Master', 'PS', 'Worker', 'Evaluator'], container: 'tensorflow' },
  XGBoostJob: { replicaTypes: ['Master', 'Worker'], container: 'xgboost' },
  PaddleJob: { replicaTypes: ['Master', 'Worker'], container: 'paddle' },
  JAXJob: { replicaTypes: ['Worker'], container: 'jax' },
};

/** The Training Operator's kinds, as rules name them (`kubeflow.org/PyTorchJob`). */
export const TRAINING_OPERATOR_KINDS = Object.keys(FRAMEWORKS).map((kind) => `kubeflow.org/${kind}`);

/** The framework of a Training Operator job (not MPIJob, which has its own operator); undefined for other kinds. */
export function trainingFramework(workload: WorkloadView): TrainingFramework | undefined {
  if (!workload.apiVersion.startsWith('kubeflow.org/')) return undefined;
  const framework = FRAMEWORKS[workload.kind];
  return framework && { kind: workload.kind, ...framework };
}

/** Whether a replica type as written is `type`, as the operator reads it. */
export function isReplicaType(written: unknown, type: string): boolean {
  return typeof written === 'string' && written.toLowerCase() === type.toLowerCase();
}

/** The replica specs map of a Kubeflow job (`spec.pytorchReplicaSpecs`…), when written as a map. */
export function replicaSpecsOf(workload: WorkloadView): { entry: MapEntry; map: YamlMap } | undefined {
  const spec = workload.root.map('spec');
  const key = REPLICA_SPECS[workload.kind];
  const entry = key ? spec?.entry(key) : undefined;
  const map = key ? spec?.map(key) : undefined;
  return entry && map ? { entry, map } : undefined;
}
