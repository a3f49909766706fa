// The GPUs pods claim through Dynamic Resource Allocation: read from the claim's template or
// ResourceClaim and its device classes, in every served version of resource.k8s.io.
import * as assert from 'node:assert/strict';
import type { ClaimIndex, FoundObject } from './device-requests';
import { NO_CLAIMS } from './device-requests';
import { fromJson } from './from-json';
import { gpuSummary, summaryLine, workloadTotals } from './gpu-summary';
import { appClaimGpus, appVisibleGpus, containerClaimGpus, containerVisibleGpus, podClaims } from './pod-claims';
import type { WorkloadView } from './workload';
import { workloadOfType } from './workloads';
import { asMap } from './yaml-map';

/** An index over objects given as JSON, as if they were in the same file. */
function indexOf(...objects: Record<string, unknown>[]): ClaimIndex {
  const found = new Map<string, FoundObject>();
  for (const object of objects) {
    const root = asMap(fromJson(object))!;
    found.set(`${root.string('kind')}/${root.map('metadata')!.string('name')}`, { root, source: 'this file' });
  }
  const names = (kind: string) => [...found.keys()].filter((key) => key.startsWith(`${kind}/`)).map((key) => key.slice(kind.length + 1));
  return { complete: true, find: (kind, name) => found.get(`${kind}/${name}`), names };
}

type Request = Record<string, unknown>;
const exactly = (name: string, deviceClassName: string, extra: Request = {}): Request => ({ name, exactly: { deviceClassName, ...extra } });
const claimSpec = (...requests: Request[]) => ({ devices: { requests } });
const template = (name: string, ...requests: Request[]) => ({
  apiVersion: 'resource.k8s.io/v1',
  kind: 'ResourceClaimTemplate',
  metadata: { name },
  spec: { spec: claimSpec(...requests) },
});
const claim = (name: string, ...requests: Request[]) => ({
  apiVersion: 'resource.k8s.io/v1',
  kind: 'ResourceClaim',
  metadata: { name },
  spec: claimSpec(...requests),
});
const deviceClass = (name: string, expression: string) => ({
  apiVersion: 'resource.k8s.io/v1',
  kind: 'DeviceClass',
  metadata: { name },
  spec: { selectors: [{ cel: { expression } }] },
});

/** A container using the named pod claims (`name` or `name/request`). */
const container = (name: string, uses: string[], limits: Record<string, number> = {}) => ({
  name,
  image: 'nvcr.io/nvidia/pytorch:24.05-py3',
  resources: {
    limits,
    claims: uses.map((use) => {
      const [claimName, request] = use.split('/');
      return request ? { name: claimName, request } : { name: claimName };
    }),
  },
});
/** A pod spec with claims `name=template` (or `name=claim:<ResourceClaim>`) and containers. */
const podSpec = (claims: string[], containers: unknown[]) => ({
  resourceClaims: claims.map((entry) => {
    const [name, source] = entry.split('=');
    return source.startsWith('claim:') ? { name, resourceClaimName: source.slice(6) } : { name, resourceClaimTemplateName: source };
  }),
  containers,
});
const deployment = (replicas: number, spec: unknown): WorkloadView =>
  workloadOfType(fromJson({ metadata: { name: 'serve' }, spec: { replicas, template: { spec } } }), 'apps/v1', 'Deployment')!;

