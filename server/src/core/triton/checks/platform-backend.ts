// Platform and backend must agree: Triton refuses an unknown platform without a backend, a
// pair that names two frameworks, and an ensemble with a backend.
import { removeFields, replaceString } from '../pbtxt-edits';
import type { TritonCheck } from './check';
import { PLATFORM_BACKENDS } from '../platforms';

/** Backends whose platform Triton checks; others accept any platform. */
const CHECKED_BACKENDS = new Set(['tensorrt', 'onnxruntime', 'pytorch', 'tensorflow']);

export const platformBackend: TritonCheck = {
  id: 'triton/platform-backend',
  description: 'The platform and the backend must name the same framework; ensembles have no backend.',
  check(config, context) {
    const platform = config.scalar('platform');
    const backend = config.scalar('backend');
    const platformName = platform?.string;
    const backendName = backend?.string;
    if (platformName === 'ensemble') {
      if (backend && backendName) {
        const fix = { title: 'Remove backend', edits: removeFields(context.text, config.fields('backend')), preferred: true };
        context.report(backend.start, backend.end, 'error', this.id, `Ensemble model '${context.modelName}' must have platform type 'ensemble' and empty backend type. Remove the backend.`, [fix]);
      }
      return;
    }
    if (platform && platformName !== undefined && !(platformName in PLATFORM_BACKENDS)) {
      if (!backendName) context.report(platform.start, platform.end, 'error', this.id, `unexpected platform type '${platformName}' for ${context.modelName}. Known platforms: ${[...Object.keys(PLATFORM_BACKENDS), 'ensemble'].join(', ')}; other frameworks are set with backend.`);
      return;
    }
    if (!platform || !backend || platformName === undefined || backendName === undefined || !CHECKED_BACKENDS.has(backendName)) return;
    const expected = PLATFORM_BACKENDS[platformName];
    if (expected !== backendName) {
      const fix = { title: `Change backend to "${expected}"`, edits: [replaceString(backend, expected)] };
      context.report(backend.start, backend.end, 'error', this.id, `unexpected 'platform' and 'backend' pair, got:${platformName}, ${backendName}. Platform ${platformName} is served by backend "${expected}".`, [fix]);
    }
  },
};
