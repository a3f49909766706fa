import * as assert from 'node:assert/strict';
import { qosClass } from './qos';

const container = (resources: object) => ({ name: 'c', image: 'i', resources });

describe('QoS class', () => {
  it('is BestEffort without CPU or memory requests and limits, GPUs or not', () => {
    assert.equal(qosClass({ containers: [container({})] }), 'BestEffort');
    assert.equal(qosClass({ containers: [container({ limits: { 'nvidia.com/gpu': 8 } })] }), 'BestEffort');
  });

  it('is Guaranteed when every container limits CPU and memory at its requests (limits alone count as requests)', () => {
    assert.equal(qosClass({ containers: [container({ limits: { cpu: '32', memory: '512Gi', 'nvidia.com/gpu': 8 } })] }), 'Guaranteed');
    assert.equal(
      qosClass({ containers: [container({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } })] }),
      'Guaranteed',
    );
  });

  it('is Burstable otherwise', () => {
    assert.equal(
      qosClass({ containers: [container({ limits: { memory: '512Gi' }, requests: { cpu: '32', memory: '480Gi' } })] }),
      'Burstable',
    );
    assert.equal(qosClass({ containers: [container({ limits: { cpu: '1', memory: '1Gi' } }), container({})] }), 'Burstable');
  });
});
