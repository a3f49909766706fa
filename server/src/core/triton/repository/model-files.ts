// Which file Triton loads from a version folder, per platform and backend, and which backend it
// picks when a config names neither (auto-complete looks for these files).

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
export function defaultModelFiles(platform: string | undefined, backend: string | undefined, defaultModelFilename: string | undefined): string[] | undefined {
  if (platform === 'ensemble') return undefined;
  if (defaultModelFilename) return [defaultModelFilename];
  return (platform && BY_PLATFORM[platform]) || (backend && BY_BACKEND[backend]) || undefined;
}

/** The model files auto-complete recognises when a config names no platform and no backend, and the backend each means. */
export const AUTO_COMPLETE_FILES: Record<string, string> = {
  'model.plan': 'tensorrt',
  'model.onnx': 'onnxruntime',
  'model.savedmodel': 'tensorflow',
  'model.graphdef': 'tensorflow',
  'model.pt': 'pytorch',
  'model.py': 'python',
};
