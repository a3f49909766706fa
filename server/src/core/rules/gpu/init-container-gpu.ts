// GPUs asked for by an init container beyond what the app containers use: the pod reserves the
// larger of the two for its whole life, so the difference sits idle once the init step is done.
import { containerLabel } from '../../workloads/container-label';
import { isGpuResource } from '../../workloads';
import { quantityText, quantityValue } from '../../workloads';
import type { ContainerView, ResourceQuantity } from '../../workloads';
import { defineRule } from '../rule';

/** The container's quantity of a resource as the scheduler counts it: the limit, else the request. */
function quantityOf(container: ContainerView, name: string): ResourceQuantity | undefined {
  return container.resources.limits.find((q) => q.name === name) ?? container.resources.requests.find((q) => q.name === name);
}

/**
 * How many of a resource the containers running with the app ask for; undefined when one of them writes it
 * in a way that is not a quantity.
 */
function appCount(running: ContainerView[], name: string): number | undefined {
  let sum = 0;
  for (const container of running) {
    const quantity = quantityOf(container, name);
    const value = quantity && quantityValue(quantity);
    if (quantity && value === undefined) return undefined;
    sum += value ?? 0;
  }
  return sum;
}

/** A sidecar (`restartPolicy: Always`) runs for the pod's life next to the app containers and is counted with them. */
const isSidecar = (container: ContainerView) => container.node.string('restartPolicy') === 'Always';

export const gpuInitContainerGpu = defineRule({
  id: 'gpu/init-container-gpu',
  severity: 'warning',
  description: "An init container asks for more GPUs than the app containers: the rest are held idle for the pod's life.",
  docs: {
    why:
      `Kubernetes sizes a pod by the larger of its init containers' requests and the sum of its app containers' ` +
      `(sidecars, \`restartPolicy: Always\`, count with the app), and reserves that for the pod's whole ` +
      `life: the scheduler looks for a node with that many free GPUs, and they stay taken until the pod ` +
      `ends. The kubelet hands the init container's GPUs on to the app containers, but only as many as they ` +
      `ask for. So GPUs an init container asks for beyond the app containers' — all of them, when the app ` +
      `asks for none — are held idle for as long as the pod runs, and can keep it Pending for a node it ` +
      `did not need. Sidecars are left alone (their GPUs are the app's), and so are init containers that ` +
      `ask for no more GPUs than the app containers.`,
    fix:
      'Run the GPU step (a warm-up, a compile, a conversion) at the start of an app container that has ' +
      'the GPUs, or ask for no more GPUs in the init container than the app containers use (none if the ' +
      'step does not need a GPU).',
    source:
      'kubernetes.io › Init Containers, "Resource sharing within containers": the effective request is ' +
      "the higher of the init containers' and the app containers' sum, and \"init containers can reserve " +
      'resources for initialization that are not used during the life of the Pod"; the kubelet device manager ' +
      "(`devicesToReuse`: an init container's devices are reused by the containers after it).",
    invalid: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: convert
          image: nvcr.io/nvidia/pytorch:24.05-py3
          command: [python, convert_checkpoint.py]
          resources:
            limits:
              nvidia.com/gpu: 1
#             ^^^^^^^^^^^^^^ warning[gpu/init-container-gpu]: Init container convert asks for nvidia.com/gpu: 1 and the app containers for none: Kubernetes reserves the larger of the two for the pod's whole life, so the GPU stays allocated and idle once convert has finished. Run the GPU step in an app container, or remove the GPU from convert.
      containers:
        - name: train
          image: python:3.11-slim
          command: [python, train.py]`,
    valid: `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: check-gpu
          image: nvcr.io/nvidia/pytorch:24.05-py3
          command: [nvidia-smi]
          resources:
            limits:
              nvidia.com/gpu: 1
      containers:
        - name: train
          image: nvcr.io/nvidia/pytorch:24.05-py3
          command: [python, train.py]
          resources:
            limits:
              nvidia.com/gpu: 4`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      const running = [...pod.initContainers.filter(isSidecar), ...pod.containers];
      for (const init of pod.initContainers) {
        if (isSidecar(init)) continue;
        const names = new Set([...init.resources.limits, ...init.resources.requests].map((q) => q.name).filter(isGpuResource));
        for (const name of names) {
          const asked = quantityOf(init, name)!;
          const count = quantityValue(asked);
          const used = appCount(running, name);
          const label = containerLabel(workload, pod, init);
          const who = `${label[0].toUpperCase()}${label.slice(1)} asks for ${name}: ${quantityText(context.text, asked)}`;
          const step = init.name ?? 'the init container';
          if (used === 0) {
            const idle = count === 1 ? 'the GPU stays' : 'the GPUs stay';
            context.report(
              asked.entry.key,
              `${who} and the app containers for none: Kubernetes reserves the larger of the two for the pod's ` +
                `whole life, so ${idle} allocated and idle once ${step} has finished. Run the GPU step in an app container, ` +
                `or remove the GPU from ${step}.`,
            );
          } else if (used !== undefined && count !== undefined && count > used) {
            context.report(
              asked.entry.key,
              `${who} and the app containers for ${used}: Kubernetes reserves the larger of the two for the pod's ` +
                `whole life and the app containers take over only ${used}, so ${count - used} stay allocated and idle ` +
                `once ${step} has finished. Ask for at most ${used} in ${step}, or run the GPU step in an app container.`,
            );
          }
        }
      }
    }
  },
});
