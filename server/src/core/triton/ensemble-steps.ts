// What the ensemble checks share about a step: whether it is complete as Triton sees it. Triton
// stops at an incomplete step, before it follows tensors or compares them with models.
import type { ConfigNode } from './config-view';

/** The fields a step lacks, as Triton counts them: an empty model_name, or a map with no entry, is missing. */
export function missingStepFields(step: ConfigNode): string[] {
  const missing = step.string('model_name') ? [] : ['model_name'];
  return [...missing, ...['input_map', 'output_map'].filter((map) => !step.messages(map).length)];
}
