// Under the device plugin's `mixed` MIG strategy, whole GPUs and each MIG profile are separate
// resources. One container asking for whole GPUs and MIG slices, or for two profiles, fits only
// a node that has both, and a CUDA process sees a single MIG device, so it cannot use them together.
import { containerLabel } from '../../workloads/container-label';
import { migProfile } from '../../workloads/gpu-names';
import { quantityValue } from '../../workloads';
import type { ResourceQuantity } from '../../workloads';
import { defineRule } from '../rule';

/** The kind of NVIDIA device a resource hands out: `gpu` (a GPU without MIG, whole or shared) or a MIG profile (whole or shared). */
function deviceKind(name: string): string | undefined {
  const profile = migProfile(name);
  if (profile) return `mig ${profile}`;
  return name === 'nvidia.com/gpu' || name.startsWith('nvidia.com/gpu.') ? 'gpu' : undefined;
}

export const gpuMigMixed = defineRule({
  id: 'gpu/mig-mixed',
  severity: 'warning',
  description: 'One container asks for whole GPUs and MIG slices, or for two MIG profiles.',
  docs: {
    why:
      'With the `mixed` MIG strategy the NVIDIA device plugin advertises whole GPUs as `nvidia.com/gpu` ' +
      'and each MIG profile as a resource of its own (`nvidia.com/mig-1g.10gb`, `nvidia.com/mig-3g.40gb`). ' +
      'The API server accepts a container asking for several of them, and the scheduler places it only on ' +
      'a node that has all of them free at once — a node whose GPUs are partitioned just so, or none, and ' +
      'then the pod stays Pending. Where it does run, the container gets devices that do not work together: ' +
      'a CUDA process enumerates a single MIG device, so one process (a training loop, one inference server) ' +
      'cannot use a MIG slice together with another slice or a whole GPU. It is a warning, not an error, ' +
      'because it is not rejected and a container whose processes each pin one device (`CUDA_VISIBLE_DEVICES` ' +
      'per process) can use the mix.',
    fix:
      'Ask for one kind of device per container: whole GPUs, or slices of one MIG profile — a larger profile ' +
      '(`3g.40gb` rather than `1g.10gb` + `2g.20gb`) for more memory and compute. Work that needs several ' +
      'devices of different kinds goes in separate containers or pods.',
    source:
      'NVIDIA k8s-device-plugin README, "MIG strategies" (`mixed`: a resource per MIG profile alongside ' +
      '`nvidia.com/gpu`); NVIDIA MIG User Guide, "CUDA Device Enumeration" (a CUDA process can only enumerate ' +
      'a single MIG device) and "Supported MIG Profiles".',
    invalid: `apiVersion: batch/v1
kind: Job
metadata:
  name: eval
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: eval
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/mig-1g.10gb: 1
              nvidia.com/mig-2g.20gb: 1
#             ^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/mig-mixed]: nvidia.com/mig-2g.20gb is asked for with nvidia.com/mig-1g.10gb in container eval: under the mixed MIG strategy each profile is a separate resource, so the pod fits only a node partitioned into both, and a CUDA process sees a single MIG device, so one process cannot use them together. Ask for slices of one profile, a larger one for more memory and compute.`,
    valid: `apiVersion: batch/v1
kind: Job
metadata:
  name: eval
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: eval
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/mig-3g.40gb: 1`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        // One entry per name, the limit rather than the request (the device plugin allocates limits); zero asks for nothing.
        const byName = new Map<string, ResourceQuantity>();
        for (const quantity of container.resources.all) {
          if (deviceKind(quantity.name) && quantityValue(quantity) !== 0) byName.set(quantity.name, quantity);
        }
        const asked = [...byName.values()].sort((a, b) => a.entry.key.start - b.entry.key.start);
        const first = asked[0];
        if (!first) continue;
        const firstKind = deviceKind(first.name)!;
        for (const quantity of asked) {
          const kind = deviceKind(quantity.name)!;
          if (kind === firstKind) continue;
          const where = containerLabel(workload, pod, container);
          const message =
            kind === 'gpu' || firstKind === 'gpu'
              ? `${quantity.name} is asked for with ${first.name} in ${where}: under the mixed MIG strategy GPUs ` +
                `without MIG and MIG slices are separate resources, so the pod fits only a node that has both, and ` +
                `a CUDA process sees a single MIG device, so one process cannot use them together. Ask for one kind: ` +
                `whole GPUs, or slices of one MIG profile.`
              : `${quantity.name} is asked for with ${first.name} in ${where}: under the mixed MIG strategy each ` +
                `profile is a separate resource, so the pod fits only a node partitioned into both, and a CUDA process ` +
                `sees a single MIG device, so one process cannot use them together. Ask for slices of one profile, ` +
                `a larger one for more memory and compute.`;
          context.report(quantity.entry.key, message);
        }
      }
    }
  },
});
