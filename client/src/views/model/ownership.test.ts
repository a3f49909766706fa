import * as assert from 'node:assert/strict';
import { OwnerIndex, uidOf } from './ownership';

const obj = (kind: string, name: string, uid: string, owner?: string, labels: Record<string, string> = {}, spec: unknown = {}) => ({
  kind,
  metadata: {
    name,
    namespace: 'ml',
    uid,
    labels,
    ...(owner ? { ownerReferences: [{ uid: owner, controller: true, kind: 'X', name: 'x' }] } : {}),
  },
  spec,
});

describe('pods by workload', () => {
  const rayjob = obj('RayJob', 'tune', 'rj');
  const raycluster = obj('RayCluster', 'tune-raycluster-abc', 'rc', 'rj');
  const submitter = obj('Job', 'tune', 'sj', 'rj');
  const trainjob = obj('TrainJob', 'llm', 'tj');
  const jobset = obj('JobSet', 'llm', 'js', 'tj');
  const childJob = obj('Job', 'llm-node-0', 'cj', 'js');
  const isvc = obj('InferenceService', 'bert', 'is');
  const predictor = obj('Deployment', 'bert-predictor', 'dp', 'is', {}, { selector: { matchLabels: { app: 'isvc.bert-predictor' } } });
  const triton = obj('Deployment', 'triton', 'tr', undefined, {}, { selector: { matchLabels: { app: 'triton' } } });
  const index = new OwnerIndex([
    { typeKey: 'ray.io/rayjobs', object: rayjob },
    { typeKey: 'ray.io/rayclusters', object: raycluster },
    { typeKey: 'batch/jobs', object: submitter },
    { typeKey: 'trainer.kubeflow.org/trainjobs', object: trainjob },
    { typeKey: 'jobset.x-k8s.io/jobsets', object: jobset },
    { typeKey: 'batch/jobs', object: childJob },
    { typeKey: 'serving.kserve.io/inferenceservices', object: isvc },
    { typeKey: 'apps/deployments', object: predictor },
    { typeKey: 'apps/deployments', object: triton },
  ]);

  it('lists only objects no listed object controls', () => {
    assert.deepEqual(
      [rayjob, raycluster, submitter, trainjob, jobset, childJob, triton, predictor].map((o) => index.isTopLevel(o)),
      [true, false, false, true, false, false, true, false],
    );
  });

  it('follows owner references to the topmost workload', () => {
    const head = obj('Pod', 'tune-raycluster-abc-head-x', 'p1', 'rc');
    const submit = obj('Pod', 'tune-xyz', 'p2', 'sj');
    const node = obj('Pod', 'llm-node-0-0-abc', 'p3', 'cj');
    assert.deepEqual(
      [head, submit, node].map((p) => index.workloadOfPod(p)?.object.metadata.name),
      ['tune', 'tune', 'llm'],
    );
  });

  it('finds Deployment pods through a ReplicaSet it does not watch, by selector and by KServe label', () => {
    const viaReplicaSet = obj('Pod', 'triton-5d9c-abc', 'p4', 'rs-unknown', { app: 'triton', 'pod-template-hash': '5d9c' });
    const predictorPod = obj('Pod', 'bert-predictor-1', 'p5', 'rs-2', {
      app: 'isvc.bert-predictor',
      'serving.kserve.io/inferenceservice': 'bert',
    });
    const stray = obj('Pod', 'debug', 'p6', undefined, { run: 'debug' });
    assert.deepEqual(
      [viaReplicaSet, predictorPod, stray].map((p) => index.workloadOfPod(p)?.object.metadata.name),
      ['triton', 'bert', undefined],
    );
  });

  it('groups 5,000 pods of 50 jobs', () => {
    const jobs = Array.from({ length: 50 }, (_, j) => obj('PyTorchJob', `job-${j}`, `job-${j}`));
    const big = new OwnerIndex(jobs.map((object) => ({ typeKey: 'kubeflow.org/pytorchjobs', object })));
    const pods = Array.from({ length: 5000 }, (_, i) =>
      obj('Pod', `job-${i % 50}-worker-${Math.floor(i / 50)}`, `pod-${i}`, `job-${i % 50}`),
    );
    const grouped = big.podsByWorkload(pods);
    assert.equal(grouped.size, 50);
    assert.ok([...grouped.values()].every((list) => list.length === 100));
    assert.equal(grouped.get(uidOf('kubeflow.org/pytorchjobs', jobs[7]))?.[0].metadata.name, 'job-7-worker-0');
  });
});
