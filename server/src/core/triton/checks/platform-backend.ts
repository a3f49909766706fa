// Platform and backend must agree: Triton refuses an unknown platform without a backend, a
// pair that names two frameworks, and an ensemble with a backend.
import { removeFields, replaceString } from '../pbtxt-edits';
import { defineCheck } from './check';
import { PLATFORM_BACKENDS } from '../platforms';

/** Backends whose platform Triton checks; others accept any platform. */
const CHECKED_BACKENDS = new Set(['tensorrt', 'onnxruntime', 'pytorch', 'tensorflow']);

export const tritonPlatformBackend = defineCheck({
  id: 'triton/platform-backend',
  severity: 'error',
  description: 'The platform and the backend must name the same framework; ensembles have no backend.',
  docs: {
    why:
      '`platform` (how the model file is stored) and `backend` (what runs it) must name the same framework: ' +
      'Triton refuses an unknown platform without a backend, a pair that names two frameworks, and an ensemble ' +
      'with a backend.',
    fix:
      'Keep the backend of the platform (the quick fix writes it), name other frameworks with `backend` alone, ' +
      'and give ensembles no backend (the quick fix removes it).',
    source:
      'Triton Inference Server core, `src/model_config_utils.cc` (the validation Triton runs when it loads a ' +
      'config); docs/user_guide/model_configuration.md (name, platform and backend).',
    folder: 'detector',
    invalid: `platform: "tensorrt_plan"
backend: "onnxruntime"
#        ^^^^^^^^^^^^^ error[triton/platform-backend]: unexpected 'platform' and 'backend' pair, got:tensorrt_plan, onnxruntime. Platform tensorrt_plan is served by backend "tensorrt".`,
    valid: `platform: "tensorrt_plan"
backend: "tensorrt"`,
  },
  check(config, context) {
    const platform = config.scalar('platform');
    const backend = config.scalar('backend');
    const platformName = platform?.string;
    const backendName = backend?.string;
    if (platformName === 'ensemble') {
      if (backend && backendName) {
        const fix = { title: 'Remove backend', edits: removeFields(context.text, config.fields('backend')), preferred: true };
        context.report(
          backend.start,
          backend.end,
          `Ensemble model '${context.modelName}' must have platform type 'ensemble' and empty backend type. Remove the backend.`,
          { fixes: [fix] },
        );
      }
      return;
    }
    if (platform && platformName !== undefined && !(platformName in PLATFORM_BACKENDS)) {
      if (!backendName)
        context.report(
          platform.start,
          platform.end,
          `unexpected platform type '${platformName}' for ${context.modelName}. Known platforms: ${[...Object.keys(PLATFORM_BACKENDS), 'ensemble'].join(', ')}; ` +
            `other frameworks are set with backend.`,
        );
      return;
    }
    if (!platform || !backend || platformName === undefined || backendName === undefined || !CHECKED_BACKENDS.has(backendName)) return;
    const expected = PLATFORM_BACKENDS[platformName];
    if (expected !== backendName) {
      const fix = { title: `Change backend to "${expected}"`, edits: [replaceString(backend, expected)] };
      context.report(
        backend.start,
        backend.end,
        `unexpected 'platform' and 'backend' pair, got:${platformName}, ${backendName}. Platform ${platformName} ` +
          `is served by backend "${expected}".`,
        { fixes: [fix] },
      );
    }
  },
});
