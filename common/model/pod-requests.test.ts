// A pod's effective requests, as the API server and the scheduler compute them.
import * as assert from 'node:assert/strict';
import { podSpecGpus, podSpecRequests } from './objects';

const container = (name: string, resources: Record<string, Record<string, string | number>>, extra: Record<string, unknown> = {}) => ({
  name,
  resources,
  ...extra,
});
const requests = (spec: unknown) => Object.fromEntries(podSpecRequests(spec));

describe('pod effective requests', () => {
  it('sums the app containers, a limit standing in for a missing request', () => {
    const spec = {
      containers: [
        container('a', { requests: { cpu: '500m' }, limits: { cpu: '1', memory: '1Gi' } }),
        container('b', { requests: { cpu: 2 } }),
      ],
    };
    assert.deepEqual(requests(spec), { cpu: 2.5, memory: 2 ** 30 });
  });

  it('takes the largest init container when it needs more than the app containers', () => {
    const spec = {
      initContainers: [
        container('fetch', { limits: { 'nvidia.com/gpu': 4, memory: '8Gi' } }),
        container('warm', { requests: { cpu: '4' } }),
      ],
      containers: [container('train', { limits: { 'nvidia.com/gpu': 2, memory: '16Gi' } })],
    };
    assert.deepEqual(requests(spec), { 'nvidia.com/gpu': 4, memory: 16 * 2 ** 30, cpu: 4 });
    assert.equal(podSpecGpus(spec), 4);
  });

  it('counts sidecars beside the app containers and beside the init containers after them', () => {
    const spec = {
      initContainers: [
        container('proxy', { requests: { cpu: '1' } }, { restartPolicy: 'Always' }),
        container('download', { requests: { cpu: '3' } }),
      ],
      containers: [container('serve', { requests: { cpu: '2' } })],
    };
    // App phase: serve 2 + proxy 1 = 3; init phase: download 3 + proxy 1 = 4.
    assert.deepEqual(requests(spec), { cpu: 4 });
  });

  it('adds the pod overhead of its runtime class', () => {
    const spec = { overhead: { cpu: '250m', memory: '120Mi' }, containers: [container('c', { requests: { cpu: '1', memory: '1Gi' } })] };
    assert.deepEqual(requests(spec), { cpu: 1.25, memory: 2 ** 30 + 120 * 2 ** 20 });
  });

  it('counts whole NVIDIA, AMD and Intel GPUs, not MIG slices or shares', () => {
    const spec = {
      containers: [
        container('a', { limits: { 'nvidia.com/gpu': 1, 'amd.com/gpu': 2 } }),
        container('b', { limits: { 'gpu.intel.com/i915': 1, 'nvidia.com/mig-1g.10gb': 3, 'nvidia.com/gpu.shared': 1 } }),
      ],
    };
    assert.equal(podSpecGpus(spec), 4);
  });

  it('reads a GPU limit over a differing request, and ignores what is not a quantity', () => {
    assert.equal(podSpecGpus({ containers: [container('a', { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } })] }), 2);
    assert.deepEqual(requests({ containers: [container('a', { requests: { cpu: 'two', memory: '1Gi' } })] }), { memory: 2 ** 30 });
  });
});
