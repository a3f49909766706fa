// A CUDA image in a container without a GPU limit: the scheduler counts no GPU for it, but the
// NVIDIA runtime reads the NVIDIA_VISIBLE_DEVICES=all the CUDA base images set and, on a GPU
// node, shows the container every GPU there — those the device plugin gave other pods included.
import { asksForGpu, claimGpus, podClaims } from '../../workloads';
import { containerLabel } from '../../workloads/container-label';
import { isCudaImage } from '../../workloads/images';
import { mergesLlmPresets } from '../../workloads/llm-presets';
import { nimOperatorGpus } from '../../workloads/nim-gpus';
import { RAY_CLUSTER_SPEC } from '../../workloads';
import type { ClaimIndex, ContainerView, PodView, WorkloadView } from '../../workloads';
import type { YamlMap } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { addEntry, addItem, setUnder, type OffsetEdit, type OffsetFix } from '../yaml-edits';

/** The KubeRay group (head or worker group) whose template is this pod's, with whether it is the head. */
function rayGroup(workload: WorkloadView, pod: PodView): { group: YamlMap; head: boolean } | undefined {
  if (!workload.apiVersion.startsWith('ray.io/')) return undefined;
  const cluster = RAY_CLUSTER_SPEC[workload.kind]?.(workload.root);
  const isPods = (group: YamlMap | undefined) => group?.map('template')?.map('spec')?.node === pod.spec.node;
  const head = cluster?.map('headGroupSpec');
  if (head && isPods(head)) return { group: head, head: true };
  const worker = cluster?.maps('workerGroupSpecs').find(isPods);
  return worker ? { group: worker, head: false } : undefined;
}

/** The container already decides what it sees: NVIDIA_VISIBLE_DEVICES set (`void`, `none`…), or CUDA told to use no device. */
function choosesItsDevices(container: ContainerView): boolean {
  return container.env.some(
    (env) =>
      env.name === 'NVIDIA_VISIBLE_DEVICES' ||
      (env.name === 'CUDA_VISIBLE_DEVICES' && ['', '-1'].includes(String(env.value?.value ?? 'unset').trim())),
  );
}

/**
 * A container whose resources, when it writes none, come from elsewhere: a TrainJob's trainer
 * (from its runtime), an InferenceService's model (from its ServingRuntime) or an
 * LLMInferenceService's container (from the LLMInferenceServiceConfigs it names); and a NIM
 * container the NIM Operator gives GPUs, whatever it writes.
 */
function inheritsResources(workload: WorkloadView, pod: PodView, container: ContainerView): boolean {
  if (nimOperatorGpus(workload, pod, container)) return true;
  if (container.resources.node) return false;
  if (workload.kind === 'TrainJob' || mergesLlmPresets(workload)) return true;
  return workload.kind === 'InferenceService' && !pod.spec.maps('containers').some((own) => own.node === container.node.node);
}

/** GPUs allocated through Dynamic Resource Allocation: a claim instead of a limit. */
const claimsDevices = (container: ContainerView) => (container.resources.node?.seq('claims')?.items.length ?? 0) > 0;

/** The pod's claims that hold GPUs, or devices mlinfra cannot tell: what a container of a DRA pod should name to get a GPU. */
function gpuClaimNames(pod: PodView, claims: ClaimIndex): string[] {
  return podClaims(pod)
    .filter((claim) => claimGpus(claim, claims).asksForGpu !== false)
    .map((claim) => claim.name);
}

/** Names the claim under the container's `resources.claims`, creating what is missing. */
function useClaimFix(text: string, container: ContainerView, claim: string): OffsetFix {
  const { node: resources, owner } = container.resources;
  const item = { name: claim };
  const edit = resources ? addEntry(text, resources.node, 'claims', [item]) : addEntry(text, owner.node, 'resources', { claims: [item] });
  return { title: `Use claim ${claim}: add it to resources.claims`, edits: [edit], preferred: true };
}

function hideGpusFix(text: string, container: ContainerView): OffsetFix[] {
  const item = { name: 'NVIDIA_VISIBLE_DEVICES', value: 'void' };
  const env = container.node.seq('env');
  // An `env` that is not a list (`env:` alone, being typed) is left to the user.
  if (!env && container.node.entry('env')) return [];
  return [
    {
      title: "Hide the node's GPUs: set NVIDIA_VISIBLE_DEVICES=void",
      edits: [env ? addItem(text, env, item) : addEntry(text, container.node.node, 'env', [item])],
    },
  ];
}

