// What the ensemble checks share about a step: whether it is complete as Triton sees it (Triton
// stops at an incomplete step, before it follows tensors or compares them with models), and
// whether its model may have more tensors than its config declares.
import type { ConfigNode } from './config-view';
import { backendOf } from './platforms';
import type { RepositoryView } from './repository/model-repository';

/** The fields a step lacks, as Triton counts them: an empty model_name, or a map with no entry, is missing. */
export function missingStepFields(step: ConfigNode): string[] {
  const missing = step.string('model_name') ? [] : ['model_name'];
  return [...missing, ...['input_map', 'output_map'].filter((map) => !step.messages(map).length)];
}

/**
 * Whether the model `name` may have inputs and outputs its config does not declare: the Python
 * backend adds those that model.py's `auto_complete_config` adds, even to a config that declares
 * some (the other backends complete a kind of tensor only when the config declares none of it).
 * So when the model is Python's (by its backend, or by a model.py auto-complete would find) and a
 * model.py of it defines that method, or cannot be read yet.
 */
export function mayAddTensors(name: string, config: ConfigNode, repository: RepositoryView): boolean {
  const backend = backendOf(config);
  if (backend !== undefined && backend !== 'python') return false;
  const file = config.string('default_model_filename') || 'model.py';
  const sources = (repository.versionsOf(name) ?? []).map((version) => repository.fileOf(name, `${version}/${file}`));
  const completes = (source: string) => /\bdef\s+auto_complete_config\b/.test(source);
  // Without a backend, a model.py that can be read is what makes it Python's.
  if (backend === undefined) return sources.some((source) => source !== undefined && completes(source));
  return sources.some((source) => source === undefined || completes(source));
}
