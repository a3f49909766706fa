// A rule that throws is contained as a Triton check is: the other rules' findings stay, the
// failure shows as a hint at the workload's kind, and the log hears which rule broke.
import * as assert from 'node:assert/strict';
import { asExpected, fixture, parseFixture, renderAnnotated } from '../../../../test/harness/fixture';
import { parseDocumentText } from '../parse/yaml-file';
import { failureLog } from './failure';
import { gpuLimitRequired } from './gpu/limit-required';
import { defineRule } from './rule';
import { runRules } from './run-rules';

const broken = defineRule({
  id: 'gpu/broken',
  severity: 'error',
  description: 'Breaks.',
  docs: { why: '', fix: '', source: '', invalid: '', valid: '' },
  check() {
    throw new RangeError('Invalid array length');
  },
});

describe('a rule that throws', () => {
  it("leaves the other rules' findings in place, shows a hint at the kind and tells the log", () => {
    const { text, expected } = parseFixture(fixture`
      apiVersion: v1
      kind: Pod
      #     ^^^ hint[gpu/broken]: mlinfra: rule gpu/broken failed on this document (Invalid array length). Please report it.
      spec:
        containers:
          - name: trainer
            image: busybox
            resources:
              requests:
                nvidia.com/gpu: 1
      #         ^^^^^^^^^^^^^^ error[gpu/limit-required]: nvidia.com/gpu is requested without a limit in container trainer: Kubernetes requires a limit for GPUs and rejects the pod. Set limits: nvidia.com/gpu: 1.
    `);
    const logged: string[] = [];
    const document = parseDocumentText(text);
    const log = (id: string, error: unknown) => logged.push(failureLog('rule', id, 'file:///w/pod.yaml', error));
    const findings = runRules(document, [broken, gpuLimitRequired], undefined, log);
    assert.equal(renderAnnotated(text, asExpected(findings)), renderAnnotated(text, expected));
    assert.equal(logged.length, 1);
    const [message, stack] = logged[0].split('\n');
    assert.equal(message, 'Rule gpu/broken failed on file:///w/pod.yaml: RangeError: Invalid array length');
    assert.match(stack, /^ {4}at Object\.check \(.*run-rules\.test\.js:\d+:\d+\)$/);
  });
});
