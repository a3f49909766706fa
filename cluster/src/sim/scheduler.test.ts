import * as assert from 'node:assert/strict';
import { demoNodes } from '../scenario/nodes';
import type { KubeObject } from '../store/object';
import { schedule } from './scheduler';

const nodes = demoNodes('2025-01-01T00:00:00Z');
const GPU_TOLERATION = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
const pod = (name: string, gpus: number, extra: Record<string, unknown> = {}, nodeName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': gpus } } }], ...extra },
  status: { phase: nodeName ? 'Running' : 'Pending' },
});

describe('scheduling', () => {
  it('puts a GPU pod on the node of its product with the most free GPUs', () => {
    const busy = [pod('a', 4, {}, 'gpu-a100-0')];
    assert.deepEqual(
      schedule(
        pod('p', 2, { tolerations: GPU_TOLERATION, nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-80GB' } }),
        nodes,
        busy,
      ),
      { node: 'gpu-a100-1' },
    );
  });

  it('says why a pod fits nowhere, as kube-scheduler does', () => {
    const full = ['gpu-h100-0', 'gpu-h100-1'].map((n) => pod(n, 8, {}, n));
    const placement = schedule(
      pod('p', 8, { tolerations: GPU_TOLERATION, nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' } }),
      nodes,
      full,
    );
    assert.deepEqual(placement, {
      message:
        "0/5 nodes are available: 2 Insufficient nvidia.com/gpu, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
    });
  });

  it('keeps a GPU pod without the toleration off tainted GPU nodes', () => {
    const placement = schedule(pod('p', 1), nodes, []);
    assert.deepEqual(placement, {
      message:
        '0/5 nodes are available: 1 Insufficient nvidia.com/gpu, 4 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/5 nodes are available: 1 No preemption victims found for incoming pod, 4 Preemption is not helpful for scheduling.',
    });
  });
});
