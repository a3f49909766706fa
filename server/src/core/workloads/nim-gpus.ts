// The NIM Operator gives a NIMService's NIM container GPUs of its own in two cases, whatever its
// resources say: the service claims devices through `draResources` (claims the operator creates
// and names in the container), or it picks a profile of its NIMCache (`storage.nimCache.profile`):
// for an optimized NIM the operator sets the GPU limit from the profile's tensor parallelism when
// the resources have none. Rules about a missing GPU leave that container alone.
import { NIM_KINDS } from './index';
import type { ContainerView, PodView, WorkloadView } from './index';

export function nimOperatorGpus(workload: WorkloadView, pod: PodView, container: ContainerView): boolean {
  // The NIM container is the spec itself; init and sidecar containers get no GPU from the operator.
  if (!NIM_KINDS.includes(workload.groupKind) || container.node.node !== pod.spec.node) return false;
  const claims = pod.spec.seq('draResources')?.items.length ?? 0;
  return claims > 0 || Boolean(pod.spec.map('storage')?.map('nimCache')?.string('profile'));
}
