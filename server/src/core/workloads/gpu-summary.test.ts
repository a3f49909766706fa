// The GPU summary of a workload: per role, total, product and nodes; as a CodeLens above the
// workload and in the hover on its kind.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedService } from '../../../../test/harness/cursor';
import { claimTemplate } from '../../../../test/harness/dra';
import { fixture } from '../../../../test/harness/fixture';
import { testHost } from '../../../../test/harness/hosts';
import { createLanguageService } from '../language-service';

const KINDS_DIR = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'kinds');
const lensesOf = (text: string) =>
  sharedService()
    .codeLenses({ uri: 'file:///w/job.yaml', text })
    .map((lens) => `${lens.range.start.line + 1}: ${lens.title}`);

describe('GPU summary', () => {
  it('sums replicas × GPUs per pod by role, with the product and the nodes needed', () => {
    const names = [
      'pod',
      'pytorchjob',
      'tfjob',
      'jobset',
      'raycluster-v1',
      'leaderworkerset',
      'statefulset',
      'sparkapplication',
      'workflow',
      'cronworkflow',
    ];
    const summaries = names.flatMap((name) =>
      lensesOf(readFileSync(join(KINDS_DIR, `${name}.valid.yaml`), 'utf8')).map((lens) => `${name} ${lens}`),
    );
    assert.deepEqual(summaries, [
      'pod 3: 1 GPU · pod 1 × 1 · NVIDIA-A100-SXM4-80GB · ≥ 1 node of 8 GPUs',
      'pytorchjob 3: 16 GPUs · Worker 2 × 8 · ≥ 2 nodes of 8 GPUs',
      'tfjob 3: 12 GPUs · Chief 1 × 4 + Worker 2 × 4 · ≥ 2 nodes of 8 GPUs',
      // replicas × parallelism: 4 copies of a Job of 2 pods, 8 GPUs each
      'jobset 3: 64 GPUs · workers 8 × 8 · ≥ 8 nodes of 8 GPUs',
      // the instance type a node selector names stands for the product
      'raycluster-v1 3: 2 GPUs · gpu-a10g 2 × 1 · g5.4xlarge · ≥ 1 node of 8 GPUs',
      'leaderworkerset 3: 32 GPUs · leader 2 × 8 + worker 2 × 8 · ≥ 4 nodes of 8 GPUs',
      // the GPU of a Spark executor is its gpu field; the driver has none
      'sparkapplication 3: 4 GPUs · executor 4 × 1 · nvidia-l4 · ≥ 1 node of 8 GPUs',
      // an Argo template runs as often as the steps call it: at least once
      'workflow 3: ≥ 9 GPUs · train ? × 8 + evaluate ? × 1 · NVIDIA-H100-80GB-HBM3 · ≥ 2 nodes of 8 GPUs',
      // the product selected for the whole workflow
      'cronworkflow 3: ≥ 1 GPUs · evaluate ? × 1 · NVIDIA-A100-SXM4-80GB · ≥ 1 node of 8 GPUs',
    ]);
  });

  it('reads the product from a required node affinity and the node size from the GPU count label', () => {
    assert.deepEqual(
      lensesOf(fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: llm
      spec:
        pytorchReplicaSpecs:
          Worker:
            replicas: 6
            template:
              spec:
                nodeSelector:
                  nvidia.com/gpu.count: "4"
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - key: nvidia.com/gpu.product
                              operator: In
                              values: [NVIDIA-H100-80GB-HBM3]
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    resources:
                      limits:
                        nvidia.com/gpu: 2
    `),
      ['2: 12 GPUs · Worker 6 × 2 · NVIDIA-H100-80GB-HBM3 · ≥ 3 nodes of 4 GPUs'],
    );
  });

  it('shows the summary in the hover on kind', () => {
    const text = readFileSync(join(KINDS_DIR, 'pytorchjob.valid.yaml'), 'utf8');
    const hover = sharedService().hover({ uri: 'file:///w/job.yaml', text }, { line: 2, character: 8 });
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*GPUs:\*\* 16 GPUs · Worker 2 × 8 · ≥ 2 nodes of 8 GPUs$/);
    assert.match(hover.markdown, /^\*\*kind\*\*/);
  });

  it('counts the GPUs pods claim through DRA, from the same file or the folder, and says when it cannot', () => {
    const job = (template: string) => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: llm
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          resourceClaims:
            - name: gpus
              resourceClaimTemplateName: ${template}
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources:
                claims:
                  - name: gpus
`;
    const sameFile = `${claimTemplate('eight', 'gpu.nvidia.com', 8)}---\n${job('eight')}`;
    assert.deepEqual(lensesOf(sameFile), ['15: 32 GPUs (by claim) · Worker 4 × 8 · ≥ 4 nodes of 8 GPUs']);
    assert.deepEqual(lensesOf(job('elsewhere')), ['2: GPUs by claim, count unknown · Worker 4 × ?']);
    const service = createLanguageService(testHost({ 'file:///w/llm/claims.yaml': claimTemplate('four', 'gpu.nvidia.com', 4) }));
    const lenses = service.codeLenses({ uri: 'file:///w/llm/job.yaml', text: job('four') }).map((lens) => lens.title);
    assert.deepEqual(lenses, ['16 GPUs (by claim) · Worker 4 × 4 · ≥ 2 nodes of 8 GPUs']);
    const hover = service.hover({ uri: 'file:///w/llm/job.yaml', text: job('four') }, { line: 1, character: 8 });
    assert.match(hover?.markdown ?? '', /\*\*GPUs:\*\* 16 GPUs \(by claim\) · Worker 4 × 4 · ≥ 2 nodes of 8 GPUs$/);
  });
});
