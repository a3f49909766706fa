// A config must say which backend runs the model, unless auto-complete can tell: from
// default_model_filename, from the model file in the first version folder (model.onnx means ONNX
// Runtime, model.xml OpenVINO, model.py Python, …), or from a model named `<name>.<backend>`. Only
// decidable when the folders can be listed: otherwise the check stays silent. A model with no version
// folder at all (files pulled at deploy time) is left to triton/model-files' warning.
import { defineCheck } from './check';
import { AUTO_COMPLETE_FILES, customBackendOfName } from '../platforms';

export const tritonPlatformOrBackend = defineCheck({
  id: 'triton/platform-or-backend',
  severity: 'error',
  description: 'A config names a platform or a backend, unless auto-complete can find the backend from the model file.',
  docs: {
    why:
      'Triton must know which backend runs a model. A config may leave it out when auto-complete can tell it ' +
      'from the model file in a version folder (`model.onnx` means ONNX Runtime, `model.py` Python…); otherwise ' +
      "the model fails to load. Decided only where mlinfra can list the model's folders and the model has a " +
      'version folder: with none, the model files come at deploy time and `triton/model-files` says so.',
    fix:
      'Add `backend: "…"` (python, onnxruntime, tensorrt, pytorch…) or `platform: "…"`, or name the model file ' +
      'as its backend expects.',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config) and the auto-complete of the backends; docs/user_guide/model_configuration.md (auto-generated ' +
      'model configuration).',
    folder: 'detector',
    repository: {
      'detector/1/weights.bin': '',
    },
    invalid: `name: "detector"
#     ^^^^^^^^^^ error[triton/platform-or-backend]: must specify 'platform' or 'backend' for 'detector': no model file in its first version folder (1/) lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, openvino, …).
max_batch_size: 8`,
    valid: `name: "detector"
backend: "python"
default_model_filename: "weights.bin"
max_batch_size: 8`,
  },
  check(config, context) {
    if (config.field('platform') || config.field('backend')) return;
    const versions = context.repository?.versions();
    if (!versions) return;
    // No version folder at all: the model files are pulled at deploy time, so whether Triton can tell the backend
    // is unknown here; triton/model-files already warns of the missing folder.
    if (!versions.length) return;
    // A default_model_filename decides alone: one of the known names tells the backend, another tells nothing.
    const filename = config.string('default_model_filename');
    if (filename && filename in AUTO_COMPLETE_FILES) return;
    // Auto-complete inspects the first version folder in name order (`10` before `9`), and no other.
    const first = [...versions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
    if (!filename && first.entries.some((entry) => entry.name in AUTO_COMPLETE_FILES)) return;
    // With nothing else given, a model named `<name>.<backend>` names its custom backend.
    if (!filename && customBackendOfName(context.modelName)) return;
    const anchor = config.anchor('name');
    context.report(
      anchor.start,
      anchor.end,
      `must specify 'platform' or 'backend' for '${context.modelName}': no model file in its first version folder ` +
        `(${first.name}/) lets Triton tell the backend. Add backend: "…" (python, onnxruntime, tensorrt, pytorch, openvino, …).`,
    );
  },
});
