// The rules, in a sorted list: adding a rule is adding its file (with its test) and a line here.
import type { Rule } from './rule';
import { draDeviceClass } from './dra/device-class';
import { draMissingClaim } from './dra/missing-claim';
import { gpuCpuImageWithGpu } from './gpu/cpu-image-with-gpu';
import { gpuCudaImageWithoutGpu } from './gpu/cuda-image-without-gpu';
import { gpuInitContainerGpu } from './gpu/init-container-gpu';
import { gpuLimitAndClaim } from './gpu/limit-and-claim';
import { gpuLimitRequired } from './gpu/limit-required';
import { gpuMigMixed } from './gpu/mig-mixed';
import { gpuNoToleration } from './gpu/no-toleration';
import { gpuNprocPerNode } from './gpu/nproc-per-node';
import { gpuReplicaGpusDiffer } from './gpu/replica-gpus-differ';
import { gpuRequestEqualsLimit } from './gpu/request-equals-limit';
import { gpuResourceName } from './gpu/resource-name';
import { gpuSharedCount } from './gpu/shared-count';
import { gpuShmMissing } from './gpu/shm-missing';
import { gpuShmSize } from './gpu/shm-size';
import { gpuTritonWithoutGpu } from './gpu/triton-without-gpu';
import { gpuVisibleDevicesSet } from './gpu/visible-devices-set';
import { gpuWholeNumber } from './gpu/whole-number';
import { jobsetDependsOn } from './jobset/depends-on';
import { jobsetPolicyTargets } from './jobset/policy-targets';
import { kubeflowContainerName } from './kubeflow/container-name';
import { kubeflowElasticWorker } from './kubeflow/elastic-worker';
import { kubeflowEmptyImage } from './kubeflow/empty-image';
import { kubeflowMasterReplicas } from './kubeflow/master-replicas';
import { kubeflowNprocConflict } from './kubeflow/nproc-conflict';
import { kubeflowReplicaTypes } from './kubeflow/replica-types';
import { mpiLauncher } from './mpi/launcher';
import { mpiSlotsPerWorker } from './mpi/slots-per-worker';
import { rayNumGpus } from './ray/num-gpus';
import { rayWorkerReplicas } from './ray/worker-replicas';
import { schedulingMinCount } from './scheduling/min-count';
import { trainerNumProcPerNode } from './trainer/num-proc-per-node';
import { trainerReservedEnv } from './trainer/reserved-env';
import { volcanoMinAvailable } from './volcano/min-available';
import { volcanoTaskDependencies } from './volcano/task-dependencies';
import { volcanoTaskNames } from './volcano/task-names';

export const RULES: readonly Rule[] = [
  draDeviceClass,
  draMissingClaim,
  gpuCpuImageWithGpu,
  gpuCudaImageWithoutGpu,
  gpuInitContainerGpu,
  gpuLimitAndClaim,
  gpuLimitRequired,
  gpuMigMixed,
  gpuNoToleration,
  gpuNprocPerNode,
  gpuReplicaGpusDiffer,
  gpuRequestEqualsLimit,
  gpuResourceName,
  gpuSharedCount,
  gpuShmMissing,
  gpuShmSize,
  gpuTritonWithoutGpu,
  gpuVisibleDevicesSet,
  gpuWholeNumber,
  jobsetDependsOn,
  jobsetPolicyTargets,
  kubeflowContainerName,
  kubeflowElasticWorker,
  kubeflowEmptyImage,
  kubeflowMasterReplicas,
  kubeflowNprocConflict,
  kubeflowReplicaTypes,
  mpiLauncher,
  mpiSlotsPerWorker,
  rayNumGpus,
  rayWorkerReplicas,
  schedulingMinCount,
  trainerNumProcPerNode,
  trainerReservedEnv,
  volcanoMinAvailable,
  volcanoTaskDependencies,
  volcanoTaskNames,
];
