import { checkFindings } from '../../../../../test/harness/check';
import { claimTemplate } from '../../../../../test/harness/dra';
import { fixture } from '../../../../../test/harness/fixture';
import { testHost } from '../../../../../test/harness/hosts';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'dra/missing-claim';

const missing = (kind: string, name: string, near?: string) =>
  `${kind} ${name} is in neither this file nor a YAML file of its folder: the pod stays Pending until one of that name ` +
  `exists in its namespace, and its claimed GPUs cannot be counted.${near ? ` Did you mean ${near}?` : ''}`;

/** A Job whose pods claim `gpus` from `source` (`resourceClaimTemplateName: x` or `resourceClaimName: x`). */
const job = (source: string, annotation = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  template:
    spec:
      restartPolicy: Never
      tolerations: [{ key: nvidia.com/gpu, operator: Exists }]
      resourceClaims:
        - name: gpus
          ${source}
${annotation}      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            claims:
              - name: gpus
`;

describe(ID, () => {
  it('reports a template or a claim found in neither the file nor its folder, with the nearest name', () => {
    checkRule(
      ID,
      `${claimTemplate('a100-x8')}---\n${job(
        'resourceClaimTemplateName: a100x8',
        `#                                    ^^^^^^ warning[${ID}]: ${missing('ResourceClaimTemplate', 'a100x8', 'a100-x8')}\n`,
      )}`,
    );
    checkRule(
      ID,
      fixture`
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
              - name: shared
                resourceClaimName: inference-gpus
      #                            ^^^^^^^^^^^^^^ warning[dra/missing-claim]: ${missing('ResourceClaim', 'inference-gpus')}
            containers:
              - name: server
                image: vllm/vllm-openai:v0.5.0
                resources:
                  claims:
                    - name: shared
    `,
    );
  });

  it('finds the object in a YAML file of the folder, and says nothing when the folder cannot be read', () => {
    const host = testHost({ 'file:///w/jobs/claims.yaml': claimTemplate('eight-gpus', 'gpu.nvidia.com', 8) });
    checkFindings(job('resourceClaimTemplateName: eight-gpus'), { uri: 'file:///w/jobs/train.yaml', host, only: ID });
    // A ResourceClaim is another kind than a template of the same name.
    checkFindings(
      job(
        'resourceClaimName: eight-gpus',
        `#                            ^^^^^^^^^^ warning[${ID}]: ${missing('ResourceClaim', 'eight-gpus')}\n`,
      ),
      { uri: 'file:///w/jobs/train.yaml', host, only: ID },
    );
    checkFindings(job('resourceClaimTemplateName: elsewhere'), { uri: 'untitled:Untitled-1', host, only: ID });
  });

  it('reports a claim shared by roles through a YAML alias once, and leaves half-written claims alone', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: pretrain
      spec:
        pytorchReplicaSpecs:
          Master:
            replicas: 1
            template:
              spec: &pod
                resourceClaims:
                  - name: gpus
                    resourceClaimTemplateName: eight-gpus
      #                                        ^^^^^^^^^^ warning[dra/missing-claim]: ${missing('ResourceClaimTemplate', 'eight-gpus')}
                  - name: half-written
                  - name: null-name
                    resourceClaimTemplateName:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
          Worker:
            replicas: 3
            template:
              spec: *pod
    `,
    );
  });

  it('changes the name to the nearest one found', () => {
    checkRuleFix(
      ID,
      `${claimTemplate('a100-x8')}---\n${job('resourceClaimTemplateName: $0a100x8')}`,
      'Change to a100-x8',
      `${claimTemplate('a100-x8')}---\n${job('resourceClaimTemplateName: a100-x8')}`,
    );
  });
});
