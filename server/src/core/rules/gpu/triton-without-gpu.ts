// A Triton server whose models are configured with KIND_GPU instance groups needs GPUs: without
// a GPU limit the device plugin gives the container none, and Triton refuses to load those
// models ("has kind KIND_GPU but no GPUs are available"). The configs are read where mlinfra can
// see them: ConfigMaps of the same file, or the workspace's model repository.
import { containerClaimGpus, containerGpus } from '../../workloads';
import { isTritonServer, servedModels, usesKindGpu } from '../../workloads/triton-server';
import { defineRule } from '../rule';
import { addEntry } from '../yaml-edits';

export const gpuTritonWithoutGpu = defineRule({
  id: 'gpu/triton-without-gpu',
  severity: 'error',
  scope: 'workspace',
  description: 'A Triton server without a GPU limit serves models whose instance groups are KIND_GPU.',
  docs: {
    why:
      'Triton places a `KIND_GPU` instance group on the GPUs the container sees. The NVIDIA device plugin ' +
      'allocates GPUs only to containers that have them as a limit, so a Triton container without one has ' +
      'no GPU of its own: on most nodes it sees none and fails to load every such model, with "instance ' +
      'group … has kind KIND_GPU but no GPUs are available" in its log — after the pod started, so the deploy ' +
      'looks fine.',
    fix:
      'Give the Triton container a GPU limit (`nvidia.com/gpu: 1` or more), or make the instance groups ' +
      '`KIND_CPU` if the models are meant to run on CPUs. mlinfra reads the model configs from ConfigMaps ' +
      'of the same file that the pod mounts, and from a model repository in the workspace named like the ' +
      'folder `--model-repository` points at. A container that gets GPUs through a DRA claim it names under ' +
      '`resources.claims` (or a claim whose devices mlinfra cannot count) is left alone.',
    source:
      'Triton core `model_config_utils.cc` (instance group validation: "has kind KIND_GPU but no GPUs are ' +
      'available"); NVIDIA k8s-device-plugin: GPUs are allocated to containers by their GPU limit (see also ' +
      'gpu/cuda-image-without-gpu for what a CUDA image sees without one).',
    invalid: `apiVersion: v1
kind: ConfigMap
metadata:
  name: models
data:
  config.pbtxt: |
    name: "resnet"
    platform: "onnxruntime_onnx"
    instance_group [ { kind: KIND_GPU } ]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: triton
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
#               ^^^^^^ error[gpu/triton-without-gpu]: Triton container triton has no GPU limit, but serves models with KIND_GPU instance groups (resnet, from ConfigMap models): it sees no GPU and fails to load them. Set limits: nvidia.com/gpu: 1, or use KIND_CPU.
          image: nvcr.io/nvidia/tritonserver:24.05-py3
          args: ["tritonserver", "--model-repository=/models"]
      volumes:
        - name: models
          configMap: { name: models }`,
    valid: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: triton
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.05-py3
          args: ["tritonserver", "--model-repository=/models"]
          resources:
            limits:
              nvidia.com/gpu: 1`,
  },
  check(workload, context) {
    const workspace = context.workspace;
    if (!workspace) return;
    for (const pod of workload.pods) {
      for (const container of pod.containers) {
        if (!isTritonServer(container) || containerGpus(container) > 0) continue;
        // GPUs by DRA claim count too, and a claim whose devices are unknown may hold some.
        if (containerClaimGpus(pod, container, context.claims).asksForGpu !== false) continue;
        const gpuModels = servedModels(pod, container, workspace.documents, workspace.uri, workspace.host).filter((model) =>
          usesKindGpu(model.config),
        );
        if (!gpuModels.length) continue;
        const sources = [...new Set(gpuModels.map((model) => model.source))];
        const names = gpuModels.map((model) => model.name).join(', ');
        const { limitsNode, node: resources, owner } = container.resources;
        const edit = limitsNode
          ? addEntry(context.text, limitsNode.node, 'nvidia.com/gpu', 1)
          : resources
            ? addEntry(context.text, resources.node, 'limits', { 'nvidia.com/gpu': 1 })
            : addEntry(context.text, owner.node, 'resources', { limits: { 'nvidia.com/gpu': 1 } });
        context.report(
          container.nameNode ?? container.node.node,
          `Triton container ${container.name ?? '(unnamed)'} has no GPU limit, but serves models with KIND_GPU ` +
            `instance groups (${names}, from ${sources.join(' and ')}): it sees no GPU and fails to load them. ` +
            `Set limits: nvidia.com/gpu: 1, or use KIND_CPU.`,
          {
            fixes: [{ title: 'Add limit nvidia.com/gpu: 1', edits: [edit] }],
          },
        );
      }
    }
  },
});
