import * as assert from 'node:assert/strict';
import {
  containerStatus,
  podFinished,
  restartCount,
  started,
  terminated,
  terminationReason,
  unscheduled,
  waiting,
} from './container-status';

describe('container status texts', () => {
  it('says how a container ended, as kubectl shows it', () => {
    assert.equal(terminationReason({ reason: 'Error', exitCode: 1 }), 'Error, exit code 1');
    assert.equal(terminationReason({ reason: 'OOMKilled', exitCode: 137 }), 'OOMKilled, exit code 137');
    assert.equal(terminationReason({ exitCode: 0 }), 'Completed, exit code 0');
    assert.equal(terminationReason({ signal: 9 }), 'Error, signal 9');
    assert.deepEqual(terminated('pytorch', { reason: 'OOMKilled', exitCode: 137 }), {
      text: 'container pytorch terminated: OOMKilled, exit code 137',
      level: 'error',
    });
    assert.deepEqual(terminated('pytorch', { reason: 'Completed', exitCode: 0 }), {
      text: 'container pytorch terminated: Completed, exit code 0',
      level: undefined,
    });
  });

  it('says a container started, restarted, or waits, with the reason of a failure to start', () => {
    assert.equal(started('pytorch', 0).text, 'container pytorch started');
    assert.equal(started('pytorch', 2).text, 'container pytorch restarted (restart 2)');
    assert.deepEqual(waiting('pytorch', { reason: 'ContainerCreating' }), {
      text: 'container pytorch is waiting to start: ContainerCreating',
      level: undefined,
    });
    assert.deepEqual(waiting('pytorch', { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nvcr.io/nvidia/pytorch:24.13"' }), {
      text: 'container pytorch is waiting to start: ImagePullBackOff: Back-off pulling image "nvcr.io/nvidia/pytorch:24.13"',
      level: 'warning',
    });
  });

  it("reads a container's status among app and init containers, and a pod's progress", () => {
    const pod = {
      spec: {},
      status: {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'fetch', restartCount: 0 }],
        containerStatuses: [{ name: 'pytorch', restartCount: 3 }],
      },
    };
    assert.equal(restartCount(containerStatus(pod, 'pytorch')), 3);
    assert.equal((containerStatus(pod, 'fetch') as { name: string }).name, 'fetch');
    assert.equal(containerStatus(pod, 'sidecar'), undefined);
    assert.equal(unscheduled(pod)?.text, 'pod is Pending: not scheduled on a node yet');
    assert.equal(unscheduled({ ...pod, spec: { nodeName: 'gpu-node-1' } }), undefined);
    assert.equal(podFinished(pod), false);
    assert.equal(podFinished({ status: { phase: 'Failed' } }), true);
  });
});
