import * as assert from 'node:assert/strict';
import { PodOwners, type OwnerReference } from './pod-owners';

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; uid: string; labels?: Record<string, string>; ownerReferences?: object[] };
  spec?: object;
}

const object = (
  kind: string,
  name: string,
  uid: string,
  owner?: OwnerReference,
  extra: { labels?: Record<string, string>; spec?: object } = {},
): Obj => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'ml', uid, ...(owner ? { ownerReferences: [{ ...owner, controller: true }] } : {}), labels: extra.labels },
  spec: extra.spec,
});
const ref = (o: Obj): OwnerReference => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid });

describe('pod owners', () => {
  const trainJob = object('TrainJob', 'llm', 'tj');
  const jobSet = object('JobSet', 'llm', 'js', ref(trainJob));
  const job = object('Job', 'llm-node-0', 'j0', ref(jobSet));
  const other = object('Job', 'other', 'j1');
  const store = new Map([jobSet, job, other].map((o) => [o.metadata.uid, o]));

  it('follows the owners up to the target, reading each once', async () => {
    const reads: string[] = [];
    const owners = new PodOwners({ typeKey: 'trainer.kubeflow.org/trainjobs', object: trainJob }, async (r) => {
      reads.push(r.name);
      return store.get(r.uid);
    });
    const pod = (name: string, owner: Obj) => object('Pod', name, `pod-${name}`, ref(owner));
    const membership = await owners.membership(pod('llm-node-0-0', job));
    assert.deepEqual(membership.belongs, true);
    assert.deepEqual(
      membership.owners.map((o: Obj) => o.kind),
      ['Job', 'JobSet', 'TrainJob'],
    );
    assert.equal((await owners.membership(pod('llm-node-0-1', job))).belongs, true);
    assert.equal((await owners.membership(pod('other-x', other))).belongs, false);
    assert.deepEqual(reads, ['llm-node-0', 'llm', 'other'], 'each owner read once');
  });

  it('takes only the owner the reference names: one made anew under the same name is another', async () => {
    const owners = new PodOwners({ typeKey: 'trainer.kubeflow.org/trainjobs', object: trainJob }, async () => ({
      ...job,
      metadata: { ...job.metadata, uid: 'new' },
    }));
    assert.equal((await owners.membership(object('Pod', 'p', 'p', ref(job)))).belongs, false);
  });

  it("falls back on a Deployment's selector when its ReplicaSet cannot be read", async () => {
    const deployment = object('Deployment', 'triton', 'd', undefined, { spec: { selector: { matchLabels: { app: 'triton' } } } });
    const owners = new PodOwners({ typeKey: 'apps/deployments', object: deployment }, async () => {
      throw new Error('replicasets.apps "triton-5d8f" is forbidden');
    });
    const replicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'triton-5d8f', uid: 'rs' };
    const pod = (labels: Record<string, string>) => object('Pod', 'triton-5d8f-x', 'px', replicaSet, { labels });
    assert.equal((await owners.membership(pod({ app: 'triton' }))).belongs, true);
    assert.equal((await owners.membership(pod({ app: 'bert' }))).belongs, false);
  });
});
