// GPUs are extended resources, which Kubernetes never overcommits: a GPU request needs a limit
// (the API server rejects the pod otherwise), and the limit alone is enough (the request
// defaults to it).
import { isGpuResource } from '../../workloads';
import { defineRule } from '../rule';
import { addEntry } from '../yaml-edits';

export const gpuLimitRequired = defineRule({
  id: 'gpu/limit-required',
  severity: 'error',
  description: 'A GPU requested without a limit: the API server rejects the pod.',
  docs: {
    why:
      'Extended resources such as `nvidia.com/gpu` cannot be overcommitted, so Kubernetes requires their ' +
      'limit to be set, and to equal the request. A pod that only requests GPUs is rejected when it is created ' +
      '— for a training job, by the operator, often long after `kubectl apply` reported success.',
    fix:
      'Set the GPU under `resources.limits`. The request can then go: it defaults to the limit. The quick ' +
      'fix adds the limit with the requested count.',
    source:
      'Kubernetes API validation of container resources (`ValidateResourceRequirements`: "must be less ' +
      'than or equal to … limit" and limits required for non-overcommitable resources); kubernetes.io › ' +
      'Schedule GPUs: "GPUs are only supposed to be specified in the limits section".',
    invalid: `apiVersion: v1
kind: Pod
metadata:
  name: train
spec:
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
        requests:
          nvidia.com/gpu: 1
#         ^^^^^^^^^^^^^^ error[gpu/limit-required]: nvidia.com/gpu is requested without a limit in container trainer: Kubernetes requires a limit for GPUs and rejects the pod. Set limits: nvidia.com/gpu: 1.`,
    valid: `apiVersion: v1
kind: Pod
metadata:
  name: train
spec:
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
        limits:
          nvidia.com/gpu: 1`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const { requests, limits, limitsNode, node: resources } = container.resources;
        for (const request of requests) {
          if (!isGpuResource(request.name) || limits.some((limit) => limit.name === request.name)) continue;
          const count = request.value?.value ?? 1;
          const fix = {
            title: `Add limit ${request.name}: ${String(count)}`,
            edits: [
              limitsNode
                ? addEntry(context.text, limitsNode.node, request.name, count)
                : addEntry(context.text, resources!.node, 'limits', { [request.name]: count }),
            ],
            preferred: true,
          };
          context.report(
            request.entry.key,
            `${request.name} is requested without a limit in container ${container.name ?? '(unnamed)'}: Kubernetes ` +
              `requires a limit for GPUs and rejects the pod. Set limits: ${request.name}: ${String(count)}.`,
            { fixes: [fix] },
          );
        }
      }
    }
  },
});
