import * as assert from 'node:assert/strict';
import { kubeconfigFiles, mergeKubeconfigs } from './kubeconfig-files';

const existing =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('kubeconfig files', () => {
  it('prefers the setting, relative to the workspace folder, with ~ expanded', () => {
    const found = kubeconfigFiles({
      setting: 'kube/dev.yaml:~/prod.yaml:/gone',
      env: '/env/config',
      home: '/home/u',
      workspaceFolder: '/ws',
      delimiter: ':',
      exists: existing('/ws/kube/dev.yaml', '/home/u/prod.yaml', '/env/config'),
    });
    assert.deepEqual(found, { files: ['/ws/kube/dev.yaml', '/home/u/prod.yaml'], origin: 'setting', missing: ['/gone'] });
  });

  it('reads the KUBECONFIG list next, skipping missing files as kubectl does', () => {
    const found = kubeconfigFiles({
      env: '/a:/b::/c',
      home: '/home/u',
      delimiter: ':',
      exists: existing('/a', '/c', '/home/u/.kube/config'),
    });
    assert.deepEqual(found, { files: ['/a', '/c'], origin: 'KUBECONFIG', missing: [] });
  });

  it('falls back to ~/.kube/config, or to nothing', () => {
    assert.deepEqual(kubeconfigFiles({ home: '/home/u', exists: existing('/home/u/.kube/config') }).files, ['/home/u/.kube/config']);
    assert.deepEqual(kubeconfigFiles({ home: '/home/u', exists: existing() }), { files: [], origin: 'none', missing: [] });
  });

  it('merges several files: the first name and the first current-context win', () => {
    const merged = mergeKubeconfigs([
      {
        clusters: [{ name: 'prod', server: 'https://a' }],
        users: [{ name: 'me', token: 'x' }],
        contexts: [{ name: 'prod' }],
        currentContext: undefined,
      },
      {
        clusters: [
          { name: 'prod', server: 'https://b' },
          { name: 'dev', server: 'https://d' },
        ],
        users: [{ name: 'me', token: 'y' }],
        contexts: [{ name: 'dev' }, { name: 'prod' }],
        currentContext: 'dev',
      },
      { clusters: [], users: [], contexts: [], currentContext: 'prod' },
    ]);
    assert.deepEqual(merged.clusters, [
      { name: 'prod', server: 'https://a' },
      { name: 'dev', server: 'https://d' },
    ]);
    assert.deepEqual(merged.users, [{ name: 'me', token: 'x' }]);
    assert.deepEqual(
      merged.contexts.map((c) => c.name),
      ['prod', 'dev'],
    );
    assert.equal(merged.currentContext, 'dev');
  });
});
