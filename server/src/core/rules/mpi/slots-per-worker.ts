// An MPIJob's hostfile gives each Worker `slotsPerWorker` slots (1 by default), and mpirun starts
// one rank per slot: with GPU jobs one rank drives one GPU, so the slots should equal the GPUs
// each Worker holds — fewer leave GPUs idle, more make ranks share a GPU.
import type { MapEntry, MapNode } from '../../document';
import { appVisibleGpus } from '../../workloads';
import { isReplicaType } from '../../workloads/training-operator';
import { defineRule } from '../rule';
import { addEntry, replaceValue, type OffsetEdit } from '../yaml-edits';

/** Sets `slotsPerWorker`: its value when written (`slotsPerWorker:` alone included), else a new entry. */
function slotsEdit(text: string, spec: MapNode, entry: MapEntry | undefined, count: number): OffsetEdit | undefined {
  if (!entry) return addSlots(text, spec, count);
  if (entry.value) return replaceValue(entry.value, count);
  return text[entry.key.end] === ':' ? { start: entry.key.start, end: entry.key.end + 1, newText: `slotsPerWorker: ${count}` } : undefined;
}

/** `slotsPerWorker: n` as the first entry of `spec`, where MPIJobs keep it; at the end of a flow map. */
function addSlots(text: string, spec: MapNode, count: number): OffsetEdit {
  const first = spec.entries[0]?.key;
  if (!first || text[spec.start] === '{') return addEntry(text, spec, 'slotsPerWorker', count);
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  return { start: lineStart, end: lineStart, newText: `${' '.repeat(first.start - lineStart)}slotsPerWorker: ${count}\n` };
}

export const mpiSlotsPerWorker = defineRule({
  id: 'mpi/slots-per-worker',
  severity: 'warning',
  kinds: ['kubeflow.org/MPIJob'],
  description: 'An MPIJob whose slotsPerWorker differs from the GPUs of each Worker: GPUs sit idle, or ranks share them.',
  docs: {
    why:
      'The MPI operator writes a hostfile with `slotsPerWorker` slots for each Worker (1 when unset) and ' +
      'mpirun starts one rank per slot. GPU programs run one rank per GPU (Horovod, NCCL tests, DeepSpeed ' +
      'and Megatron under mpirun pick their GPU from the local rank), so a Worker with 8 GPUs and the default ' +
      'single slot trains on one GPU while seven sit idle, and more slots than GPUs put two ranks on one ' +
      'GPU, which NCCL refuses ("Duplicate GPU detected"). With `runLauncherAsWorker` the launcher gets ' +
      'the same slots, so its GPUs count too.',
    fix:
      "Set `spec.slotsPerWorker` to the number of GPUs in each Worker's limits (and keep `mpirun -np` at " +
      'Workers × slots). The quick fix sets it. A program that drives several GPUs from one rank can keep ' +
      'fewer slots: silence the finding for it.',
    source:
      'kubeflow/mpi-operator pkg/controller/mpi_job_controller.go (the hostfile: `slots=` from `slotsPerWorker`, ' +
      'default 1 in pkg/apis/kubeflow/v2beta1/default.go); kubeflow/training-operator pkg/controller.v1/mpi ' +
      "(the same for kubeflow.org/v1 MPIJobs); NCCL's check for two ranks on one device.",
    invalid: `apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: nccl-allreduce
spec:
  slotsPerWorker: 1
#                 ^ warning[mpi/slots-per-worker]: slotsPerWorker is 1 but each Worker has 8 GPUs: mpirun starts one rank per slot, so 7 GPUs of each Worker sit idle. Set slotsPerWorker: 8.
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
            - name: launcher
              image: mpioperator/nccl-tests:latest
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: worker
              image: mpioperator/nccl-tests:latest
              resources:
                limits:
                  nvidia.com/gpu: 8`,
    valid: `apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: nccl-allreduce
spec:
  slotsPerWorker: 8
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
            - name: launcher
              image: mpioperator/nccl-tests:latest
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: worker
              image: mpioperator/nccl-tests:latest
              resources:
                limits:
                  nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    const spec = workload.root.map('spec');
    if (!spec) return;
    const entry = spec.entry('slotsPerWorker');
    if (entry?.value && entry.value.kind !== 'scalar') return;
    const written = spec.scalar('slotsPerWorker');
    const set = written !== undefined && written.value !== null;
    const slots = set ? spec.integer('slotsPerWorker') : 1;
    if (slots === undefined) return;
    const launcherRanks = spec.boolean('runLauncherAsWorker') === true;
    for (const pod of workload.pods) {
      // GPUs by limit and by claim; a claim whose count is unknown leaves nothing to compare with.
      const gpus = appVisibleGpus(pod, context.claims);
      if (!(isReplicaType(pod.role, 'Worker') || (launcherRanks && isReplicaType(pod.role, 'Launcher'))) || !gpus || gpus === slots)
        continue;
      const idle = gpus - slots;
      const what = `slotsPerWorker is ${set ? slots : 'not set (1 by default)'} but each ${pod.role} has ${gpus} GPU${gpus === 1 ? '' : 's'}`;
      const effect =
        idle > 0
          ? `so ${idle} GPU${idle === 1 ? '' : 's'} of each ${pod.role} sit${idle === 1 ? 's' : ''} idle`
          : 'so ranks share GPUs, which NCCL refuses ("Duplicate GPU detected")';
      const edit = slotsEdit(context.text, spec.node, entry, gpus);
      const fixes = edit ? [{ title: `Set slotsPerWorker: ${gpus}`, edits: [edit], preferred: true }] : [];
      context.report(
        set && written ? written : (entry?.key ?? pod.roleNode),
        `${what}: mpirun starts one rank per slot, ${effect}. Set slotsPerWorker: ${gpus}.`,
        { fixes },
      );
    }
  },
});
