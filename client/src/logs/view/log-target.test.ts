// A logs view's target: its title names the kind as kubectl does and the object, and one panel
// stands for one object (and container) of one context.
import * as assert from 'node:assert/strict';
import { asLogTarget, targetDescription, targetKey, targetTitle } from './log-target';

const job = { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama-ft' };

describe('log targets', () => {
  it('title a view by kind and name, and a container by its name too', () => {
    assert.equal(targetTitle(job), 'Logs: pytorchjob/llama-ft');
    assert.equal(targetTitle({ ...job, typeKey: 'ray.io/rayjobs', name: 'tune' }), 'Logs: rayjob/tune');
    assert.equal(targetTitle({ ...job, typeKey: 'apps/deployments', name: 'triton' }), 'Logs: deployment/triton');
    assert.equal(
      targetTitle({ ...job, typeKey: '/pods', name: 'llama-ft-master-0', container: 'pytorch' }),
      'Logs: pod/llama-ft-master-0 (pytorch)',
    );
    assert.equal(targetDescription(job), 'pytorchjob/llama-ft in ml-training of mlinfra-demo');
  });

  it('key one view per object and container of a context', () => {
    assert.equal(targetKey(job), targetKey({ ...job }));
    assert.notEqual(targetKey(job), targetKey({ ...job, context: 'other' }));
    assert.notEqual(targetKey({ ...job, typeKey: '/pods' }), targetKey({ ...job, typeKey: '/pods', container: 'pytorch' }));
    // Names are never joined into something another name could spell.
    assert.notEqual(targetKey({ ...job, name: 'a', namespace: 'b/c' }), targetKey({ ...job, name: 'c', namespace: 'b/a' }));
  });

  it('take a target-shaped argument, and nothing less', () => {
    assert.deepEqual(asLogTarget({ ...job, extra: 1 }), job);
    assert.deepEqual(asLogTarget({ ...job, container: 'x' }), { ...job, container: 'x' });
    assert.equal(asLogTarget({ ...job, namespace: '' }), undefined);
    assert.equal(asLogTarget({ name: 'llama-ft' }), undefined);
    assert.equal(asLogTarget('llama-ft'), undefined);
  });
});
