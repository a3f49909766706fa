// GPUs are extended resources, which Kubernetes never overcommits: when both are written, a GPU
// request must equal its limit, or the API server rejects the pod.
import { containerLabel } from '../../workloads/container-label';
import { isGpuResource } from '../../workloads';
import { quantityText, quantityValue } from '../../workloads';
import { defineRule } from '../rule';
import { replaceSpan } from '../yaml-edits';

export const gpuRequestEqualsLimit = defineRule({
  id: 'gpu/request-equals-limit',
  severity: 'error',
  description: 'A GPU request different from its limit: the API server rejects the pod.',
  docs: {
    why:
      'Extended resources such as `nvidia.com/gpu` cannot be overcommitted: Kubernetes accepts a GPU request ' +
      'only when it equals the limit, and rejects the pod otherwise (`must be equal to nvidia.com/gpu limit`). ' +
      'The device plugin allocates the limit; a different request is never what runs. For a custom resource ' +
      'such as a PyTorchJob the rejection comes only when the operator creates the pods, after `kubectl ' +
      'apply` reported success.',
    fix:
      'Make the request equal to the limit, or remove the request: it defaults to the limit. The quick ' +
      'fix sets the request to the limit.',
    source:
      'Kubernetes API validation of container resources (`ValidateResourceRequirements` in pkg/apis/core/validation: ' +
      '"must be equal to … limit" for resources that are not overcommitable); kubernetes.io › Schedule GPUs: ' +
      '"You can specify GPU in both limits and requests but these two values must be equal".',
    invalid: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            requests:
              nvidia.com/gpu: 1
#                             ^ error[gpu/request-equals-limit]: nvidia.com/gpu is requested as 1 but limited to 2 in container trainer: Kubernetes requires a GPU request to equal its limit and rejects the pod. Set the request to 2, or remove it (it defaults to the limit).
            limits:
              nvidia.com/gpu: 2`,
    valid: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            requests:
              nvidia.com/gpu: 2
            limits:
              nvidia.com/gpu: 2`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const { requests, limits } = container.resources;
        for (const request of requests) {
          // The API server keeps the last of duplicate keys; the parser reports the duplicate.
          const limit = limits.filter((candidate) => candidate.name === request.name).at(-1);
          if (
            !isGpuResource(request.name) ||
            !limit ||
            !request.value ||
            requests.filter((other) => other.name === request.name).at(-1) !== request
          )
            continue;
          const requested = quantityValue(request);
          const limited = quantityValue(limit);
          if (requested === undefined || limited === undefined || requested === limited) continue;
          const limitText = quantityText(context.text, limit);
          const fixes =
            Number.isInteger(limited) && limited >= 0 && limit.value
              ? [
                  {
                    title: `Set request to ${limitText}`,
                    edits: [replaceSpan(request.value, context.text.slice(limit.value.start, limit.value.end))],
                    preferred: true,
                  },
                ]
              : [];
          context.report(
            request.value,
            `${request.name} is requested as ${quantityText(context.text, request)} but limited to ${limitText} ` +
              `in ${containerLabel(workload, pod, container)}: Kubernetes requires a GPU request to equal its limit ` +
              `and rejects the pod. Set the request to ${limitText}, or remove it (it defaults to the limit).`,
            { fixes },
          );
        }
      }
    }
  },
});
