// Triton's own tests of the ensembles it refuses to load, vendored in test/fixtures/triton-refused:
// each is refused here too, in the refused ensemble's config, by the check that mirrors the reason
// Triton logs (the case's `expected`). The checks run as the server runs them, on the files on disk.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diskChecker } from '../harness/hosts';

const REFUSED = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'triton-refused');

/** Each case of Triton's test (the ensemble it refuses is the model of the case's name) and the check that says why. */
const CASES: Record<string, string> = {
  circular_dependency: 'triton/ensemble-models',
  ensemble_scheduling_no_set: 'triton/ensemble',
  has_backend: 'triton/platform-backend',
  inconsistent_data_type: 'triton/ensemble-consistency',
  inconsistent_shape: 'triton/ensemble-consistency',
  instance_group_set: 'triton/ensemble',
  invalid_batch_size: 'triton/ensemble-models',
  invalid_decoupled_branching: 'triton/ensemble-decoupled',
  invalid_decoupled_branching_2: 'triton/ensemble-decoupled',
  invalid_input_map: 'triton/ensemble-models',
  invalid_output_map: 'triton/ensemble-models',
  model_warm_up_set: 'triton/ensemble',
  no_input_map: 'triton/ensemble',
  no_model_name: 'triton/ensemble',
  no_output_map: 'triton/ensemble',
  no_required_version: 'triton/ensemble-versions',
  no_required_version_2: 'triton/ensemble-versions',
  no_required_version_3: 'triton/ensemble-versions',
  no_step: 'triton/ensemble',
  no_step_2: 'triton/ensemble',
  non_existing_model: 'triton/ensemble-models',
  optimization_set: 'triton/ensemble',
  output_to_tensor_overmapped: 'triton/ensemble-tensors',
  redundant_tensor_as_input: 'triton/ensemble-tensors',
  redundant_tensor_as_output: 'triton/ensemble-tensors',
  self_circular_dependency: 'triton/ensemble-models',
  tensor_to_input_overmapped: 'triton/ensemble-tensors',
  unmapped_input: 'triton/ensemble-models',
  unreachable_input: 'triton/ensemble-tensors',
  unreachable_output: 'triton/ensemble-tensors',
  unreachable_output_2: 'triton/ensemble-tensors',
  unreachable_output_3: 'triton/ensemble-tensors',
};

/** What Triton's test expects it to log, without the licence header. */
function tritonSays(testCase: string): string {
  const path = [join(REFUSED, testCase, 'expected'), join(REFUSED, testCase, testCase, 'expected')].find((file) => existsSync(file))!;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .join(' ');
}

describe('the ensembles Triton refuses', () => {
  const check = diskChecker();

  it('names the check of every case', () => {
    const cases = readdirSync(REFUSED).filter((name) => name !== 'licenses' && statSync(join(REFUSED, name)).isDirectory());
    assert.deepEqual(cases.sort(), Object.keys(CASES).sort());
  });

  for (const [testCase, code] of Object.entries(CASES)) {
    it(`${testCase}: ${code}`, async () => {
      const file = join(REFUSED, testCase, testCase, 'config.pbtxt');
      const { findings } = await check({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') });
      const errors = findings.filter((finding) => finding.severity === 'error');
      assert.ok(
        errors.some((finding) => finding.code === code),
        `Triton says: ${tritonSays(testCase)}\nmlinfra says:\n${errors.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`,
      );
    });
  }
});
