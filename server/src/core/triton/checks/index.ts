// The semantic checks of Triton configs, in a sorted list: adding a check is adding a file and a line here.
import type { TritonCheck } from './check';
import { batchIo } from './batch-io';
import { dynamicBatching } from './dynamic-batching';
import { ensembleModels } from './ensemble-models';
import { ensembleScheduling } from './ensemble-scheduling';
import { ensembleTensors } from './ensemble-tensors';
import { instanceGroupProfile } from './instance-group-profile';
import { instanceGroups } from './instance-groups';
import { ioFormat } from './io-format';
import { maxBatchSize } from './max-batch-size';
import { modelFiles } from './model-files';
import { modelMetrics } from './model-metrics';
import { nameMatchesFolder } from './name-matches-folder';
import { platformBackend } from './platform-backend';
import { platformOrBackend } from './platform-or-backend';
import { reshape } from './reshape';
import { responseCache } from './response-cache';
import { scalarTensors } from './scalar-tensors';
import { sequenceBatching } from './sequence-batching';
import { tensorDims } from './tensor-dims';
import { tensorFields } from './tensor-fields';

export const TRITON_CHECKS: readonly TritonCheck[] = [
  batchIo,
  dynamicBatching,
  ensembleModels,
  ensembleScheduling,
  ensembleTensors,
  instanceGroupProfile,
  instanceGroups,
  ioFormat,
  maxBatchSize,
  modelFiles,
  modelMetrics,
  nameMatchesFolder,
  platformBackend,
  platformOrBackend,
  reshape,
  responseCache,
  scalarTensors,
  sequenceBatching,
  tensorDims,
  tensorFields,
];
