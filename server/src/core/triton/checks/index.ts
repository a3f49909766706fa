// The Triton checks, in a list sorted by id: adding a check is adding its file (id `triton/<file name>`,
// with its page's examples) and a line here; a meta test holds the list to the files.
import type { TritonCheck } from './check';
import { tritonBatchIo } from './batch-io';
import { tritonDims } from './dims';
import { tritonDynamicBatching } from './dynamic-batching';
import { tritonEnsemble } from './ensemble';
import { tritonEnsembleConsistency } from './ensemble-consistency';
import { tritonEnsembleDecoupled } from './ensemble-decoupled';
import { tritonEnsembleModels } from './ensemble-models';
import { tritonEnsembleTensors } from './ensemble-tensors';
import { tritonEnsembleVersions } from './ensemble-versions';
import { tritonInstanceGroup } from './instance-group';
import { tritonInstanceGroupProfile } from './instance-group-profile';
import { tritonIoFormat } from './io-format';
import { tritonMaxBatchSize } from './max-batch-size';
import { tritonModelFiles } from './model-files';
import { tritonModelMetrics } from './model-metrics';
import { tritonNameMismatch } from './name-mismatch';
import { tritonPlatformBackend } from './platform-backend';
import { tritonPlatformOrBackend } from './platform-or-backend';
import { tritonReshape } from './reshape';
import { tritonResponseCache } from './response-cache';
import { tritonScalarTensor } from './scalar-tensor';
import { tritonSequenceBatching } from './sequence-batching';
import { tritonTensorFields } from './tensor-fields';

export const TRITON_CHECKS: readonly TritonCheck[] = [
  tritonBatchIo,
  tritonDims,
  tritonDynamicBatching,
  tritonEnsemble,
  tritonEnsembleConsistency,
  tritonEnsembleDecoupled,
  tritonEnsembleModels,
  tritonEnsembleTensors,
  tritonEnsembleVersions,
  tritonInstanceGroup,
  tritonInstanceGroupProfile,
  tritonIoFormat,
  tritonMaxBatchSize,
  tritonModelFiles,
  tritonModelMetrics,
  tritonNameMismatch,
  tritonPlatformBackend,
  tritonPlatformOrBackend,
  tritonReshape,
  tritonResponseCache,
  tritonScalarTensor,
  tritonSequenceBatching,
  tritonTensorFields,
];
