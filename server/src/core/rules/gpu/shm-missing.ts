// Multi-process PyTorch (torchrun, DeepSpeed, Accelerate, a PyTorchJob) and multi-GPU NCCL
// share tensors through /dev/shm, which a container runtime sizes at 64 MB unless the pod
// mounts a memory-backed emptyDir there (or shares the host's IPC namespace).
import type { MapNode, YamlNode } from '../../document';
import { containerClaimGpus, containerGpus, quantityNumber, WHOLE_GPU_RESOURCES } from '../../workloads';
import { workloadKindsExcept } from '../../workloads';
import { NIM_KINDS, RAY_KINDS, SPARK_KINDS } from '../../workloads';
import { containerLaunches } from '../../workloads/launcher';
import { podVolumes, SHM_PATH, shmMount, shmSizeFor } from '../../workloads/shm';
import type { ClaimIndex, ContainerView, PodView, ResourceQuantity, WorkloadView } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { addEntry, addItem, type OffsetEdit, type OffsetFix } from '../yaml-edits';

/**
 * KubeRay mounts a memory-backed /dev/shm in every Ray pod, KServe's presets (the well-known
 * LLMInferenceServiceConfigs) in every vLLM pod of an LLMInferenceService, and the NIM Operator in every pod of a
 * NIMService; a TrainJob's pod spec is its runtime's; a Spark executor is one JVM that runs Spark tasks on its GPUs,
 * not DataLoader workers or NCCL ranks.
 */
const SKIPPED_KINDS = [
  ...RAY_KINDS,
  'trainer.kubeflow.org/TrainJob',
  'serving.kserve.io/LLMInferenceService',
  ...SPARK_KINDS,
  ...NIM_KINDS,
];
const LAUNCHER_NAMES = { torchrun: 'torchrun', deepspeed: 'deepspeed', accelerate: 'accelerate launch' };

const wholeGpus = (quantities: ResourceQuantity[]) =>
  quantities.filter((q) => WHOLE_GPU_RESOURCES.includes(q.name)).reduce((sum, q) => sum + (quantityNumber(q) ?? 0), 0);

/** Why a container runs several processes that share memory, or undefined when it does not. */
function multiProcess(workload: WorkloadView, pod: PodView, container: ContainerView, claims: ClaimIndex): string | undefined {
  const launch = containerLaunches(container)[0];
  if (launch) return `runs ${LAUNCHER_NAMES[launch.kind]}`;
  // Requests count too: a request without its limit is another rule's finding, the intent is the same. So do claimed GPUs.
  const claimed = containerClaimGpus(pod, container, claims).gpus ?? 0;
  const gpus = Math.max(containerGpus(container), wholeGpus(container.resources.requests)) + claimed;
  if (gpus > 1) return `has ${gpus} GPUs`;
  // The operator runs a PyTorchJob's training in its `pytorch` container (the first one otherwise).
  const trainer = pod.containers.find((candidate) => candidate.name === 'pytorch') ?? pod.containers[0];
  if (workload.kind === 'PyTorchJob' && container === trainer) return 'trains in a PyTorchJob';
  return undefined;
}

/** The volume and mount to add, reusing the memory-backed /dev/shm of another container of the pod. */
function addShmFix(context: RuleContext, pod: PodView, container: ContainerView): OffsetFix | undefined {
  const volumes = podVolumes(pod);
  const existing = pod.containers.map((other) => shmMount(pod, other)?.volume).find((volume) => volume?.memory);
  let name = existing?.name ?? 'dshm';
  for (let n = 2; !existing && volumes.has(name); n++) name = `dshm-${n}`;
  // Mount first: when both go at the same place (the container ends the pod spec), the mount's lines belong above.
  const edits: OffsetEdit[] = [];
  const mount = { name, mountPath: SHM_PATH };
  const mounts = container.node.entry('volumeMounts');
  if (mounts?.value?.kind === 'seq') edits.push(addItem(context.text, mounts.value, mount));
  else if (!mounts) edits.push(addEntry(context.text, container.node.node, 'volumeMounts', [mount]));
  else return undefined;
  if (!existing) {
    const volume = { name, emptyDir: { medium: 'Memory', sizeLimit: shmSizeFor([container]) } };
    const list = pod.spec.entry('volumes');
    if (list?.value?.kind === 'seq') edits.push(addItem(context.text, list.value, volume));
    else if (!list) edits.push(addEntry(context.text, pod.spec.node, 'volumes', [volume]));
    else return undefined;
  }
  return { title: 'Add a memory-backed /dev/shm', edits, preferred: true };
}

