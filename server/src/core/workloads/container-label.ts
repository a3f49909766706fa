// How a finding names a container: `container trainer`, `init container warmup`, and with its
// role when the workload has several (`container pytorch of Worker`), where the same container
// name recurs in each role.
import type { ContainerView, PodView, WorkloadView } from './index';

export function containerLabel(workload: WorkloadView, pod: PodView, container: ContainerView): string {
  const label = `${container.init ? 'init container' : 'container'} ${container.name ?? '(unnamed)'}`;
  return workload.pods.length > 1 ? `${label} of ${pod.role}` : label;
}
