// A config must say which backend runs the model, unless auto-complete can tell from the model
// file in a version folder (model.onnx means ONNX Runtime, model.py Python, …). Only decidable
// when the folders can be listed: otherwise the check stays silent.
import type { TritonCheck } from './check';
import { AUTO_COMPLETE_FILES } from '../platforms';

export const platformOrBackend: TritonCheck = {
  id: 'triton/platform-or-backend',
  description: "A config names a platform or a backend, unless auto-complete can find the backend from the model file.",
  check(config, context) {
    if (config.field('platform') || config.field('backend')) return;
    const versions = context.repository?.versions();
    if (!versions) return;
    const known = (name: string) => name in AUTO_COMPLETE_FILES;
    const filename = config.string('default_model_filename');
    if (versions.some((version) => version.entries.some((entry) => known(entry.name) || entry.name === filename))) return;
    const anchor = config.anchor('name');
    context.report(anchor.start, anchor.end, 'error', this.id, `must specify 'platform' or 'backend' for '${context.modelName}': no model file in its version folders lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, …).`);
  },
};
