import * as assert from 'node:assert/strict';
import { clusterTotals, formatTotals, gpuNodes, productTotals } from './allocation';

const node = (name: string, product: string | undefined, gpus: number, allocatable = gpus) => ({
  metadata: { name, labels: product ? { 'nvidia.com/gpu.product': product } : {} },
  status: {
    capacity: gpus ? { 'nvidia.com/gpu': String(gpus), cpu: '96' } : { cpu: '32' },
    allocatable: gpus ? { 'nvidia.com/gpu': String(allocatable) } : { cpu: '31' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});
const pod = (name: string, nodeName: string | undefined, phase: string, gpus: number, field: 'limits' | 'requests' = 'limits') => ({
  metadata: { name, namespace: 'ml' },
  spec: { ...(nodeName ? { nodeName } : {}), containers: [{ resources: { [field]: { 'nvidia.com/gpu': gpus } } }] },
  status: { phase },
});

const H100 = 'NVIDIA-H100-80GB-HBM3';
const A100 = 'NVIDIA-A100-SXM4-80GB';

describe('GPU allocation per node and product', () => {
  it('sums the GPUs of bound pods that have not terminated', () => {
    const nodes = [node('h0', H100, 8), node('h1', H100, 8), node('a0', A100, 8, 7), node('cpu-0', undefined, 0)];
    const pods = [
      pod('train-0', 'h0', 'Running', 8),
      pod('starting', 'h1', 'Pending', 2, 'requests'),
      pod('done', 'h1', 'Succeeded', 4),
      pod('crashed', 'a0', 'Failed', 4),
      pod('unscheduled', undefined, 'Pending', 8),
      pod('serve', 'a0', 'Running', 1),
    ];
    const result = gpuNodes(nodes, pods);
    assert.deepEqual(
      result.map((n) => [n.name, n.product, n.capacity, n.allocatable, n.used, n.free]),
      [
        ['a0', A100, 8, 7, 1, 6],
        ['h0', H100, 8, 8, 8, 0],
        ['h1', H100, 8, 8, 2, 6],
      ],
    );
    assert.deepEqual(result[2].pods, [{ namespace: 'ml', name: 'starting', gpus: 2, phase: 'Pending' }]);
    assert.deepEqual(
      productTotals(result).map((t) => `${t.product}: ${formatTotals(t)}`),
      [`${A100}: 7 GPUs, 1 used, 6 free`, `${H100}: 16 GPUs, 10 used, 6 free`],
    );
    assert.equal(formatTotals(clusterTotals(result)), '23 GPUs, 11 used, 12 free');
  });

  it('says what it does not know when the pods could not be listed', () => {
    const result = gpuNodes([node('h0', H100, 8)], undefined);
    assert.deepEqual([result[0].used, result[0].free], [undefined, undefined]);
    assert.equal(formatTotals(productTotals(result)[0]), '8 GPUs, ? used');
  });

  it('allocates 5,000 pods over 100 nodes', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(`gpu-${i}`, i % 2 ? H100 : A100, 8));
    const pods = Array.from({ length: 5000 }, (_, i) =>
      pod(`p-${i}`, i < 4000 ? `gpu-${i % 100}` : undefined, Math.floor(i / 100) % 5 === 0 ? 'Succeeded' : 'Running', 1),
    );
    const result = gpuNodes(nodes, pods);
    // 4,000 bound, a fifth of them finished: 3,200 holding a GPU each, 32 per node: more than the 8 each has.
    assert.equal(
      result.reduce((s, n) => s + (n.used ?? 0), 0),
      3200,
    );
    assert.ok(result.every((n) => n.free === 0 && n.used === 32));
    assert.deepEqual(productTotals(result).map(formatTotals), ['400 GPUs, 1600 used, 0 free', '400 GPUs, 1600 used, 0 free']);
  });
});
