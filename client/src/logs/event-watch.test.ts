import * as assert from 'node:assert/strict';
import { eventEntry, eventTime } from './event-watch';

describe('events beside the lines', () => {
  it("words an event as its reason and message, a Warning's level, a repeat's count, its container", () => {
    const event = {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container pytorch in pod job-worker-0_ml(abc)',
      count: 3,
      firstTimestamp: '2025-01-06T09:00:10Z',
      lastTimestamp: '2025-01-06T09:01:10Z',
      involvedObject: { kind: 'Pod', name: 'job-worker-0', uid: 'abc', fieldPath: 'spec.containers{pytorch}' },
    };
    assert.deepEqual(eventEntry(event, { pod: 'job-worker-0', tag: 'worker-0', role: 'worker' }), {
      kind: 'event',
      time: '2025-01-06T09:01:10Z',
      pod: 'job-worker-0',
      tag: 'worker-0',
      role: 'worker',
      container: 'pytorch',
      level: 'warning',
      text: 'BackOff: Back-off restarting failed container pytorch in pod job-worker-0_ml(abc) (×3)',
    });
  });

  it('reads the time of an events.k8s.io-style event and of a scheduler event', () => {
    assert.equal(eventTime({ eventTime: '2025-01-06T09:00:01.123456Z', lastTimestamp: null }), '2025-01-06T09:00:01.123456Z');
    const scheduling = {
      type: 'Warning',
      reason: 'FailedScheduling',
      message: '0/5 nodes are available: 5 Insufficient nvidia.com/gpu.',
      lastTimestamp: '2025-01-06T09:00:00Z',
    };
    assert.deepEqual(eventEntry(scheduling, {}), {
      kind: 'event',
      time: '2025-01-06T09:00:00Z',
      level: 'warning',
      text: 'FailedScheduling: 0/5 nodes are available: 5 Insufficient nvidia.com/gpu.',
    });
  });
});
