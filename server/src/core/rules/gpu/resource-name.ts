// A GPU asked for under a name no device plugin advertises: without a domain the API server
// rejects it; a misspelt vendor name or MIG profile is accepted, matches no node and leaves the
// pod Pending for good.
import { containerLabel } from '../../workloads/container-label';
import { gpuNameProblem, type GpuNameProblem } from '../../workloads/gpu-names';
import type { ResourceQuantity } from '../../workloads';
import { defineRule } from '../rule';
import { replaceSpan } from '../yaml-edits';

function problemText(name: string, where: string, problem: GpuNameProblem): string {
  switch (problem.kind) {
    case 'no-domain':
      return (
        `${name} in ${where} is not a resource Kubernetes knows: a name without a domain must be a standard ` +
        `one (cpu, memory, ephemeral-storage, hugepages-<size>), so the API server rejects the pod.`
      );
    case 'unknown':
      // A qualified name's domain is a lowercase DNS subdomain; the part after it may have capitals.
      if (/[A-Z]/.test(name.slice(0, Math.max(name.indexOf('/'), 0))))
        return `${name} in ${where} is not a valid resource name: its domain must be lowercase, so the API server rejects the pod.`;
      return `${name} in ${where} is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending.`;
    case 'mig-form':
      return (
        `${name} in ${where} is not a MIG resource: the device plugin names MIG slices nvidia.com/mig-<compute>g.<memory>gb ` +
        `(such as nvidia.com/mig-1g.10gb), so no node offers it and the pod stays Pending.`
      );
    case 'mig-profile':
      return (
        `${name} in ${where} names a MIG profile no known GPU offers, ${problem.profile}: unless your GPU ` +
        `is newer than the list, no node advertises it and the pod stays Pending.`
      );
  }
}

function advice(problem: GpuNameProblem): string {
  if (problem.kind === 'mig-profile') {
    const alternatives = problem.alternatives.map((alternative) => `${alternative.profile} (${alternative.gpus.join(', ')})`);
    const listed = alternatives.length
      ? `Profiles with ${problem.profile.slice(0, problem.profile.indexOf('g'))} compute slices: ${alternatives.join(', ')}; `
      : '';
    return `${listed}nvidia-smi mig -lgip lists the profiles of your GPU.`;
  }
  if (problem.suggestion) return `Did you mean ${problem.suggestion}?`;
  return problem.kind === 'no-domain'
    ? 'Name the GPU with its vendor domain, such as nvidia.com/gpu.'
    : 'Use the name the device plugin advertises, such as nvidia.com/gpu.';
}

export const gpuResourceName = defineRule({
  id: 'gpu/resource-name',
  severity: 'error',
  description: 'A GPU resource name no device plugin advertises (gpu, nvidia.com/gpus, a MIG profile no GPU offers).',
  docs: {
    why:
      'A GPU is asked for by the exact name its device plugin advertises on the nodes: `nvidia.com/gpu`, ' +
      '`amd.com/gpu`, `gpu.intel.com/i915`, a MIG slice `nvidia.com/mig-<compute>g.<memory>gb` under the ' +
      '`mixed` MIG strategy, or `nvidia.com/gpu.shared` for time-sliced or MPS shares. A name without a ' +
      'domain (`gpu`) is not a standard resource and the API server rejects the pod. A misspelt name (`nvidia.com/gpus`, ' +
      '`nvidia/gpu`, `nvidia.com/GPU`) or a MIG profile no GPU has (`nvidia.com/mig-3g.30gb`) is a valid ' +
      'extended resource that no node offers: the pod is accepted and stays Pending with `Insufficient nvidia.com/gpus`, ' +
      'and the cluster autoscaler never finds a node group for it (a capitalised domain, `NVIDIA.com/gpu`, ' +
      'is not a valid name and is rejected). The rule looks at names that say `gpu` or `mig` with no domain, ' +
      "a GPU vendor's domain or a near miss of one (`nvidia`, `nvida.com`, `amd`); names under other domains " +
      'belong to other device plugins (`aliyun.com/gpu-mem`, `volcano.sh/vgpu-number`) and are left alone, ' +
      'like every other extended resource.',
    fix:
      'Use the name the device plugin advertises. The quick fix changes the name to the near one (in the ' +
      'requests and limits of the container). A MIG profile depends on the GPU model — A100 40GB: 1g.5gb, ' +
      '2g.10gb, 3g.20gb, 4g.20gb, 7g.40gb; A100 80GB and H100 80GB: 1g.10gb, 1g.20gb, 2g.20gb, 3g.40gb, ' +
      '4g.40gb, 7g.80gb; H200: 1g.18gb, 1g.35gb, 2g.35gb, 3g.71gb, 4g.71gb, 7g.141gb — so the rule lists ' +
      'the candidates instead of choosing one; `nvidia-smi mig -lgip` on the node lists its profiles. A ' +
      'well-formed profile that no GPU the rule knows offers is a warning, since newer GPUs bring new profiles.',
    source:
      'Kubernetes API validation (`validateContainerResourceName` in pkg/apis/core/validation: a name without ' +
      'a domain "must be a standard resource for containers"); kubernetes.io › Schedule GPUs (vendor resource ' +
      'names); NVIDIA k8s-device-plugin README (MIG strategy `mixed`: `nvidia.com/mig-<slice_count>g.<memory_size>gb`; ' +
      '`renameByDefault` sharing: `nvidia.com/gpu.shared`); NVIDIA MIG User Guide, "Supported MIG Profiles".',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpus: 8
#                 ^^^^^^^^^^^^^^^ error[gpu/resource-name]: nvidia.com/gpus in container pytorch is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending. Did you mean nvidia.com/gpu?`,
    valid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 8
                  rdma/hca: 1`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const { requests, limits } = container.resources;
        for (const quantity of container.resources.all) {
          const problem = gpuNameProblem(quantity.name);
          if (!problem) continue;
          const fixes = [];
          if (problem.kind !== 'mig-profile' && problem.suggestion) {
            const target = problem.suggestion;
            // Every key of this name in the container's requests and limits, unless the near name is already
            // there (a rename would duplicate it).
            const rename = (list: ResourceQuantity[]) =>
              list.some((other) => other.name === target) ? [] : list.filter((other) => other.name === quantity.name);
            const same = [...rename(requests), ...rename(limits)];
            if (same.includes(quantity))
              fixes.push({
                title: `Change to ${target}`,
                edits: same.map((other) => replaceSpan(other.entry.key, target)),
                preferred: true,
              });
          }
          // A profile may be offered by a GPU newer than the list: a warning, where a malformed name is an error.
          const severity = problem.kind === 'mig-profile' ? 'warning' : undefined;
          context.report(
            quantity.entry.key,
            `${problemText(quantity.name, containerLabel(workload, pod, container), problem)} ${advice(problem)}`,
            { fixes, severity },
          );
        }
      }
    }
  },
});
