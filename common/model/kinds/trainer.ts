// Kubeflow Trainer v2 TrainJob: no pod template of its own (the runtime has it); its `trainer`
// overrides the runtime's trainer container: image, command, env, and resources per node.
import type { ScalarNode } from '../nodes';
import { containerView, podOf } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

export function trainJobPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  const spec = root.map('spec');
  const trainer = spec?.map('trainer');
  if (!trainer) return [];
  const roleNode = spec?.entry('trainer')?.key ?? kindNode;
  return [
    podOf({
      role: 'trainer',
      roleNode,
      replicas: trainer.integer('numNodes'),
      replicasNode: trainer.scalar('numNodes'),
      spec: trainer,
      containers: [containerView(trainer, false, 'resourcesPerNode', 'trainer')],
      initContainers: [],
    }),
  ];
}
