// Volcano Job (and the JobTemplate a JobFlow makes Jobs from, the same spec): tasks, each
// `replicas` pods of one template.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

export function volcanoJobPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  return (root.map('spec')?.maps('tasks') ?? []).flatMap((task) => {
    const pod = podView(
      task.map('template')?.map('spec'),
      task.string('name') ?? 'task',
      task.scalar('name') ?? kindNode,
      task.integer('replicas') ?? 1,
      task.scalar('replicas'),
    );
    return pod ? [pod] : [];
  });
}
