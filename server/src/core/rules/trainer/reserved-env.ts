// The Trainer's PyTorch runtime sets torchrun's PET_* variables itself (from numNodes,
// numProcPerNode and the trainer's headless service); its webhook rejects a TrainJob whose
// trainer env sets them.
import { defineRule } from '../rule';
import { removeEntry, removeItem } from '../yaml-edits';

/** torchrun's variables the PyTorch runtime injects (`constants.TorchRunReservedEnvNames`). */
const RESERVED = ['PET_NNODES', 'PET_NPROC_PER_NODE', 'PET_NODE_RANK', 'PET_MASTER_ADDR', 'PET_MASTER_PORT'];

/** Runtimes named for a framework other than PyTorch (MPI for DeepSpeed and MLX, JAX, XGBoost, Flux) do not inject PET_*. */
const NOT_TORCH = /deepspeed|mlx|mpi|jax|xgboost|flux/i;

export const trainerReservedEnv = defineRule({
  id: 'trainer/reserved-env',
  severity: 'error',
  kinds: ['trainer.kubeflow.org/TrainJob'],
  description: 'A TrainJob sets a PET_* variable that the PyTorch runtime reserves.',
  docs: {
    why:
      'For a PyTorch runtime, Kubeflow Trainer configures torchrun through environment variables it injects ' +
      'into the trainer: `PET_NNODES` (from `numNodes`), `PET_NPROC_PER_NODE` (from `numProcPerNode`), `PET_NODE_RANK`, ' +
      "`PET_MASTER_ADDR` and `PET_MASTER_PORT` (from the job's headless service). Its webhook rejects a " +
      'TrainJob whose `trainer.env` sets one of them ("must not have reserved envs"), so the job is never ' +
      'created.',
    fix:
      'Remove the variable and set what it meant through the TrainJob: `numNodes` for `PET_NNODES`, `numProcPerNode` ' +
      "for `PET_NPROC_PER_NODE`; the rank and master address are the runtime's. The quick fix removes the " +
      'entry.',
    source:
      'Kubeflow Trainer v2, `pkg/runtime/framework/plugins/torch` (`Validate`: spec.trainer.env "must not ' +
      'have reserved envs, invalid envs configured: …") and `pkg/constants` (`TorchRunReservedEnvNames`: ' +
      'PET_NNODES, PET_NPROC_PER_NODE, PET_NODE_RANK, PET_MASTER_ADDR, PET_MASTER_PORT).',
    invalid: `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numNodes: 2
    env:
      - name: PET_NNODES
#             ^^^^^^^^^^ error[trainer/reserved-env]: PET_NNODES is reserved: the Trainer's PyTorch runtime sets it, and its webhook rejects the TrainJob ("must not have reserved envs"). Remove it; set numNodes instead.
        value: "2"
    resourcesPerNode:
      limits:
        nvidia.com/gpu: 8`,
    valid: `apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  name: finetune
spec:
  runtimeRef:
    name: torch-distributed
  trainer:
    numNodes: 2
    env:
      - name: NCCL_DEBUG
        value: INFO
    resourcesPerNode:
      limits:
        nvidia.com/gpu: 8`,
  },
  check(workload, context) {
    const spec = workload.root.map('spec');
    const trainer = spec?.map('trainer');
    const envSeq = trainer?.seq('env');
    if (!trainer || !envSeq || NOT_TORCH.test(spec?.map('runtimeRef')?.string('name') ?? '')) return;
    const container = workload.pods[0]?.containers[0];
    for (const variable of container?.env ?? []) {
      if (!RESERVED.includes(variable.name)) continue;
      const instead =
        variable.name === 'PET_NNODES'
          ? '; set numNodes instead'
          : variable.name === 'PET_NPROC_PER_NODE'
            ? '; set numProcPerNode instead'
            : ' (the runtime sets it for each node)';
      // The last variable goes with its `env:` key, which would otherwise be left null.
      const lone = envSeq.items.length === 1;
      const edit = lone
        ? removeEntry(context.text, trainer.node, trainer.entry('env')!)
        : removeItem(context.text, envSeq, variable.node.node);
      context.report(
        variable.nameNode,
        `${variable.name} is reserved: the Trainer's PyTorch runtime sets it, and its webhook rejects the ` +
          `TrainJob ("must not have reserved envs"). Remove it${instead}.`,
        {
          fixes: [{ title: `Remove ${variable.name}`, edits: [edit], preferred: true }],
        },
      );
    }
  },
});
