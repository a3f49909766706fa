// The user's say over rules: severities from the setting, and suppression comments.
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../language-service';
import { testHost } from '../../../../test/harness/hosts';
import { fixture } from '../../../../test/harness/fixture';
import { checkFindings } from '../../../../test/harness/check';

const POD = (extra = '') => fixture`
  apiVersion: v1
  kind: Pod
  metadata:
    name: train
  spec:
    containers:
      - name: trainer
        image: busybox
        resources:
          requests:
  ${extra}          nvidia.com/gpu: 1
`;

describe('rule settings and suppression', () => {
  it('silences the next line, or the whole file', () => {
    checkFindings(POD('          # mlinfra-disable-next-line gpu/limit-required\n'), { only: 'gpu/limit-required' });
    checkFindings(`# mlinfra-disable gpu/other-rule, gpu/limit-required\n${POD()}`, { only: 'gpu/limit-required' });
    checkFindings(`# mlinfra-disable\n${POD()}`, { only: 'gpu/limit-required' });
    checkFindings(
      `# mlinfra-disable gpu/other-rule\n${POD()}#         ^^^^^^^^^^^^^^ error[gpu/limit-required]: nvidia.com/gpu is requested without a limit in container trainer: Kubernetes requires a limit for GPUs and rejects the pod. Set limits: nvidia.com/gpu: 1.`,
      { only: 'gpu/limit-required' },
    );
  });

  it('sets a rule to another severity, or off, and says what it could not use', () => {
    const service = createLanguageService(testHost());
    assert.deepEqual(service.setRuleLevels({ 'gpu/limit-required': 'warning' }), []);
    const text = POD();
    const uri = 'file:///w/pod.yaml';
    assert.deepEqual(
      service
        .validate({ uri, text })
        .findings.filter((f) => f.code === 'gpu/limit-required')
        .map((f) => f.severity),
      ['warning'],
    );
    service.setRuleLevels({ 'gpu/limit-required': 'off' });
    assert.deepEqual(
      service.validate({ uri, text }).findings.filter((f) => f.code === 'gpu/limit-required'),
      [],
    );
    assert.deepEqual(service.setRuleLevels({ 'gpu/limit-requird': 'off', 'gpu/limit-required': 'loud' }), [
      'mlinfra.rules: unknown rule "gpu/limit-requird".',
      'mlinfra.rules: "gpu/limit-required" must be off, info, warning or error, not "loud".',
    ]);
    assert.deepEqual(service.setRuleLevels([]), ['mlinfra.rules must be an object of rule id to off, info, warning or error.']);
  });

  it('links each finding to its rule page when the host says where the pages are', () => {
    const service = createLanguageService({ ...testHost(), ruleDocs: 'file:///ext/docs/rules/' });
    const [finding] = service.validate({ uri: 'file:///w/pod.yaml', text: POD() }).findings.filter((f) => f.code === 'gpu/limit-required');
    assert.equal(finding.href, 'file:///ext/docs/rules/gpu/limit-required.md');
  });
});
