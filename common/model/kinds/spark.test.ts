// A Spark application's pods ask for what Spark writes on their containers: CPU from cores, memory
// with its overhead, the GPU as a limit, and what a pod template's container adds.
import * as assert from 'node:assert/strict';
import { workloadOfObject } from '../objects';
import { podRequests } from '../pod-requests';
import { jvmBytes } from './spark-resources';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** Each role's effective requests, by role. */
function requestsByRole(spec: Record<string, unknown>): Record<string, Record<string, number>> {
  const view = workloadOfObject('sparkoperator.k8s.io/v1beta2', 'SparkApplication', { spec });
  assert.ok(view);
  return Object.fromEntries(view.pods.map((pod) => [pod.role, Object.fromEntries(podRequests(pod))]));
}

describe('Spark application pods', () => {
  it('reads JVM memory sizes as Spark does, MiB without a unit', () => {
    assert.deepEqual(['4g', '512m', '1.5gb', '2048', '1t', '4 GiB'].map(jvmBytes), [
      4 * GiB,
      512 * MiB,
      1.5 * GiB,
      2 * GiB,
      1024 * GiB,
      undefined,
    ]);
  });

  it('asks for cores, memory with its overhead and the GPU, by Spark’s defaults where a field is left out', () => {
    const spec = {
      type: 'Scala',
      driver: {},
      executor: { instances: 2, coreRequest: '3500m', cores: 4, memory: '8g', gpu: { name: 'nvidia.com/gpu', quantity: 1 } },
    };
    assert.deepEqual(requestsByRole(spec), {
      // 1 core and 1g, with the least overhead, 384 MiB.
      driver: { cpu: 1, memory: GiB + 384 * MiB },
      // A JVM application's overhead is a tenth of its memory.
      executor: { cpu: 3.5, memory: 8 * GiB + Math.floor(0.8 * GiB), 'nvidia.com/gpu': 1 },
    });
  });

  it('gives Python more overhead, and takes the overhead, factor and memory limit written', () => {
    assert.deepEqual(requestsByRole({ type: 'Python', driver: { memory: '10g' }, executor: { memory: '10g', memoryOverhead: '1g' } }), {
      driver: { cpu: 1, memory: 14 * GiB },
      executor: { cpu: 1, memory: 11 * GiB },
    });
    const view = workloadOfObject('sparkoperator.k8s.io/v1beta2', 'SparkApplication', {
      spec: { memoryOverheadFactor: '0.2', driver: { memory: '10g', memoryLimit: '16Gi', coreLimit: '2' }, executor: {} },
    });
    const limits = view!.pods[0].containers[0].resources.limits.map((limit) => [limit.name, limit.value?.value]);
    assert.deepEqual(limits, [
      ['cpu', '2'],
      ['memory', '16Gi'],
    ]);
    assert.equal(podRequests(view!.pods[0]).get('memory'), 12 * GiB);
  });

  it('keeps what the pod template’s container asks for beyond Spark’s own, and runs its other containers', () => {
    const template = {
      spec: {
        initContainers: [{ name: 'fetch', image: 'busybox', resources: { requests: { cpu: 2 } } }],
        containers: [
          { name: 'executor', resources: { limits: { 'nvidia.com/gpu': 2, 'ephemeral-storage': '20Gi', memory: '1Gi' } } },
          { name: 'metrics', image: 'exporter', resources: { requests: { cpu: '100m' } } },
        ],
      },
    };
    const executor = requestsByRole({ driver: {}, executor: { cores: 1, memory: '2g', template } }).executor;
    assert.deepEqual(executor, { 'nvidia.com/gpu': 2, 'ephemeral-storage': 20 * GiB, cpu: 2, memory: 2 * GiB + 384 * MiB });
  });

  it('lets the gpu field win over the template’s count, and adds none without a name or a positive count', () => {
    const template = { spec: { containers: [{ name: 'executor', resources: { limits: { 'nvidia.com/gpu': 2 } } }] } };
    const gpus = (gpu: unknown) => requestsByRole({ driver: {}, executor: { gpu, template } }).executor['nvidia.com/gpu'];
    assert.equal(gpus({ name: 'nvidia.com/gpu', quantity: 1 }), 1);
    assert.equal(gpus({ name: '', quantity: 1 }), 2);
    assert.equal(gpus({ name: 'nvidia.com/gpu', quantity: 0 }), 2);
  });
});
