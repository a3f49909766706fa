// The ranks of one distributed job expect the same GPUs on every pod: the processes per node
// (nprocPerNode, torchrun, tensor-parallel size) are one number for all of them. Roles that
// legitimately hold no GPU (launchers, parameter servers, coordinators) are left out.
import { appClaimGpus, appVisibleGpus } from '../../workloads';
import { roleAnchor } from '../../workloads/roles';
import type { ClaimIndex, PodView, WorkloadView } from '../../workloads';
import { defineRule } from '../rule';

/**
 * Which roles of a kind are ranks of one GPU world. Kinds not listed run one role, or roles that
 * are different programs (Ray worker groups, KServe components). A PyTorchJob's Master is rank 0
 * of the same torchrun world as its Workers, so a Master without GPUs counts there; elsewhere a
 * role with no GPU is a coordinator (TFJob Chief under a parameter-server strategy, MPIJob
 * Launcher, a JobSet driver, an LWS leader that only routes) and is skipped.
 */
const WORLDS: Record<string, { roles?: (role: string) => boolean; zeroCounts: boolean }> = {
  PyTorchJob: { zeroCounts: true },
  TFJob: { roles: (role) => ['Chief', 'Master', 'Worker'].includes(role), zeroCounts: false },
  MPIJob: { roles: (role) => role !== 'Launcher', zeroCounts: false },
  XGBoostJob: { zeroCounts: false },
  PaddleJob: { roles: (role) => role !== 'PS', zeroCounts: false },
  JAXJob: { zeroCounts: false },
  JobSet: { zeroCounts: false },
  LeaderWorkerSet: { zeroCounts: false },
  VolcanoJob: { zeroCounts: false },
  // The spec of the Volcano Job a JobFlow creates.
  JobTemplate: { zeroCounts: false },
};

/** The roles of the job's GPU world with their GPUs per pod (by limit and by claim); none when a claim's count is unknown. */
function worldRoles(workload: WorkloadView, claims: ClaimIndex): { pod: PodView; gpus: number }[] {
  // Volcano's Job (tasks) shares its kind name with batch/v1 Job (one template).
  const world = WORLDS[workload.apiVersion.startsWith('batch.volcano.sh/') ? 'VolcanoJob' : workload.kind];
  if (!world) return [];
  const roles = workload.pods.filter((pod) => world.roles?.(pod.role) ?? true).map((pod) => ({ pod, gpus: appVisibleGpus(pod, claims) }));
  if (roles.some(({ gpus }) => gpus === undefined)) return [];
  return (roles as { pod: PodView; gpus: number }[]).filter(({ gpus }) => gpus > 0 || world.zeroCounts);
}

export const gpuReplicaGpusDiffer = defineRule({
  id: 'gpu/replica-gpus-differ',
  severity: 'warning',
  description: 'The roles of one distributed job have different GPUs per pod: the ranks assume a uniform world.',
  docs: {
    why:
      "A distributed job starts the same number of processes on every pod: a PyTorchJob's `nprocPerNode` " +
      "(and the `WORLD_SIZE` the operator computes from it) is one number for Master and Workers, torchrun's " +
      '`--nproc-per-node` is usually the same script everywhere, NCCL and sharding strategies (FSDP hybrid ' +
      "shards, tensor parallelism, vLLM's `--tensor-parallel-size`) assume as many GPUs on each node. Pods " +
      'with fewer GPUs get ranks without a GPU, which crash or oversubscribe one; pods with more leave GPUs ' +
      "idle. Roles compared: a PyTorchJob's Master and Workers (a Master without GPUs too: it is rank 0 " +
      'of the same world); TFJob Chief/Master and Workers; MPIJob, PaddleJob, XGBoostJob and JAXJob workers; ' +
      "a JobSet's replicated jobs; a LeaderWorkerSet's leader and workers; a Volcano Job's (or JobTemplate's) tasks. Apart " +
      'from the PyTorchJob Master, a role without GPUs is taken as a coordinator (parameter servers, MPI ' +
      'launchers, drivers) and skipped. Ray worker groups and KServe components are different programs and ' +
      'are not compared.',
    fix:
      'Give every GPU role the same GPU limit (and the matching processes per node). A job whose roles ' +
      'really differ (a coordinator with fewer GPUs) can silence the finding with `# mlinfra-disable-next-line ' +
      'gpu/replica-gpus-differ`.',
    source:
      'Kubeflow Training Operator `pkg/controller.v1/pytorch/envvar.go` (one `PET_NPROC_PER_NODE` and `WORLD_SIZE ' +
      '= replicas × nprocPerNode` for every replica type); PyTorch torchrun (`--nproc-per-node`, local ranks ' +
      'mapped to GPUs); NCCL and PyTorch FSDP/DeviceMesh docs (a mesh of nodes × GPUs per node).',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: pretrain
spec:
  pytorchReplicaSpecs:
    Master:
#   ^^^^^^ warning[gpu/replica-gpus-differ]: The Master pods have 4 GPUs each, unlike the rest of this PyTorchJob (Master 4, Worker 8): the job starts the same number of processes on every pod, so pods with fewer GPUs get ranks without one and pods with more leave GPUs idle. Give every role the same GPU limit.
      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 4
    Worker:
      replicas: 3
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                limits:
                  nvidia.com/gpu: 8`,
    valid: `apiVersion: kubeflow.org/v1
kind: MPIJob
metadata:
  name: horovod
spec:
  slotsPerWorker: 8
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
            - name: launcher
              image: horovod/horovod:0.28.1
              command: [mpirun, -np, "16", python, train.py]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: worker
              image: horovod/horovod:0.28.1
              resources:
                limits:
                  nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    const roles = worldRoles(workload, context.claims);
    const counts = new Set(roles.map(({ gpus }) => gpus));
    if (counts.size < 2) return;
    // The count most pods have is the norm; ties go to the role written last (Workers follow their Master).
    const pods = new Map<number, number>();
    for (const { pod, gpus } of roles) pods.set(gpus, (pods.get(gpus) ?? 0) + (pod.replicas ?? 1));
    const norm = [...pods].reduce((best, entry) => (entry[1] >= best[1] ? entry : best))[0];
    const summary = roles.map(({ pod, gpus }) => `${pod.role} ${gpus}`).join(', ');
    const byClaim = roles.some(({ pod }) => (appClaimGpus(pod, context.claims).gpus ?? 0) > 0);
    const advice = byClaim ? 'Give every role the same GPUs, by limit or by claim.' : 'Give every role the same GPU limit.';
    for (const { pod, gpus } of roles) {
      if (gpus === norm) continue;
      context.report(
        roleAnchor(workload, pod),
        `The ${pod.role} pods have ${gpus} GPU${gpus === 1 ? '' : 's'} each, unlike the rest of this ${workload.kind} ` +
          `(${summary}): the job starts the same number of processes on every pod, so pods with fewer GPUs get ` +
          `ranks without one and pods with more leave GPUs idle. ${advice}`,
      );
    }
  },
});
