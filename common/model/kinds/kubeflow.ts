// Kubeflow Training Operator jobs: replica specs by role (Master, Worker, Launcher, Chief, PS…),
// each with its replica count (1 by default) and pod template.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** Where each kind keeps its replica specs. */
export const REPLICA_SPECS: Record<string, string> = {
  PyTorchJob: 'pytorchReplicaSpecs',
  TFJob: 'tfReplicaSpecs',
  MPIJob: 'mpiReplicaSpecs',
  XGBoostJob: 'xgbReplicaSpecs',
  PaddleJob: 'paddleReplicaSpecs',
  JAXJob: 'jaxReplicaSpecs',
};

export function replicaSpecPods(key: string): (root: YamlMap, kindNode: ScalarNode) => PodView[] {
  return (root) =>
    (root.map('spec')?.map(key)?.mapEntries() ?? []).flatMap(({ key: roleNode, value: replicaSpec }) => {
      const pod = podView(
        replicaSpec.map('template')?.map('spec'),
        String(roleNode.value),
        roleNode,
        replicaSpec.integer('replicas') ?? 1,
        replicaSpec.scalar('replicas'),
      );
      return pod ? [pod] : [];
    });
}
