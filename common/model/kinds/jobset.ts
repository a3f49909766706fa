// JobSet: replicated jobs, each `replicas` copies of a Job running `parallelism` pods.
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import { jobPodsAtOnce } from './kubernetes';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

export function jobSetPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  return (root.map('spec')?.maps('replicatedJobs') ?? []).flatMap((replicated) => {
    const job = replicated.map('template')?.map('spec');
    const copies = replicated.integer('replicas') ?? 1;
    const pod = podView(
      job?.map('template')?.map('spec'),
      replicated.string('name') ?? 'job',
      replicated.scalar('name') ?? kindNode,
      copies * jobPodsAtOnce(job),
      replicated.scalar('replicas'),
    );
    return pod ? [pod] : [];
  });
}
