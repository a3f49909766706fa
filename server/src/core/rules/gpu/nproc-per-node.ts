// torchrun starts `--nproc-per-node` processes in a pod, each of which takes one GPU (its local
// rank): more processes than GPUs crash or share a GPU, fewer leave GPUs idle. The count comes
// from torchrun's flag, the PET_NPROC_PER_NODE variable it reads, a PyTorchJob's nprocPerNode
// or a TrainJob's numProcPerNode.
import type { MapNode, ScalarNode } from '../../document';
import { appClaimGpus, appVisibleGpus, containerClaimGpus, containerVisibleGpus } from '../../workloads';
import { containerLaunches, locateWord } from '../../workloads/launcher';
import { rolePods } from '../../workloads/roles';
import type { WorkloadView } from '../../workloads';
import { defineRule, type RuleContext } from '../rule';
import { replaceSpan, replaceValue, type OffsetFix } from '../yaml-edits';

/** A number of processes, when the value is one (`auto`, `gpu`, `cpu` and expansions are not checked). */
function processCount(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

interface Setting {
  /** What sets it, for the message: `--nproc-per-node`, `PET_NPROC_PER_NODE`, `nprocPerNode`. */
  what: string;
  processes: number;
  at: ScalarNode | { start: number; end: number };
  /** Writes another count, when the value can be replaced safely. */
  fix?: (count: number) => OffsetFix;
}

/** Whether a count of processes disagrees with a number of GPUs (none: nothing to compare with). */
const disagrees = (processes: number, gpus: number) => gpus > 0 && processes !== gpus;

/**
 * Reports a setting that disagrees with the GPUs of `holder` (`container pytorch`, `the Worker pods`),
 * which hold them by limit or, `byClaim`, through a DRA claim.
 */
function report(context: RuleContext, setting: Setting, gpus: number, holder: string, pods: boolean, byClaim: boolean): void {
  const { processes, what } = setting;
  const more = processes > gpus;
  const source = byClaim ? "the claim's GPU count" : 'the GPU limit';
  const effect = more
    ? `the ${processes - gpus} processes without a GPU of their own fail or share one (CUDA out of memory, ` +
      `NCCL errors). Set it to ${gpus}, or raise ${source}.`
    : `${gpus - processes} of the GPUs stay idle while the job holds them. Set it to ${gpus} (or auto), or lower ${source}.`;
  const fix = setting.fix?.(gpus);
  const message =
    `${what} starts ${processes} process${processes === 1 ? '' : 'es'} per pod but ${holder} ${pods ? 'have' : 'has'} ` +
    `${gpus} GPU${gpus === 1 ? '' : 's'}${pods ? ' each' : ''}: ${effect}`;
  context.report(setting.at, message, { severity: more ? 'error' : 'warning', fixes: fix ? [{ ...fix, preferred: more }] : [] });
}

/**
 * The job-level counts: a PyTorchJob's nprocPerNode (a string) and elastic nProcPerNode (an integer), a
 * TrainJob trainer's numProcPerNode (an integer).
 */
function jobSettings(workload: WorkloadView): { node: ScalarNode | undefined; what: string; write: (count: number) => string | number }[] {
  const spec = workload.root.map('spec');
  if (workload.kind === 'PyTorchJob') {
    return [
      { node: spec?.scalar('nprocPerNode'), what: 'nprocPerNode', write: String },
      { node: spec?.map('elasticPolicy')?.scalar('nProcPerNode'), what: 'elasticPolicy.nProcPerNode', write: (count) => count },
    ];
  }
  if (workload.kind !== 'TrainJob') return [];
  const node = spec?.map('trainer')?.scalar('numProcPerNode');
  return [{ node, what: 'numProcPerNode', write: (count) => count }];
}

export const gpuNprocPerNode = defineRule({
  id: 'gpu/nproc-per-node',
  severity: 'error',
  description: "The processes torchrun starts per pod differ from the pod's GPUs: ranks without a GPU crash, or GPUs stay idle.",
  docs: {
    why:
      'torchrun starts `--nproc-per-node` processes in each pod and gives each a local rank, which training ' +
      'code maps to a GPU (`cuda:LOCAL_RANK`). With more processes than GPUs in the container, the extra ' +
      'ranks fail with `invalid device ordinal` or pile onto one GPU until CUDA runs out of memory (an error); ' +
      "with fewer, the remaining GPUs are held and never used (a warning). The count is read from torchrun's " +
      "`--nproc-per-node`/`--nproc_per_node` (also inside a `sh -c` script), from `PET_NPROC_PER_NODE` (torchrun's " +
      "environment default, which the Kubeflow operator sets from a PyTorchJob's `nprocPerNode` — it also " +
      "computes `WORLD_SIZE` from it), from a PyTorchJob's `spec.nprocPerNode` and `spec.elasticPolicy.nProcPerNode`, " +
      "and from a TrainJob's `spec.trainer.numProcPerNode`. Values such as `auto` and `gpu` (one process " +
      'per visible GPU) are fine. The GPUs are the GPU limit and the GPUs of the DRA claims the container uses ' +
      '(`resources.claims`, counted from their ResourceClaimTemplate or ResourceClaim in the same file or ' +
      'folder); containers without GPUs (CPU training), and those whose claims cannot be counted, are not checked.',
    fix: 'Make the number of processes per node equal to the GPU limit, or use `auto`. The quick fix writes the GPU count.',
    source:
      'PyTorch `torch/distributed/run.py` (`--nproc-per-node`: "auto", "cpu", "gpu" or an integer; `PET_` ' +
      'environment defaults); Kubeflow Training Operator `pkg/controller.v1/pytorch/envvar.go` (`PET_NPROC_PER_NODE` ' +
      'and `WORLD_SIZE` from `nprocPerNode`); Kubeflow Trainer `Trainer.numProcPerNode` (passed to torchrun ' +
      'as `--nproc-per-node`).',
    invalid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  nprocPerNode: "4"
#               ^^^ warning[gpu/nproc-per-node]: nprocPerNode starts 4 processes per pod but the Worker pods have 8 GPUs each: 4 of the GPUs stay idle while the job holds them. Set it to 8 (or auto), or lower the GPU limit.
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              command: [torchrun, --nproc-per-node=16, train.py]
#                                                  ^^ error[gpu/nproc-per-node]: --nproc-per-node starts 16 processes per pod but container pytorch has 8 GPUs: the 8 processes without a GPU of their own fail or share one (CUDA out of memory, NCCL errors). Set it to 8, or raise the GPU limit.
              resources:
                limits:
                  nvidia.com/gpu: 8`,
    valid: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: finetune
spec:
  nprocPerNode: auto
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
                  nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    // A container shared by roles through a YAML alias is reported once.
    const seen: MapNode[] = []; // a few containers: a list is cheaper than a Set
    for (const pod of workload.pods) {
      for (const container of pod.containers) {
        if (seen.includes(container.node.node)) continue;
        seen.push(container.node.node);
        // GPUs by limit and by claim; a claim whose count is unknown leaves nothing to compare with.
        const gpus = containerVisibleGpus(pod, container, context.claims);
        if (!gpus) continue;
        const byClaim = (containerClaimGpus(pod, container, context.claims).gpus ?? 0) > 0;
        const holder = `container ${container.name ?? '(unnamed)'}`;
        for (const launch of containerLaunches(container)) {
          const nproc = launch.nprocPerNode;
          const processes = nproc && processCount(nproc.value);
          if (!nproc || processes === undefined || !disagrees(processes, gpus)) continue;
          const span = locateWord(context.text, nproc.word, nproc.rawStart, nproc.rawEnd);
          const fix = span && ((count: number) => ({ title: `Set ${nproc.flag} to ${count}`, edits: [replaceSpan(span, String(count))] }));
          report(context, { what: nproc.flag, processes, at: span ?? nproc.word.node, fix }, gpus, holder, false, byClaim);
        }
        for (const env of container.env) {
          if (env.name !== 'PET_NPROC_PER_NODE') continue;
          const value = env.value;
          const processes = processCount(value?.value);
          if (processes === undefined || !value || !disagrees(processes, gpus)) continue;
          report(
            context,
            {
              what: 'PET_NPROC_PER_NODE',
              processes,
              at: value,
              fix: (count) => ({ title: `Set PET_NPROC_PER_NODE to ${count}`, edits: [replaceValue(value, String(count))] }),
            },
            gpus,
            holder,
            false,
            byClaim,
          );
        }
      }
    }
    for (const { node, what, write } of jobSettings(workload)) {
      const processes = processCount(node?.value);
      if (!node || processes === undefined) continue;
      // One finding per GPU count that disagrees, naming the roles that have it; a fix only when every role agrees.
      const byGpus = new Map<number, string[]>();
      let byClaim = false;
      for (const pod of workload.pods) {
        const gpus = appVisibleGpus(pod, context.claims);
        if (gpus) byGpus.set(gpus, [...(byGpus.get(gpus) ?? []), pod.role]);
        byClaim ||= (appClaimGpus(pod, context.claims).gpus ?? 0) > 0;
      }
      for (const [gpus, roles] of byGpus) {
        if (!disagrees(processes, gpus)) continue;
        const holder =
          roles.length === 1
            ? rolePods(
                workload,
                workload.pods.find((pod) => pod.role === roles[0])!,
              )
            : `the ${roles.join(' and ')} pods`;
        const fix =
          byGpus.size === 1
            ? (count: number) => ({ title: `Set ${what} to ${count}`, edits: [replaceValue(node, write(count))] })
            : undefined;
        report(context, { what, processes, at: node, fix }, gpus, holder, true, byClaim);
      }
    }
  },
});
