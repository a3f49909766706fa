// GPUs given to a container whose image is a CPU-only build (`…-cpu`, `cpu-…`, `vllm-cpu`): the
// framework in it has no CUDA, so the GPUs are reserved for the pod's life and never used.
import { containerLabel } from '../../workloads/container-label';
import { isGpuResource } from '../../workloads';
import { cpuOnlyMarker } from '../../workloads/images';
import { quantityText } from '../../workloads';
import { defineRule } from '../rule';

export const gpuCpuImageWithGpu = defineRule({
  id: 'gpu/cpu-image-with-gpu',
  severity: 'warning',
  description: 'GPUs requested by a container whose image is a CPU-only build: they stay idle.',
  docs: {
    why:
      'Images published in CPU and GPU builds mark the CPU build in the tag (`pytorch/torchserve:0.9.0-cpu`, ' +
      '`rayproject/ray:2.9.0-cpu`, `cpu-py310`) or the name (`vllm-cpu`): its framework is compiled without ' +
      'CUDA and does not ship the CUDA libraries. Given GPUs, the container starts, the scheduler reserves ' +
      "the GPUs for the pod's whole life — often after a long wait for them — and the work runs on the CPU, " +
      'slowly, while the GPUs sit idle. Nothing fails to tell you.',
    fix:
      'Use the GPU build of the image (the same tag with `-gpu`, `-cuda…` or no `-cpu`, as its publisher ' +
      "names it), or remove the GPU from the container's resources if it is meant to run on the CPU. There " +
      'is no quick fix: the name of the GPU build differs from one publisher to the next.',
    source:
      "The publishers' tag conventions (PyTorch `+cpu` wheels and TorchServe `-cpu`/`-gpu` images, Ray " +
      "`-cpu`/`-gpu`, vLLM's CPU images); Kubernetes reserves extended resources for the pod's lifetime " +
      '(kubernetes.io › Schedule GPUs).',
    invalid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: serve
spec:
  replicas: 1
  selector:
    matchLabels: { app: serve }
  template:
    metadata:
      labels: { app: serve }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.9.0-cpu
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cpu-image-with-gpu]: Container torchserve asks for nvidia.com/gpu: 1 but runs the CPU-only image pytorch/torchserve:0.9.0-cpu: its framework is built without CUDA, so the GPUs stay reserved and idle while the work runs on the CPU. Use the image's GPU build, or remove the GPU from its resources.
          resources:
            limits:
              nvidia.com/gpu: 1`,
    valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: serve
spec:
  replicas: 1
  selector:
    matchLabels: { app: serve }
  template:
    metadata:
      labels: { app: serve }
    spec:
      containers:
        - name: torchserve
          image: pytorch/torchserve:0.9.0-gpu
          resources:
            limits:
              nvidia.com/gpu: 1`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const image = container.image?.value;
        const marker = typeof image === 'string' ? cpuOnlyMarker(image) : undefined;
        if (!container.image || marker === undefined) continue;
        const { limits, requests } = container.resources;
        const gpu = limits.find((quantity) => isGpuResource(quantity.name)) ?? requests.find((quantity) => isGpuResource(quantity.name));
        if (!gpu) continue;
        const label = containerLabel(workload, pod, container);
        context.report(
          container.image,
          `${label[0].toUpperCase()}${label.slice(1)} asks for ${gpu.name}: ${quantityText(context.text, gpu)} ` +
            `but runs the CPU-only image ${String(image)}: its framework is built without CUDA, so the GPUs stay ` +
            `reserved and idle while the work runs on the CPU. Use the image's GPU build, or remove the GPU from ` +
            `its resources.`,
        );
      }
    }
  },
});
