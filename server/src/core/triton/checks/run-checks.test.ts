// A Triton check that throws is contained as a rule is: the config keeps its syntax, structure
// and other checks' findings, the failure shows as a hint at the config's name, and the log gets
// the check, the file and the stack.
import * as assert from 'node:assert/strict';
import { asExpected, fixture, parseFixture, renderAnnotated } from '../../../../../test/harness/fixture';
import { testHost } from '../../../../../test/harness/hosts';
import { TritonService } from '../triton-service';
import { defineCheck, type TritonCheck } from './check';
import { TRITON_CHECKS } from './index';

const uri = 'file:///models/detector/config.pbtxt';

/** A check that reports one finding and then breaks, as a bug would. */
const broken = defineCheck({
  id: 'triton/broken',
  severity: 'error',
  description: 'Breaks.',
  docs: { why: '', fix: '', source: '', invalid: '', valid: '' },
  check(config, context) {
    const name = config.scalar('name')!;
    context.report(name.start, name.end, 'reported before the check broke');
    throw new TypeError("Cannot read properties of undefined (reading 'dims')");
  },
});

/** Runs the checks over the annotated config and compares every finding of the file with the annotations. */
function check(checks: readonly TritonCheck[], annotated: string): string[] {
  const logged: string[] = [];
  const service = new TritonService({ ...testHost(), log: (message) => logged.push(message) }, checks);
  const { text, expected } = parseFixture(annotated);
  assert.equal(renderAnnotated(text, asExpected(service.findings(text, uri))), renderAnnotated(text, expected));
  return logged;
}

describe('a Triton check that throws', () => {
  it("leaves the syntax, structure and other checks' findings of the file in place, and is logged", () => {
    const checks = [...TRITON_CHECKS.slice(0, 5), broken, ...TRITON_CHECKS.slice(5)];
    const logged = check(
      checks,
      fixture`
      name: "detector_v2"
      #     ^^^^^^^^^^^^^ error[triton/broken]: reported before the check broke
      #     ^^^^^^^^^^^^^ hint[triton/broken]: mlinfra: check triton/broken failed on this config (Cannot read properties of undefined (reading 'dims')). Please report it.
      #     ^^^^^^^^^^^^^ error[triton/name-mismatch]: unexpected directory name 'detector' for model 'detector_v2', directory name must equal model name. Rename the folder or set name: "detector".
      backend: "python"
      max_batch_size: -1
      #               ^^ error[triton/max-batch-size]: 'max_batch_size' must be non-negative value for detector_v2. Use 0 for a model that does not batch.
      input [ { name: "x" data_type: TYPE_FP23 dims: [ 0 ] } ]
      #                              ^^^^^^^^^ error[triton/unknown-enum-value]: Unknown enumeration value of "TYPE_FP23" for field "data_type". Did you mean "TYPE_FP32"?
      #                                                ^ error[triton/dims]: model 'detector_v2', tensor 'x': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0).
      output [ { name: "y" data_type TYPE_FP32 dims: [ 1 ] } ]
      #                              ^^^^^^^^^ error[pbtxt/missing-colon]: Expected ":", found "TYPE_FP32".
    `,
    );
    assert.equal(logged.length, 1, logged.join('\n'));
    const [message, ...stack] = logged[0].split('\n');
    assert.equal(message, `Check triton/broken failed on ${uri}: TypeError: Cannot read properties of undefined (reading 'dims')`);
    assert.match(stack[0], /^ {4}at Object\.check \(.*run-checks\.test\.js:\d+:\d+\)$/);
  });

  it('says what was thrown when it is not an Error', () => {
    const throwsString = defineCheck({
      ...broken,
      check: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a check that throws a string does, on purpose
        throw 'no config';
      },
    });
    const logged = check(
      [throwsString],
      fixture`
      backend: "python"
      #        ^^^^^^^^ hint[triton/broken]: mlinfra: check triton/broken failed on this config (no config). Please report it.
    `,
    );
    assert.deepEqual(logged, [`Check triton/broken failed on ${uri}: no config`]);
  });

  it('logs nothing when every check runs through', () => {
    assert.deepEqual(check(TRITON_CHECKS, 'name: "detector"\nbackend: "python"\n'), []);
  });
});
