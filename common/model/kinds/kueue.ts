// Kueue Workload: the pods a queued job asks to admit, as pod sets, each `count` pods of one
// template (Kueue writes one per role of the job it stands for: master, worker, …).
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

export function kueueWorkloadPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  return (root.map('spec')?.maps('podSets') ?? []).flatMap((podSet) => {
    const pod = podView(
      podSet.map('template')?.map('spec'),
      podSet.string('name') ?? 'main',
      podSet.scalar('name') ?? kindNode,
      // `count` is required by the CRD; 1 stands in while it is being written.
      podSet.integer('count') ?? 1,
      podSet.scalar('count'),
    );
    return pod ? [pod] : [];
  });
}
