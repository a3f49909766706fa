// What Triton knows of its platforms and backends: which backend serves a platform, which
// backends auto-complete a config from the model file, which file each loads from a version
// folder, and which backend auto-complete picks when a config names neither.
import type { ConfigNode } from './config-view';

/** Each platform and the backend that serves it. */
export const PLATFORM_BACKENDS: Record<string, string> = {
  tensorrt_plan: 'tensorrt',
  onnxruntime_onnx: 'onnxruntime',
  pytorch_libtorch: 'pytorch',
  libtorch: 'pytorch',
  torch_aoti: 'pytorch',
  tensorflow_savedmodel: 'tensorflow',
  tensorflow_graphdef: 'tensorflow',
};

/**
 * The backend that runs the model: `backend` when written, else its platform's backend, else
 * the platform itself (`ensemble`, or one Triton does not know); undefined when the config names
 * neither, and auto-complete picks the backend from the model file.
 */
export function backendOf(config: ConfigNode): string | undefined {
  const platform = config.string('platform') || undefined;
  return config.string('backend') || (platform && PLATFORM_BACKENDS[platform]) || platform;
}

/** Backends that read tensor names, types, shapes and max_batch_size from the model file (auto-complete). */
export const AUTO_COMPLETING = new Set(['onnxruntime', 'tensorrt', 'tensorflow', 'openvino', 'python']);

/** The default model file of each platform, then of each backend (platform wins when both are known). */
const BY_PLATFORM: Record<string, string[]> = {
  tensorrt_plan: ['model.plan'],
  onnxruntime_onnx: ['model.onnx'],
  pytorch_libtorch: ['model.pt'],
  libtorch: ['model.pt'],
  torch_aoti: ['model.pt2'],
  tensorflow_savedmodel: ['model.savedmodel'],
  tensorflow_graphdef: ['model.graphdef'],
};

const BY_BACKEND: Record<string, string[]> = {
  tensorrt: ['model.plan'],
  onnxruntime: ['model.onnx'],
  pytorch: ['model.pt', 'model.pt2'],
  tensorflow: ['model.savedmodel', 'model.graphdef'],
  openvino: ['model.xml'],
  python: ['model.py'],
  dali: ['model.dali'],
  vllm: ['model.json'],
};

/**
 * The file names any of which Triton would load for this model, or undefined when the backend
 * finds its files its own way (fil, tensorrtllm, custom backends) or there is no model file (ensembles).
 */
export function defaultModelFiles(
  platform: string | undefined,
  backend: string | undefined,
  defaultModelFilename: string | undefined,
): string[] | undefined {
  if (platform === 'ensemble') return undefined;
  if (defaultModelFilename) return [defaultModelFilename];
  return (platform && BY_PLATFORM[platform]) || (backend && BY_BACKEND[backend]) || undefined;
}

/**
 * The model files auto-complete recognises when a config names no platform and no backend, and the
 * backend each means. Triton looks for them in the first version folder only (by name).
 */
export const AUTO_COMPLETE_FILES: Record<string, string> = {
  'model.plan': 'tensorrt',
  'model.onnx': 'onnxruntime',
  'model.xml': 'openvino',
  'model.savedmodel': 'tensorflow',
  'model.graphdef': 'tensorflow',
  'model.pt': 'pytorch',
  'model.pt2': 'pytorch',
  'model.py': 'python',
};

/**
 * The backend a custom backend's model names: with nothing else to go by, auto-complete reads it
 * from a model name of the form `<name>.<backend>` (`model.identity` loads backend `identity` from
 * `model.identity`). Undefined when the name has no dot.
 */
export function customBackendOfName(modelName: string): string | undefined {
  const dot = modelName.indexOf('.');
  return dot < 0 ? undefined : modelName.slice(dot + 1) || undefined;
}