/** Where num-gpus "0" goes: into rayStartParams, under an empty `rayStartParams:`, or a new rayStartParams. */
function numGpusEdit(text: string, head: YamlMap): OffsetEdit | undefined {
  const params = head.map('rayStartParams');
  if (params) return addEntry(text, params.node, 'num-gpus', '0');
  const entry = head.entry('rayStartParams');
  if (!entry) return addEntry(text, head.node, 'rayStartParams', { 'num-gpus': '0' });
  const empty = entry.value === null || (entry.value.kind === 'scalar' && entry.value.value === null);
  return empty ? setUnder(text, entry, 'num-gpus', '0') : undefined;
}

function rayHeadFix(text: string, head: YamlMap): OffsetFix[] {
  const edit = numGpusEdit(text, head);
  return edit ? [{ title: 'Set rayStartParams num-gpus: "0"', edits: [edit], preferred: true }] : [];
}

/** Where the GPUs go: a Spark role asks for them in its `gpu` field, from which the operator writes the limit. */
function gpuAdvice(workload: WorkloadView, pod: PodView): string {
  if (workload.apiVersion.startsWith('sparkoperator.k8s.io/')) return `Set the ${pod.role}'s gpu (name: nvidia.com/gpu, quantity)`;
  return 'Set limits: nvidia.com/gpu to the GPUs it needs';
}

function check(workload: WorkloadView, context: RuleContext): void {
  for (const pod of workload.pods) {
    // An MPI launcher only runs mpirun and reaches the workers over SSH; it shares their image by habit.
    if (/launcher/i.test(pod.role)) continue;
    const ray = rayGroup(workload, pod);
    // Ray was told how many GPUs this group has (num-gpus, or the group's resources.GPU): it places no GPU work
    // on what the container may see.
    if (ray && (ray.group.map('rayStartParams')?.get('num-gpus') || ray.group.map('resources')?.get('GPU'))) continue;
    // Init containers run before the app and would only add GPUs to the pod (see gpu/init-container-gpu).
    for (const container of pod.containers) {
      const image = container.image?.value;
      if (!container.image || typeof image !== 'string' || !isCudaImage(image)) continue;
      if (asksForGpu(container) || claimsDevices(container) || choosesItsDevices(container) || inheritsResources(workload, pod, container))
        continue;
      const label = containerLabel(workload, pod, container);
      const Label = `${label[0].toUpperCase()}${label.slice(1)}`;
      const podClaimNames = gpuClaimNames(pod, context.claims);
      if (podClaimNames.length) {
        context.report(
          container.image,
          `${Label} runs the CUDA image ${image} but uses none of its pod's device claims (${podClaimNames.join(', ')}): ` +
            `DRA hands a claim's devices only to the containers that name it under resources.claims, so it gets no GPU, ` +
            `yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all and shows it every GPU ` +
            `there. Add the claim to its resources.claims, or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.`,
          { fixes: [useClaimFix(context.text, container, podClaimNames[0]), ...hideGpusFix(context.text, container)] },
        );
        continue;
      }
      if (ray?.head) {
        context.report(
          container.image,
          `The Ray head's container ${container.name ?? '(unnamed)'} runs the CUDA image ${image} without a ` +
            `GPU limit and rayStartParams has no num-gpus: Ray then counts the GPUs the container sees, and on ` +
            `a GPU node the NVIDIA runtime shows it every GPU there (the image sets NVIDIA_VISIBLE_DEVICES=all), ` +
            `so Ray can place GPU tasks on the head, on GPUs other pods hold. Set rayStartParams num-gpus: "0", ` +
            `or give the head a GPU limit.`,
          { severity: 'info', fixes: [...rayHeadFix(context.text, ray.group), ...hideGpusFix(context.text, container)] },
        );
        continue;
      }
      context.report(
        container.image,
        `${Label} runs the CUDA image ${image} without a GPU limit: the ` +
          `scheduler gives it no GPU, yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all ` +
          `and shows it every GPU there, other pods' included (elsewhere it sees none). ${gpuAdvice(workload, pod)}, ` +
          `or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.`,
        { fixes: hideGpusFix(context.text, container) },
      );
    }
  }
}

