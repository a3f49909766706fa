// A shared GPU (time-sliced or MPS, advertised as `nvidia.com/gpu.shared` with `renameByDefault`)
// is a replica of one physical GPU: two of them give no more memory or compute than one, and the
// device plugin refuses them outright with `failRequestsGreaterThanOne`.
import { containerLabel } from '../../workloads/container-label';
import { isSharedGpuResource } from '../../workloads/gpu-names';
import { quantityText, quantityValue } from '../../workloads';
import { defineRule } from '../rule';
import { replaceSpan } from '../yaml-edits';

export const gpuSharedCount = defineRule({
  id: 'gpu/shared-count',
  severity: 'warning',
  description: 'More than 1 of a shared (time-sliced or MPS) GPU such as nvidia.com/gpu.shared.',
  docs: {
    why:
      'When the NVIDIA device plugin shares GPUs by time-slicing or MPS with `renameByDefault`, it advertises ' +
      'each GPU as several replicas of `nvidia.com/gpu.shared` (`nvidia.com/mig-<profile>.shared` for MIG ' +
      'slices). A time-sliced replica is a turn on a GPU, not a part of its memory or compute: two replicas ' +
      'may be two turns on the same GPU and give no more memory, no more compute and no isolation from the ' +
      'other pods on it. Under MPS, and with time-slicing when `failRequestsGreaterThanOne` is set, the ' +
      'device plugin refuses a request for more than one replica and the pod fails at admission on the node ' +
      '(`UnexpectedAdmissionError`).',
    fix:
      'Ask for 1 shared GPU. For more memory or compute, ask for whole GPUs (`nvidia.com/gpu`) or a larger ' +
      'MIG slice. The quick fix sets the count to 1 in the requests and limits of the container.',
    source:
      'NVIDIA k8s-device-plugin README, "Shared Access to GPUs" (time-slicing and MPS: `replicas`, `renameByDefault`, ' +
      '`failRequestsGreaterThanOne`: "requesting more than one shared GPU does not guarantee that you will ' +
      'get access to a proportional amount of compute power").',
    invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: notebook
spec:
  replicas: 4
  selector:
    matchLabels: { app: notebook }
  template:
    metadata:
      labels: { app: notebook }
    spec:
      containers:
        - name: jupyter
          image: quay.io/jupyter/pytorch-notebook:cuda12-latest
          resources:
            limits:
              nvidia.com/gpu.shared: 2
#                                    ^ warning[gpu/shared-count]: nvidia.com/gpu.shared: 2 in container jupyter asks for more than one share of a GPU: a time-sliced share is a turn on a GPU, so 2 shares give no more memory or compute than 1, and the device plugin refuses more than 1 under MPS or with failRequestsGreaterThanOne. Ask for 1; for more, ask for whole GPUs (nvidia.com/gpu).`,
    valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: notebook
spec:
  replicas: 4
  selector:
    matchLabels: { app: notebook }
  template:
    metadata:
      labels: { app: notebook }
    spec:
      containers:
        - name: jupyter
          image: quay.io/jupyter/pytorch-notebook:cuda12-latest
          resources:
            limits:
              nvidia.com/gpu.shared: 1`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const all = container.resources.all;
        for (const quantity of all) {
          const value = quantityValue(quantity);
          if (!isSharedGpuResource(quantity.name) || !quantity.value || value === undefined || value <= 1) continue;
          // The request and the limit together, so that they stay equal.
          const edits = all
            .filter((other) => other.name === quantity.name && other.value && quantityValue(other) !== 1)
            .map((other) => replaceSpan(other.value!, '1'));
          context.report(
            quantity.value,
            `${quantity.name}: ${quantityText(context.text, quantity)} in ${containerLabel(workload, pod, container)} ` +
              `asks for more than one share of a GPU: a time-sliced share is a turn on a GPU, so ${quantityText(context.text, quantity)} ` +
              `shares give no more memory or compute than 1, and the device plugin refuses more than 1 under MPS ` +
              `or with failRequestsGreaterThanOne. Ask for 1; for more, ask for whole GPUs (nvidia.com/gpu).`,
            { fixes: [{ title: 'Set to 1', edits, preferred: true }] },
          );
        }
      }
    }
  },
});
