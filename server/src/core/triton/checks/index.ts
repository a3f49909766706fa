// The semantic checks of Triton configs, in a sorted list: adding a check is adding a file and a line here.
import type { TritonCheck } from './check';
import { dynamicBatching } from './dynamic-batching';
import { ensembleScheduling } from './ensemble-scheduling';
import { instanceGroups } from './instance-groups';
import { maxBatchSize } from './max-batch-size';
import { nameMatchesFolder } from './name-matches-folder';
import { platformBackend } from './platform-backend';
import { tensorDims } from './tensor-dims';
import { tensorFields } from './tensor-fields';

export const TRITON_CHECKS: readonly TritonCheck[] = [
  dynamicBatching,
  ensembleScheduling,
  instanceGroups,
  maxBatchSize,
  nameMatchesFolder,
  platformBackend,
  tensorDims,
  tensorFields,
];