export const gpuCudaImageWithoutGpu = defineRule({
  id: 'gpu/cuda-image-without-gpu',
  severity: 'warning',
  description: 'A CUDA image in a container without a GPU limit: it sees every GPU of the node, or none.',
  docs: {
    why: `The CUDA base images (and the NGC, PyTorch CUDA, TensorFlow GPU, Triton, vLLM images built on them) set \`NVIDIA_VISIBLE_DEVICES=all\`. A container that asks for no GPU is given none by the scheduler and the device plugin, so nothing overrides that variable: on a GPU node whose container runtime is NVIDIA's (the GPU Operator's default), the container sees every GPU of the node — the GPUs the device plugin allocated to other pods included — and a framework in it allocates memory and runs kernels there unseen by Kubernetes. On a node without the NVIDIA runtime it sees none and silently runs on the CPU. Either way it is not what the scheduler accounted for.

What is left alone, to avoid noise: init containers (they run before the app, and giving them GPUs only adds to the pod's reservation — see \`gpu/init-container-gpu\`); MPI launchers (a role named \`Launcher\`, or any role with \`launcher\` in its name), which only run \`mpirun\` and share the workers' image by habit; containers that set \`NVIDIA_VISIBLE_DEVICES\` themselves or hide every device from CUDA (\`CUDA_VISIBLE_DEVICES: ""\` or \`"-1"\`); containers that claim devices through Dynamic Resource Allocation (\`resources.claims\`; a container of a pod that claims GPUs but that names none of its claims is reported, with a fix that names the claim); a TrainJob's trainer, an InferenceService's model or the container of an LLMInferenceService that names LLMInferenceServiceConfigs in \`baseRefs\` that writes no resources (its runtime or presets give them); the NIM container of a NIMService (or of a NIMPipeline's service) that claims devices in \`draResources\` or picks a NIMCache profile (\`storage.nimCache.profile\`), to which the NIM Operator gives GPUs itself; images of the GPU Operator, the device plugin and DCGM, which serve the whole node on purpose; and Ray groups that tell Ray their GPUs (\`num-gpus\` in \`rayStartParams\`, or \`GPU\` in the group's \`resources\`). A Ray head (which often shares the workers' GPU image and runs on a CPU node) without \`num-gpus\` is reported as information: Ray counts the GPUs it sees, so on a GPU node it would place GPU tasks on the head.`,
    fix:
      'Give the container the GPUs it uses under `resources.limits` (`nvidia.com/gpu: 1`). If it needs ' +
      "none — a sidecar, a parameter server, a data loader sharing the trainer's image — set `NVIDIA_VISIBLE_DEVICES` " +
      'to `void` in its `env` (the quick fix), so the NVIDIA runtime exposes no GPU; or use a CPU build ' +
      'of the image. For a Ray head, the preferred quick fix sets `rayStartParams` `num-gpus: "0"`.',
    source:
      'NVIDIA k8s-device-plugin README: "if you don\'t request GPUs when using the device plugin with NVIDIA ' +
      'images all the GPUs on the machine will be exposed inside your container"; NVIDIA Container Toolkit, ' +
      '"Specialized Configurations with Docker" (`NVIDIA_VISIBLE_DEVICES`: `all`, `none`, `void`) and ' +
      '`accept-nvidia-visible-devices-envvar-when-unprivileged`; ' +
      "the `ENV NVIDIA_VISIBLE_DEVICES all` of the nvidia/cuda Dockerfiles; KubeRay's `generateRayStartCommand` " +
      "(sets `--num-gpus` from the container's GPU limit only when it is not zero) and Ray's GPU autodetection; " +
      "the NIM Operator's `addGPUResources` (a GPU limit from the NIMCache profile's tensor parallelism, none with `draResources`).",
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
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container eval runs the CUDA image nvcr.io/nvidia/pytorch:24.05-py3 without a GPU limit: the scheduler gives it no GPU, yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all and shows it every GPU there, other pods' included (elsewhere it sees none). Set limits: nvidia.com/gpu to the GPUs it needs, or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.
          command: [python, eval.py]`,
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
          command: [python, eval.py]
          resources:
            limits:
              nvidia.com/gpu: 1
        - name: uploader
          image: nvcr.io/nvidia/pytorch:24.05-py3
          command: [python, upload.py]
          env:
            - name: NVIDIA_VISIBLE_DEVICES
              value: void`,
  },
  check,
});
