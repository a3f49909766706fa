import * as assert from 'node:assert/strict';
import { ResourceTypes, loadResourceTypes } from '../api/resource-types';
import { ObjectValidator } from '../apply/validate';
import { findSchemasDir } from '../start-cluster';
import { ManualClock } from '../sim/clock';
import { startCluster } from '../start-cluster';
import { demoWorkloads } from './demo';

describe('the demo scenario', () => {
  it('holds only workloads the cluster accepts (valid against the same schemas as the editor)', () => {
    const schemas = findSchemasDir();
    const types = new ResourceTypes(loadResourceTypes(schemas));
    const validator = new ObjectValidator(schemas);
    for (const workload of demoWorkloads()) {
      const type = types.byKind(workload.apiVersion, workload.kind);
      assert.ok(type, `${workload.kind} is served`);
      const result = validator.validate(type.schemaIds[workload.apiVersion.split('/').pop() as string], workload, !type.custom);
      assert.deepEqual([...result.unknown, ...result.causes.map((c) => `${c.field}: ${c.message}`)], [], workload.metadata.name);
    }
  });

  it('runs the same way from the same seed', async () => {
    const snapshot = async () => {
      const clock = new ManualClock();
      const cluster = await startCluster({ clock, seed: 7 });
      clock.advance(120_000);
      const pods = cluster.sim.store.list('/pods').map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status?.phase}`);
      await cluster.stop();
      return pods;
    };
    assert.deepEqual(await snapshot(), await snapshot());
  });
});
