import * as assert from 'node:assert/strict';
import { objectPath, parseObjectPath } from './object-uri';

describe('live object documents', () => {
  it('names an object by context, namespace, kind and name, and reads it back', () => {
    const refs = [
      { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama3-8b-finetune' },
      { context: 'arn:aws:eks:us-east-1:1234:cluster/prod', namespace: 'ml', typeKey: 'batch.volcano.sh/jobs', name: 'mpi' },
      { context: 'kind-dev', namespace: undefined, typeKey: '/nodes', name: 'gpu-a100-0' },
      { context: 'kind-dev', namespace: 'ml', typeKey: '/pods', name: 'p-0' },
    ];
    assert.deepEqual(refs.map(objectPath), [
      '/mlinfra-demo/ml-training/PyTorchJob.kubeflow.org/llama3-8b-finetune.yaml',
      '/arn:aws:eks:us-east-1:1234:cluster/prod/ml/Job.batch.volcano.sh/mpi.yaml',
      '/kind-dev/_/Node/gpu-a100-0.yaml',
      '/kind-dev/ml/Pod/p-0.yaml',
    ]);
    assert.deepEqual(
      refs.map((r) => parseObjectPath(objectPath(r))),
      refs,
    );
  });

  it('rejects what it did not write', () => {
    assert.equal(parseObjectPath('/ctx/ns/Unknown/x.yaml'), undefined);
    assert.equal(parseObjectPath('/ctx/x.yaml'), undefined);
  });
});
