// A TrainJob that leaves numProcPerNode to the PyTorch runtime gets one process per GPU of a
// node — and, when its resourcesPerNode holds no GPU, one process per CPU: dozens of training
// processes on a node sized for one.
import { isGpuResource } from '../../workloads';
import { parseQuantity } from '../../workloads';
import { findTrainingRuntime } from '../../workloads/training-runtime';
import type { ResourceQuantity } from '../../workloads';
import { defineRule } from '../rule';
import { addEntry } from '../yaml-edits';

/** Runtimes named for a framework other than PyTorch (MPI for DeepSpeed and MLX, JAX, XGBoost, Flux) count processes their own way. */
const NOT_TORCH = /deepspeed|mlx|mpi|jax|xgboost|flux/i;

/** Whole CPUs of a quantity, rounded up as Kubernetes' Quantity.Value() does. */
function cpus(quantities: ResourceQuantity[]): number | undefined {
  const value = parseQuantity(quantities.find((quantity) => quantity.name === 'cpu')?.value?.value);
  return value === undefined ? undefined : Math.ceil(value);
}

export const trainerNumProcPerNode = defineRule({
  id: 'trainer/num-proc-per-node',
  severity: 'warning',
  kinds: ['trainer.kubeflow.org/TrainJob'],
  description: 'A TrainJob leaves numProcPerNode unset with no GPU per node: one process per CPU.',
  // Reads the TrainJob's runtime from the file or its folder, when the workspace has it.
  scope: 'workspace',
  docs: {
    why:
      "With `numProcPerNode` unset, the Trainer's PyTorch runtime lets torchrun count processes per node " +
      "the way `--nproc-per-node=auto` does: one per GPU — and, with no GPU in the node's resources, one " +
      "per CPU. A `resourcesPerNode` that replaces the runtime's resources without the GPU (a GPU job whose " +
      '`limits` were rewritten with only `cpu` and `memory`), or a CPU job with many cores, then starts ' +
      "as many training processes as there are CPUs on every node: dozens of processes that share the node's " +
      'memory and fight over its cores, or run out of memory.',
    fix:
      'Add the GPUs to `resourcesPerNode.limits` if the job is meant to train on GPUs, or set `numProcPerNode` ' +
      '(usually 1 for CPU training: one process using every core). The quick fix sets `numProcPerNode: 1`. ' +
      'When the TrainJob writes no `resourcesPerNode`, mlinfra reads the node resources, `numProcPerNode` ' +
      'and framework of the runtime it names, if the runtime is in the same file or in a YAML file of the ' +
      'same folder.',
    source:
      'Kubeflow Trainer v2, `pkg/runtime/framework/plugins/torch` (`EnforceMLPolicy`: with no GPU in the ' +
      'resources per node the process count is taken from the CPUs) and the TrainJob API (`trainer.numProcPerNode`, ' +
      "`trainer.resourcesPerNode`, which overrides the runtime's resources); PyTorch `torch.distributed.run` " +
      '(`--nproc-per-node=auto`: the GPU count, else the CPU count).',
    invalid: `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numNodes: 2
    resourcesPerNode:
#   ^^^^^^^^^^^^^^^^ warning[trainer/num-proc-per-node]: numProcPerNode is not set and resourcesPerNode holds no GPU: the PyTorch runtime then starts one training process per CPU on each node (cpu: 32 here). Add the GPUs to resourcesPerNode.limits, or set numProcPerNode (1 for CPU training).
      limits:
        cpu: 32
        memory: 128Gi`,
    valid: `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numNodes: 2
    resourcesPerNode:
      limits:
        cpu: 32
        memory: 128Gi
        nvidia.com/gpu: 4`,
  },
  check(workload, context) {
    const spec = workload.root.map('spec');
    const trainer = spec?.map('trainer');
    if (!trainer || trainer.entry('numProcPerNode')) return;
    const workspace = context.workspace;
    const runtime = workspace && findTrainingRuntime(workload, workspace.documents, workspace.uri, workspace.host);
    if (
      runtime
        ? (runtime.framework !== undefined && runtime.framework !== 'torch') || runtime.numProcPerNode !== undefined
        : NOT_TORCH.test(spec?.map('runtimeRef')?.string('name') ?? '')
    )
      return;
    const resourcesEntry = trainer.entry('resourcesPerNode');
    const container = workload.pods[0]?.containers[0];
    // Without resourcesPerNode the runtime's resources apply: known only when the workspace has the runtime.
    const resources = resourcesEntry ? container?.resources : runtime?.node?.resources;
    const where = resourcesEntry?.key ?? spec?.map('runtimeRef')?.scalar('name');
    if (!resources?.node || !where) return;
    const { limits, requests } = resources;
    if ([...limits, ...requests].some((quantity) => isGpuResource(quantity.name))) return;
    const count = cpus(limits) ?? cpus(requests);
    if (count === undefined || count <= 1) return;
    const cpu = limits.find((quantity) => quantity.name === 'cpu') ?? requests.find((quantity) => quantity.name === 'cpu');
    const fixes = [{ title: 'Set numProcPerNode: 1', edits: [addEntry(context.text, trainer.node, 'numProcPerNode', 1)] }];
    if (resourcesEntry) {
      const written = cpu?.value ? context.text.slice(cpu.value.start, cpu.value.end) : String(count);
      context.report(
        where,
        `numProcPerNode is not set and resourcesPerNode holds no GPU: the PyTorch runtime then starts one ` +
          `training process per CPU on each node (cpu: ${written} here). Add the GPUs to resourcesPerNode.limits, ` +
          `or set numProcPerNode (1 for CPU training).`,
        { fixes },
      );
      return;
    }
    context.report(
      where,
      `numProcPerNode is not set and the node of runtime ${runtime!.name} (${runtime!.source}) has no GPU: ` +
        `the PyTorch runtime then starts one training process per CPU on each node (cpu: ${String(cpu?.value?.value ?? count)}). ` +
        `Add the GPUs in trainer.resourcesPerNode, or set numProcPerNode (1 for CPU training).`,
      { fixes },
    );
  },
});
