// A NIMService's pods hold the containers the operator writes: the NIM container from the spec's
// own fields (its image as repository:tag), then the sidecars, and the init containers.
import * as assert from 'node:assert/strict';
import { podGpus } from '../pod-requests';
import { workloadOfObject } from '../objects';

const image = (repository: string, tag?: string) => ({ repository, ...(tag ? { tag } : {}) });

function containers(spec: Record<string, unknown>): string[][] {
  const view = workloadOfObject('apps.nvidia.com/v1alpha1', 'NIMService', { metadata: { name: 'llama' }, spec });
  assert.ok(view);
  return view.pods.map((pod) => [
    pod.role,
    ...pod.allContainers.map((container) => `${container.init ? 'init ' : ''}${container.name} ${String(container.image?.value)}`),
  ]);
}

describe('NIMService containers', () => {
  it('names the NIM container as the operator does and runs repository:tag', () => {
    assert.deepEqual(containers({ image: image('nvcr.io/nim/meta/llama-3.1-8b-instruct', '1.8') }), [
      ['NIM', 'llama-ctr nvcr.io/nim/meta/llama-3.1-8b-instruct:1.8'],
    ]);
  });

  it('keeps the repository alone without a tag, and the init and sidecar containers with their images', () => {
    const spec = {
      image: image('nvcr.io/nim/nvidia/nv-embedqa-e5-v5'),
      initContainers: [{ name: 'warmup', image: image('busybox', '1.36'), command: ['true'] }],
      sidecarContainers: [{ name: 'proxy', image: image('envoyproxy/envoy', 'v1.31') }],
    };
    assert.deepEqual(containers(spec), [
      ['NIM', 'init warmup busybox:1.36', 'llama-ctr nvcr.io/nim/nvidia/nv-embedqa-e5-v5', 'proxy envoyproxy/envoy:v1.31'],
    ]);
  });

  it('gives the leader and the workers of a multi-node service the containers of the LeaderWorkerSet, each with the GPUs', () => {
    const spec = {
      image: image('nvcr.io/nim/meta/llama-3.1-405b-instruct', '1.8'),
      multiNode: { parallelism: { pipeline: 2, tensor: 8 } },
      resources: { limits: { 'nvidia.com/gpu': 8 } },
    };
    assert.deepEqual(containers(spec), [
      ['leader', 'nim-leader nvcr.io/nim/meta/llama-3.1-405b-instruct:1.8'],
      ['worker', 'nim-worker nvcr.io/nim/meta/llama-3.1-405b-instruct:1.8'],
    ]);
    const view = workloadOfObject('apps.nvidia.com/v1alpha1', 'NIMService', { spec });
    assert.deepEqual(
      view!.pods.map((pod) => podGpus(pod)),
      [8, 8],
    );
  });

  it('reads the pods’ tolerations and node selector from the spec itself', () => {
    const view = workloadOfObject('apps.nvidia.com/v1alpha1', 'NIMService', {
      spec: {
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
        nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' },
      },
    });
    const pod = view!.pods[0];
    assert.equal(pod.spec.maps('tolerations')[0].string('key'), 'nvidia.com/gpu');
    assert.equal(pod.spec.map('nodeSelector')?.string('nvidia.com/gpu.product'), 'NVIDIA-H100-80GB-HBM3');
  });
});
