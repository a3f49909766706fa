// LeaderWorkerSet: `replicas` groups of `size` pods, one leader (its own template, or the
// worker template when none is given) and size - 1 workers.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

export function leaderWorkerSetPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  const spec = root.map('spec');
  const groups = spec?.integer('replicas') ?? 1;
  const template = spec?.map('leaderWorkerTemplate');
  if (!template) return [];
  const size = template.integer('size') ?? 1;
  const leader = template.map('leaderTemplate');
  const leaderRole = template.entry('leaderTemplate')?.key ?? kindNode;
  const workerRole = template.entry('workerTemplate')?.key ?? kindNode;
  if (!leader) {
    const pod = podView(template.map('workerTemplate')?.map('spec'), 'worker', workerRole, groups * size, template.scalar('size'));
    return pod ? [pod] : [];
  }
  return [
    podView(leader.map('spec'), 'leader', leaderRole, groups, spec?.scalar('replicas')),
    podView(template.map('workerTemplate')?.map('spec'), 'worker', workerRole, groups * (size - 1), template.scalar('size')),
  ].filter((pod): pod is PodView => pod !== undefined);
}