export const gpuShmMissing = defineRule({
  id: 'gpu/shm-missing',
  severity: 'warning',
  description: 'A multi-process PyTorch or NCCL container without a memory-backed /dev/shm: it gets 64 MB.',
  kinds: workloadKindsExcept(SKIPPED_KINDS),
  docs: {
    why:
      "Container runtimes give a container a 64 MB /dev/shm. PyTorch's DataLoader workers hand batches " +
      'to the training process through it, and NCCL sets up its shared-memory transport between the GPUs ' +
      'of a node in it. With 64 MB, DataLoader workers die with `Bus error` or `unable to write to file ' +
      '</torch_…>` and NCCL fails with `Error while creating shared memory segment` — after the job waited ' +
      'for its GPUs. A container counts as multi-process when it runs torchrun (also `python -m torch.distributed.run`/`launch`), ' +
      'deepspeed or `accelerate launch` (directly or in a `sh -c` script), holds more than one GPU, or is ' +
      'the training container of a PyTorchJob. Ray pods are left alone: KubeRay mounts a memory-backed /dev/shm ' +
      "itself; so are an LLMInferenceService's, whose pod specs KServe merges with its presets, which mount one, " +
      "a NIMService's and a NIMPipeline's, in which the NIM Operator mounts one (`storage.sharedMemorySizeLimit` sizes it), " +
      'and Spark applications: an executor is one JVM that runs Spark tasks on its GPUs (the RAPIDS ' +
      'Accelerator uses one per executor), not DataLoader workers or NCCL ranks. Any volume mounted at /dev/shm ' +
      "(a hostPath of the node's /dev/shm, an emptyDir on disk) is taken as deliberate.",
    fix:
      'Mount an `emptyDir` with `medium: Memory` at `/dev/shm`, with a `sizeLimit` (what it holds counts ' +
      "as the container's memory; see gpu/shm-size), or set `hostIPC: true` on the pod. The quick fix adds " +
      'the volume `dshm` and its mount (or only the mount, of the memory-backed /dev/shm volume another ' +
      "container of the pod has); its sizeLimit is half the container's memory limit, leaving the other " +
      'half to the processes, or 16Gi when the container has no memory limit — room for DataLoader batches ' +
      "and NCCL's buffers on a multi-GPU node.",
    source:
      'Docker/containerd default `--shm-size` of 64 MB (moby `DefaultSHMSize`, containerd CRI `defaultShmSize`); ' +
      'PyTorch docker README ("use `--ipc=host` or `--shm-size`") and `torch.utils.data` multiprocessing ' +
      'notes; NCCL troubleshooting › "Docker: shared memory" (`/dev/shm` limits); kubernetes.io › Volumes ' +
      '› emptyDir (`medium: Memory`); KubeRay `addEmptyDir` for /dev/shm in Ray pods; KServe ' +
      "`config/llmisvcconfig/` (the `dshm` volume of the well-known LLMInferenceServiceConfigs); the NIM Operator's " +
      '`NIMService.GetVolumes` (the `dshm` volume of every NIM pod).',
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
#                   ^^^^^^^ warning[gpu/shm-missing]: Container pytorch runs torchrun but has no memory-backed /dev/shm: it gets the container runtime's 64 MB, on which DataLoader workers die with a bus error and NCCL cannot set up shared memory. Mount an emptyDir with medium: Memory at /dev/shm, or set hostIPC: true.
              image: nvcr.io/nvidia/pytorch:24.05-py3
              command: [torchrun, --nproc-per-node=8, train.py]
              resources:
                limits:
                  nvidia.com/gpu: 8
                  memory: 512Gi`,
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
              command: [torchrun, --nproc-per-node=8, train.py]
              resources:
                limits:
                  nvidia.com/gpu: 8
                  memory: 512Gi
              volumeMounts:
                - name: dshm
                  mountPath: /dev/shm
          volumes:
            - name: dshm
              emptyDir:
                medium: Memory
                sizeLimit: 256Gi`,
  },
  check(workload, context) {
    // A container shared by roles through a YAML alias is reported once.
    const seen: MapNode[] = []; // a few containers: a list is cheaper than a Set
    for (const pod of workload.pods) {
      if (pod.spec.boolean('hostIPC') === true) continue;
      for (const container of pod.containers) {
        const reason = multiProcess(workload, pod, container, context.claims);
        if (!reason || shmMount(pod, container) || seen.includes(container.node.node)) continue;
        seen.push(container.node.node);
        const at: YamlNode = container.nameNode ?? container.node.node.entries[0]?.key ?? pod.roleNode;
        const fix = addShmFix(context, pod, container);
        context.report(
          at,
          `Container ${container.name ?? '(unnamed)'} ${reason} but has no memory-backed /dev/shm: it gets ` +
            `the container runtime's 64 MB, on which DataLoader workers die with a bus error and NCCL cannot set ` +
            `up shared memory. Mount an emptyDir with medium: Memory at /dev/shm, or set hostIPC: true.`,
          { fixes: fix ? [fix] : [] },
        );
      }
    }
  },
});
