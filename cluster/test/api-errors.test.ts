// Bad requests get the real server's Status errors, never a crash.
import * as assert from 'node:assert/strict';
import { api, startTestCluster, type TestCluster } from './kubectl';

describe('API errors (local API server)', () => {
  let t: TestCluster;
  before(async () => (t = await startTestCluster('empty')));
  after(() => t.stop());
  const status = async (path: string, options: Parameters<typeof api>[2] = {}) => {
    const response = await api(t, path, options);
    const body = JSON.parse(response.body);
    return [response.status, body.kind, body.reason, body.message];
  };

  it('answers unknown paths and objects with NotFound', async () => {
    assert.deepEqual(await status('/apis/example.com/v1/widgets'), [
      404,
      'Status',
      'NotFound',
      'the server could not find the requested resource',
    ]);
    assert.deepEqual(await status('/apis/kubeflow.org/v1/namespaces/ml-training/pytorchjobs/nope'), [
      404,
      'Status',
      'NotFound',
      'pytorchjobs.kubeflow.org "nope" not found',
    ]);
  });

  it('answers a missing or wrong token with Unauthorized', async () => {
    assert.deepEqual(await status('/api/v1/pods', { token: 'x' }), [401, 'Status', 'Unauthorized', 'Unauthorized']);
  });

  it('requires a field manager for apply, and a body it can read', async () => {
    const path = '/apis/batch/v1/namespaces/ml-training/jobs/x';
    assert.deepEqual(
      await status(path, { method: 'PATCH', contentType: 'application/apply-patch+yaml', body: 'apiVersion: batch/v1\nkind: Job\n' }),
      [422, 'Status', 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'],
    );
    const [code, , reason] = await status(`${path}?fieldManager=t`, {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: 'kind: [unclosed',
    });
    assert.deepEqual([code, reason], [400, 'BadRequest']);
    assert.deepEqual(await status('/api/v1/namespaces/ml-training/pods', { method: 'POST', contentType: 'application/json', body: '[]' }), [
      400,
      'Status',
      'BadRequest',
      'the request body must be an object, not an array',
    ]);
    assert.deepEqual(await status('/api/v1/pods?labelSelector=a%20in%20(b', {}), [
      400,
      'Status',
      'BadRequest',
      'unable to parse requirement: found \'a in (b\', expected: in, notin, =, ==, !=, gt, lt in selector "a in (b"',
    ]);
  });

  it('refuses a second object of the same name', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } });
    assert.equal(
      (await api(t, '/api/v1/namespaces/default/configmaps', { method: 'POST', contentType: 'application/json', body })).status,
      201,
    );
    assert.deepEqual(await status('/api/v1/namespaces/default/configmaps', { method: 'POST', contentType: 'application/json', body }), [
      409,
      'Status',
      'AlreadyExists',
      'configmaps "c" already exists',
    ]);
  });
});