describe('GPUs claimed through Dynamic Resource Allocation', () => {
  it('counts an ExactCount request (1 when no count is written) in each version of the API', () => {
    const claims = indexOf(
      template('eight', exactly('gpus', 'gpu.nvidia.com', { allocationMode: 'ExactCount', count: 8 })),
      template('one', exactly('gpu', 'gpu.nvidia.com')),
      // v1beta1 writes the class and the count on the request itself.
      { ...template('two', { name: 'gpus', deviceClassName: 'gpu.nvidia.com', count: 2 }), apiVersion: 'resource.k8s.io/v1beta1' },
    );
    const pod = deployment(1, podSpec(['a=eight', 'b=one', 'c=two'], [container('train', ['a', 'b', 'c'])])).pods[0];
    assert.deepEqual(
      podClaims(pod).map((claim) => `${claim.name} ${claim.source?.kind} ${claim.source?.name}`),
      ['a ResourceClaimTemplate eight', 'b ResourceClaimTemplate one', 'c ResourceClaimTemplate two'],
    );
    assert.deepEqual(containerClaimGpus(pod, pod.containers[0], claims), { gpus: 11, asksForGpu: true });
  });

  it('knows no count for All, a template it cannot find, or a class it does not know', () => {
    const claims = indexOf(
      template('all', exactly('gpus', 'gpu.nvidia.com', { allocationMode: 'All' })),
      template('custom', exactly('gpus', 'h100.example.com', { count: 2 })),
    );
    for (const source of ['all', 'custom', 'absent']) {
      const pod = deployment(1, podSpec([`gpus=${source}`], [container('train', ['gpus'])])).pods[0];
      assert.deepEqual(containerClaimGpus(pod, pod.containers[0], claims), { gpus: undefined, asksForGpu: source === 'all' || undefined });
      assert.equal(containerVisibleGpus(pod, pod.containers[0], claims), undefined, source);
    }
    const pod = deployment(1, podSpec(['gpus=eight'], [container('train', ['gpus'], { 'nvidia.com/gpu': 2 })])).pods[0];
    assert.equal(containerVisibleGpus(pod, pod.containers[0], NO_CLAIMS), undefined);
  });

  it("reads a workspace DeviceClass's CEL selector for NVIDIA's driver: GPUs, MIG devices, or other devices", () => {
    const claims = indexOf(
      deviceClass('h100', "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].productName == 'H100'"),
      deviceClass('mig-1g', "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].type == 'mig'"),
      deviceClass('nic', "device.driver == 'rdma.example.com'"),
      template('mixed', exactly('a', 'h100', { count: 4 }), exactly('b', 'mig-1g', { count: 2 }), exactly('c', 'nic')),
      template('migs', exactly('slices', 'mig.nvidia.com', { count: 3 })),
      template('nics', exactly('nic', 'nic')),
    );
    const pod = deployment(
      1,
      podSpec(['m=mixed', 's=migs', 'n=nics'], [container('a', ['m']), container('b', ['s']), container('c', ['n'])]),
    ).pods[0];
    // MIG devices ask for a GPU but are not whole GPUs, as with nvidia.com/mig-* limits.
    assert.deepEqual(
      pod.containers.map((one) => containerClaimGpus(pod, one, claims)),
      [
        { gpus: 4, asksForGpu: true },
        { gpus: 0, asksForGpu: true },
        { gpus: 0, asksForGpu: false },
      ],
    );
  });

  it('counts alternatives (firstAvailable) when they agree, and a request a container names alone', () => {
    const alternatives = (...counts: number[]) => ({
      name: 'gpus',
      firstAvailable: counts.map((count, index) => ({ name: `option-${index}`, deviceClassName: 'gpu.nvidia.com', count })),
    });
    const claims = indexOf(
      template('agree', alternatives(4, 4)),
      template('differ', alternatives(8, 4)),
      template('two-requests', exactly('gpus', 'gpu.nvidia.com', { count: 2 }), exactly('more', 'gpu.nvidia.com', { count: 6 })),
    );
    const pod = deployment(
      1,
      podSpec(['a=agree', 'd=differ', 't=two-requests'], [container('a', ['a']), container('d', ['d']), container('t', ['t/gpus'])]),
    ).pods[0];
    assert.deepEqual(
      pod.containers.map((one) => containerClaimGpus(pod, one, claims).gpus),
      [4, undefined, 2],
    );
  });

  it("counts a claim the app containers share once, and adds the containers' GPU limits", () => {
    const claims = indexOf(template('four', exactly('gpus', 'gpu.nvidia.com', { count: 4 })));
    const pod = deployment(1, podSpec(['gpus=four'], [container('a', ['gpus']), container('b', ['gpus'], { 'nvidia.com/gpu': 1 })]))
      .pods[0];
    assert.deepEqual(appClaimGpus(pod, claims), { gpus: 4, asksForGpu: true });
    assert.equal(appVisibleGpus(pod, claims), 5);
    assert.equal(containerVisibleGpus(pod, pod.containers[1], claims), 5);
  });

  it("counts a template's GPUs for each pod, and a shared ResourceClaim's once", () => {
    const claims = indexOf(
      template('two', exactly('gpus', 'gpu.nvidia.com', { count: 2 })),
      claim('shared', exactly('gpus', 'gpu.nvidia.com', { count: 8 })),
    );
    const own = workloadTotals(deployment(3, podSpec(['gpus=two'], [container('c', ['gpus'])])), claims);
    assert.deepEqual([own.gpus, own.byClaim, own.roles[0].gpusPerPod, own.claimCountUnknown], [6, 6, 2, false]);
    const shared = workloadTotals(
      deployment(2, podSpec(['gpus=claim:shared'], [container('c', ['gpus'], { 'nvidia.com/gpu': 1 })])),
      claims,
    );
    assert.deepEqual([shared.gpus, shared.byClaim, shared.roles[0].gpusPerPod], [10, 8, 9]);
    // Without an index, claims are not counted (the Clusters view reads limits).
    assert.deepEqual(workloadTotals(deployment(3, podSpec(['gpus=two'], [container('c', ['gpus'])]))).gpus, 0);
  });

  it('sums up GPUs by claim, and says when their count is unknown', () => {
    const claims = indexOf(template('eight', exactly('gpus', 'gpu.nvidia.com', { count: 8 })));
    const line = (spec: unknown, replicas = 2) => {
      const summary = gpuSummary(deployment(replicas, spec), claims);
      return summary && summaryLine(summary);
    };
    assert.equal(line(podSpec(['gpus=eight'], [container('c', ['gpus'])])), '16 GPUs (by claim) · pod 2 × 8 · ≥ 2 nodes of 8 GPUs');
    assert.equal(line(podSpec(['gpus=absent'], [container('c', ['gpus'])])), 'GPUs by claim, count unknown · pod 2 × ?');
    assert.equal(
      line(podSpec(['gpus=absent'], [container('c', ['gpus'], { 'nvidia.com/gpu': 2 })])),
      '≥ 4 GPUs and GPUs by claim, count unknown · pod 2 × 2 + ? · ≥ 1 node of 8 GPUs',
    );
    assert.equal(
      line(podSpec(['gpus=eight'], [container('c', ['gpus'], { 'nvidia.com/gpu': 8 })]), 1),
      '16 GPUs (8 by claim) · pod 1 × 16 · ≥ 1 node of 8 GPUs',
    );
    assert.equal(line(podSpec([], [container('c', [])])), undefined);
  });
});
