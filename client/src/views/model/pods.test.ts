import * as assert from 'node:assert/strict';
import { containers, podRestarts, podStatus } from './pods';

const running = (name: string, restarts = 0) => ({ name, ready: true, restartCount: restarts, state: { running: { startedAt: 'x' } } });

describe('pods as kubectl shows them', () => {
  it('prints the status column', () => {
    assert.equal(
      podStatus({
        spec: { nodeName: 'n' },
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running('a')] },
      }),
      'Running',
    );
    assert.equal(
      podStatus({
        spec: { nodeName: 'n' },
        status: { phase: 'Pending', containerStatuses: [{ name: 'a', state: { waiting: { reason: 'ContainerCreating' } } }] },
      }),
      'ContainerCreating',
    );
    assert.equal(
      podStatus({
        spec: { nodeName: 'n' },
        status: {
          phase: 'Running',
          containerStatuses: [{ name: 'a', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
        },
      }),
      'CrashLoopBackOff',
    );
    assert.equal(
      podStatus({
        spec: { nodeName: 'n' },
        status: { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] },
      }),
      'Completed',
    );
    assert.equal(
      podStatus({
        spec: {},
        status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] },
      }),
      'Pending (unschedulable)',
    );
    assert.equal(podStatus({ metadata: { deletionTimestamp: 'x' }, status: { phase: 'Running' } }), 'Terminating');
  });

  it('lists containers with state, restarts and image, init containers first', () => {
    const pod = {
      spec: {
        initContainers: [{ name: 'fetch', image: 'busybox:1.37' }],
        containers: [
          { name: 'trainer', image: 'nvcr.io/nvidia/pytorch:24.08-py3' },
          { name: 'sidecar', image: 'envoy:1' },
        ],
      },
      status: {
        initContainerStatuses: [{ name: 'fetch', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        containerStatuses: [
          running('trainer', 2),
          { name: 'sidecar', restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    };
    assert.deepEqual(
      containers(pod).map((c) => [c.name, c.init, c.state, c.reason, c.restarts, c.image]),
      [
        ['fetch', true, 'terminated', 'Completed', 0, 'busybox:1.37'],
        ['trainer', false, 'running', undefined, 2, 'nvcr.io/nvidia/pytorch:24.08-py3'],
        ['sidecar', false, 'waiting', 'CrashLoopBackOff', 1, 'envoy:1'],
      ],
    );
    assert.equal(podRestarts(pod), 3);
  });
});
