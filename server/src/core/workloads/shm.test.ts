import * as assert from 'node:assert/strict';
import { parseDocumentText } from '../parse/yaml-file';
import { workloadOf } from './index';
import { formatBytes, memoryLimit, podVolumes, shmMount, shmSizeFor } from './shm';
import type { PodView } from './index';

function pod(specYaml: string): PodView {
  return workloadOf(parseDocumentText(`apiVersion: v1\nkind: Pod\nspec:\n${specYaml.replace(/^/gm, '  ')}\n`).root)!.pods[0];
}

describe('shared memory', () => {
  const spec = pod(`containers:
  - name: a
    resources: { limits: { memory: 64Gi } }
    volumeMounts: [{ name: dshm, mountPath: /dev/shm/ }, { name: data, mountPath: /data }]
  - name: b
    resources: { limits: { memory: 3Gi } }
    volumeMounts: [{ name: missing, mountPath: /dev/shm }]
  - name: c
    volumeMounts: [{ name: data, mountPath: /dev/shm-not }]
volumes:
  - name: dshm
    emptyDir: { medium: Memory, sizeLimit: 8Gi }
  - name: data
    emptyDir: {}
  - emptyDir: {}`);
  const [a, b, c] = spec.containers;

  it('finds the volume mounted at /dev/shm, memory-backed or not', () => {
    assert.deepEqual([...podVolumes(spec).keys()], ['dshm', 'data']);
    const mount = shmMount(spec, a);
    assert.equal(mount?.volume?.name, 'dshm');
    assert.equal(mount?.volume?.memory, true);
    assert.equal(mount?.volume?.sizeLimit?.value, '8Gi');
    assert.equal(podVolumes(spec).get('data')?.memory, false);
    assert.ok(shmMount(spec, b) && shmMount(spec, b)?.volume === undefined, 'a mount of a volume the pod lacks');
    assert.equal(shmMount(spec, c), undefined);
  });

  it('sizes /dev/shm at half the smallest memory limit, in whole Gi, or 16Gi without one', () => {
    assert.equal(memoryLimit(a), 64 * 2 ** 30);
    assert.equal(memoryLimit(c), undefined);
    assert.equal(shmSizeFor([a]), '32Gi');
    assert.equal(shmSizeFor([a, b, c]), '1Gi');
    assert.equal(shmSizeFor([c]), '16Gi');
    assert.equal(shmSizeFor([]), '16Gi');
    const small = pod('containers: [{ name: s, resources: { limits: { memory: 1500Mi } } }]').containers[0];
    assert.equal(shmSizeFor([small]), '750Mi');
  });

  it('writes bytes in the largest unit that keeps them whole', () => {
    assert.equal(formatBytes(32 * 2 ** 30), '32Gi');
    assert.equal(formatBytes(1.5 * 2 ** 30), '1536Mi');
    assert.equal(formatBytes(2 ** 40), '1Ti');
    assert.equal(formatBytes(5e8), '476Mi');
    assert.equal(formatBytes(1000), '1000');
  });
});
