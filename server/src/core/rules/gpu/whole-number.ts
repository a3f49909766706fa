// Device plugins hand out whole devices, and the API server accepts only integers for extended
// resources: half a GPU is written as a MIG slice or a shared GPU, never as `0.5`.
import { containerLabel } from '../../workloads/container-label';
import { isGpuResource } from '../../workloads';
import { isSharedGpuResource, migProfile } from '../../workloads/gpu-names';
import { quantityText, quantityValue } from '../../workloads';
import { defineRule } from '../rule';

/** What to ask for instead of a fraction of this resource. */
function instead(name: string): string {
  if (isSharedGpuResource(name)) return `Ask for 1 ${name}: a share is already a part of a GPU.`;
  if (migProfile(name)) return 'Ask for a whole number of slices, or a smaller MIG profile.';
  if (name === 'nvidia.com/gpu')
    return (
      'Ask for whole GPUs; for part of one, ask for a MIG slice (nvidia.com/mig-1g.10gb: 1) or, with time-slicing ' +
      'or MPS, a shared GPU (nvidia.com/gpu.shared: 1).'
    );
  return 'Ask for whole GPUs.';
}

export const gpuWholeNumber = defineRule({
  id: 'gpu/whole-number',
  severity: 'error',
  description: 'A fractional GPU quantity (0.5, 500m): the API server rejects it.',
  docs: {
    why:
      'GPUs are extended resources, and Kubernetes accepts only whole numbers for those (`must be an integer`): ' +
      'the device plugin hands out whole devices, so `0.5`, `500m` or `1.5` GPUs cannot be allocated and ' +
      'the pod is rejected. For a custom resource such as a PyTorchJob the rejection comes only when the ' +
      'operator creates the pods, after `kubectl apply` reported success.',
    fix:
      'Ask for a whole number of GPUs. To give a container part of a GPU, the GPU must be partitioned on ' +
      'the node: a MIG slice (`nvidia.com/mig-1g.10gb: 1` on an A100 or H100 with MIG) or a time-sliced ' +
      'or MPS share (`nvidia.com/gpu.shared: 1` when the device plugin shares GPUs with `renameByDefault`). ' +
      'There is no quick fix: rounding up or down changes what the job gets.',
    source:
      'Kubernetes API validation (`ValidateResourceQuantityValue` in pkg/apis/core/validation: extended ' +
      'resources "must be an integer"); kubernetes.io › Schedule GPUs: "Containers (and Pods) do not share ' +
      'GPUs … Each container can request one or more GPUs. It is not possible to request a fraction of a ' +
      'GPU"; NVIDIA k8s-device-plugin README (MIG strategies, time-slicing and MPS sharing).',
    invalid: `apiVersion: v1
kind: Pod
metadata:
  name: notebook
spec:
  containers:
    - name: notebook
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
        limits:
          nvidia.com/gpu: 0.5
#                         ^^^ error[gpu/whole-number]: nvidia.com/gpu: 0.5 in container notebook is not a whole number: the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. Ask for whole GPUs; for part of one, ask for a MIG slice (nvidia.com/mig-1g.10gb: 1) or, with time-slicing or MPS, a shared GPU (nvidia.com/gpu.shared: 1).`,
    valid: `apiVersion: v1
kind: Pod
metadata:
  name: notebook
spec:
  containers:
    - name: notebook
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
        limits:
          nvidia.com/mig-1g.10gb: 1`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        for (const quantity of container.resources.all) {
          const value = quantityValue(quantity);
          if (!isGpuResource(quantity.name) || !quantity.value || value === undefined || Number.isInteger(value)) continue;
          const written = quantityText(context.text, quantity);
          const shown = String(value) === written ? written : `${written} (${value})`;
          context.report(
            quantity.value,
            `${quantity.name}: ${shown} in ${containerLabel(workload, pod, container)} is not a whole number: ` +
              `the device plugin hands out whole devices, and Kubernetes rejects fractional extended resources. ` +
              `${instead(quantity.name)}`,
          );
        }
      }
    }
  },
});
