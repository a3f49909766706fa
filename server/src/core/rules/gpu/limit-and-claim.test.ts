import * as assert from 'node:assert/strict';
import { checkFindings } from '../../../../../test/harness/check';
import { claimTemplate } from '../../../../../test/harness/dra';
import { fixture } from '../../../../../test/harness/fixture';
import { codeActionsAt } from '../../../../../test/harness/fixes';
import { FIXTURE_URI, testHost } from '../../../../../test/harness/hosts';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/limit-and-claim';

const message = (limit: string, claim: string) =>
  `Container trainer asks for NVIDIA GPUs by limit (${limit}) while its pod claims them through DRA (${claim}): the limit ` +
  'and the claim are each served with GPUs of their own, so the pod holds both sets, or finds no node that offers both ' +
  'and stays Pending. Ask one way: remove the limit, or the claim.';

/** A Pod with one claim `gpus` of the template and a container whose resources are `resources` (lines under `resources:`). */
const pod = (template: string, resources: string, claims = '        claims:\n          - name: gpus\n') => `apiVersion: v1
kind: Pod
metadata:
  name: train
spec:
  resourceClaims:
    - name: gpus
      resourceClaimTemplateName: ${template}
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:24.05-py3
      resources:
${claims}${resources}`;

describe(ID, () => {
  it('reports a GPU limit in a container that uses a GPU claim, or beside another container that does', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: resource.k8s.io/v1beta1
      kind: ResourceClaimTemplate
      metadata:
        name: two-gpus
      spec:
        spec:
          devices:
            requests:
              - name: gpus
                deviceClassName: gpu.nvidia.com
                count: 2
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: serve
      spec:
        selector: { matchLabels: { app: serve } }
        template:
          metadata: { labels: { app: serve } }
          spec:
            resourceClaims:
              - name: gpus
                resourceClaimTemplateName: two-gpus
            containers:
              - name: server
                image: vllm/vllm-openai:v0.5.0
                resources:
                  claims:
                    - name: gpus
              - name: sidecar
                image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
                resources:
                  requests:
                    nvidia.com/gpu: 1
                  limits:
                    nvidia.com/gpu: 1
      #             ^^^^^^^^^^^^^^ warning[gpu/limit-and-claim]: Container sidecar asks for NVIDIA GPUs by limit (nvidia.com/gpu: 1) while its pod claims them through DRA (claim gpus: ResourceClaimTemplate two-gpus, class gpu.nvidia.com): the limit and the claim are each served with GPUs of their own, so the pod holds both sets, or finds no node that offers both and stays Pending. Ask one way: remove the limit, or the claim.
    `,
    );
  });

  it('compares MIG devices with MIG devices, and reads the template from a file of the folder', () => {
    const host = testHost({ 'file:///w/jobs/claims.yaml': claimTemplate('slices', 'mig.nvidia.com', 2) });
    const claim = 'claim gpus: ResourceClaimTemplate slices in claims.yaml, class mig.nvidia.com';
    const finding = `#         ^^^^^^^^^^^^^^^^^^^^^^ warning[${ID}]: ${message('nvidia.com/mig-1g.10gb: 2', claim)}\n`;
    const uri = 'file:///w/jobs/train.yaml';
    checkFindings(pod('slices', `        limits:\n          nvidia.com/mig-1g.10gb: 2\n${finding}`), { uri, host, only: ID });
    // Whole GPUs by limit beside MIG devices by claim are different GPUs.
    checkFindings(pod('slices', '        limits:\n          nvidia.com/gpu: 1\n'), { uri, host, only: ID });
  });

  it('leaves alone claims of other devices, claims it cannot read, and GPUs of other vendors', () => {
    checkRule(
      ID,
      `${claimTemplate('nics', 'compute-domain-default-channel.nvidia.com')}---\n${pod('nics', '        limits:\n          nvidia.com/gpu: 8\n')}`,
    );
    checkRule(ID, pod('elsewhere', '        limits:\n          nvidia.com/gpu: 8\n'));
    checkRule(ID, `${claimTemplate('eight', 'gpu.nvidia.com', 8)}---\n${pod('eight', '        limits:\n          amd.com/gpu: 8\n')}`);
    checkRule(ID, `${claimTemplate('eight', 'gpu.nvidia.com', 8)}---\n${pod('eight', '        limits:\n          cpu: 8\n')}`);
  });

  it('removes the limit and its request when the limits keep another resource', () => {
    const template = claimTemplate('one', 'gpu.nvidia.com', 1);
    checkRuleFix(
      ID,
      `${template}---\n${pod('one', '        requests:\n          cpu: 8\n          nvidia.com/gpu: 1\n        limits:\n          $0nvidia.com/gpu: 1\n          memory: 64Gi\n')}`,
      'Remove the limit nvidia.com/gpu',
      `${template}---\n${pod('one', '        requests:\n          cpu: 8\n        limits:\n          memory: 64Gi\n')}`,
    );
    // Limits holding the GPU alone would be left empty: no fix.
    const claim = 'claim gpus: ResourceClaimTemplate one, class gpu.nvidia.com';
    const finding = `#         ^^^^^^^^^^^^^^ warning[${ID}]: ${message('nvidia.com/gpu: 1', claim)}\n`;
    checkRule(ID, `${template}---\n${pod('one', `        limits:\n          nvidia.com/gpu: 1\n${finding}`)}`);
    const alone = codeActionsAt(`${template}---\n${pod('one', '        limits:\n          $0nvidia.com/gpu: 1\n')}`, FIXTURE_URI);
    assert.deepEqual(
      alone.filter((action) => action.finding.code === ID).map((action) => action.title),
      [],
    );
  });
});
