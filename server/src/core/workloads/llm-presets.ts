// KServe merges an LLMInferenceService's pod specs with the LLMInferenceServiceConfigs it names in
// `baseRefs` before it runs them: what the manifest leaves out of a pod (a container's resources,
// the tolerations) may come from there, so rules about what is missing leave such services alone.
import type { WorkloadView } from './index';

/** An LLMInferenceService that names LLMInferenceServiceConfigs to merge (`spec.baseRefs`). */
export function mergesLlmPresets(workload: WorkloadView): boolean {
  return workload.kind === 'LLMInferenceService' && (workload.root.map('spec')?.maps('baseRefs').length ?? 0) > 0;
}
