// CUDA_VISIBLE_DEVICES or NVIDIA_VISIBLE_DEVICES written by hand in a container given GPUs: the
// device plugin already decides which GPUs the container sees, and a fixed value overrides it.
import { containerLabel } from '../../workloads/container-label';
import { isGpuResource } from '../../workloads';
import { quantityText } from '../../workloads';
import type { ContainerView, EnvVar } from '../../workloads';
import { defineRule } from '../rule';
import { removeEntry, removeItem, type OffsetEdit } from '../yaml-edits';

/** What each variable does wrong when it is set by hand. */
const WHY = new Map([
  [
    'NVIDIA_VISIBLE_DEVICES',
    'it replaces the GPUs the device plugin allocated (it sets this variable for the NVIDIA runtime), ' +
      'so the container sees GPUs the scheduler gave other pods, or not its own',
  ],
  [
    'CUDA_VISIBLE_DEVICES',
    'the container sees only its allocated GPUs, numbered from 0, so a fixed list leaves some of them ' +
      'idle or names devices that are not there',
  ],
]);

/** Removes the variable: its item, or the whole `env` when it is the only one. */
function removeVariable(text: string, container: ContainerView, env: EnvVar): OffsetEdit {
  const list = container.node.seq('env')!;
  return list.items.length === 1
    ? removeEntry(text, container.node.node, container.node.entry('env')!)
    : removeItem(text, list, env.node.node);
}

export const gpuVisibleDevicesSet = defineRule({
  id: 'gpu/visible-devices-set',
  severity: 'warning',
  description: 'CUDA_VISIBLE_DEVICES or NVIDIA_VISIBLE_DEVICES set by hand in a container given GPUs.',
  docs: {
    why:
      `The NVIDIA device plugin picks the GPUs of a container that asks for them and tells the NVIDIA runtime ` +
      `through \`NVIDIA_VISIBLE_DEVICES\`; the container's own \`env\` comes after and wins. Set by hand, ` +
      `\`NVIDIA_VISIBLE_DEVICES\` (\`all\`, \`0\`, a UUID) exposes GPUs the scheduler gave other pods — ` +
      `two jobs then share a GPU and run out of memory — or leaves the allocated ones out (unless the cluster ` +
      `ignores the variable in unprivileged containers: the toolkit's \`accept-nvidia-visible-devices-envvar-when-unprivileged ` +
      `= false\` with the plugin's \`volume-mounts\` strategy). \`CUDA_VISIBLE_DEVICES\` works inside the ` +
      `container, where the allocated GPUs are numbered from 0 whichever they are on the node: a list copied ` +
      `from a bare-metal script (\`"1"\`, \`"0,1,2,3"\` with fewer GPUs) names devices that do not exist ` +
      `(\`invalid device ordinal\`) or hides GPUs the pod holds, which stay idle. Values from \`valueFrom\` ` +
      `are not reported.`,
    fix:
      'Remove the variable (the quick fix): the container sees exactly the GPUs it was given. To use fewer ' +
      'GPUs, lower the GPU limit instead; to pick one GPU per process, use the local rank (`torchrun` sets ' +
      '`LOCAL_RANK`).',
    source:
      'NVIDIA k8s-device-plugin (`Allocate` returns `NVIDIA_VISIBLE_DEVICES` with the allocated devices ' +
      "under the default `envvar` device-list strategy); the kubelet passes the device plugin's variables " +
      'to the runtime before the container\'s own `env`; CUDA C Programming Guide, "CUDA Environment Variables" ' +
      '(`CUDA_VISIBLE_DEVICES`).',
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
              env:
                - name: CUDA_VISIBLE_DEVICES
                  value: "0,1,2,3"
#                        ^^^^^^^^^ warning[gpu/visible-devices-set]: CUDA_VISIBLE_DEVICES is set to "0,1,2,3" in container pytorch, which gets nvidia.com/gpu: 8 from the device plugin: the container sees only its allocated GPUs, numbered from 0, so a fixed list leaves some of them idle or names devices that are not there. Remove it: the container sees exactly its GPUs.
              resources:
                limits:
                  nvidia.com/gpu: 8`,
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
              env:
                - name: NCCL_DEBUG
                  value: INFO
              resources:
                limits:
                  nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    for (const pod of workload.pods) {
      for (const container of pod.allContainers) {
        const { limits, requests } = container.resources;
        const gpu = limits.find((quantity) => isGpuResource(quantity.name)) ?? requests.find((quantity) => isGpuResource(quantity.name));
        if (!gpu) continue;
        for (const env of container.env) {
          const why = WHY.get(env.name);
          if (!why || !env.value) continue;
          const value = env.value.value === null ? '' : String(env.value.value);
          const fix = { title: `Remove ${env.name}`, edits: [removeVariable(context.text, container, env)], preferred: true };
          context.report(
            env.value,
            `${env.name} is set to ${JSON.stringify(value)} in ${containerLabel(workload, pod, container)}, which ` +
              `gets ${gpu.name}: ${quantityText(context.text, gpu)} from the device plugin: ${why}. Remove it: the ` +
              `container sees exactly its GPUs.`,
            { fixes: [fix] },
          );
        }
      }
    }
  },
});
