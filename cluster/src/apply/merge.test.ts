import * as assert from 'node:assert/strict';
import { StatusError } from '../http/status';
import type { KubeObject } from '../store/object';
import { fieldsOf, fromFieldsV1, toFieldsV1 } from './field-set';
import { serverSideApply } from './merge';

const config = (replicas: number, image = 'a:1', labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', ...(labels ? { labels } : {}) },
  spec: { replicas, template: { spec: { containers: [{ name: 'main', image }] } } },
});
const apply = (live: KubeObject | undefined, c: KubeObject, manager: string, force = false) =>
  serverSideApply({ live, config: c, manager, apiVersion: 'apps/v1', force, time: '2025-01-06T09:00:00Z' });

describe('server-side apply', () => {
  it('records the applied fields as FieldsV1 with keyed list items', () => {
    const object = apply(undefined, config(2), 'alice');
    const fields = object.metadata.managedFields?.[0].fieldsV1;
    assert.deepEqual(fields, {
      'f:spec': {
        'f:replicas': {},
        'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"main"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
      },
    });
    assert.deepEqual([...fromFieldsV1(fields).keys()].sort(), [...fieldsOf(config(2)).keys()].sort());
    assert.deepEqual(toFieldsV1(fromFieldsV1(fields).values()), fields);
  });

  it('conflicts when another manager owns a changed field, and hands it over when forced', () => {
    const live = apply(undefined, config(2), 'alice');
    assert.throws(
      () => apply(live, config(3), 'bob'),
      (e: unknown) =>
        e instanceof StatusError && e.code === 409 && e.message === 'Apply failed with 1 conflict: conflict with "alice": .spec.replicas',
    );
    const same = apply(live, config(2, 'a:1'), 'bob');
    assert.equal(same.metadata.managedFields?.length, 2, 'an equal value is shared, not a conflict');
    const forced = apply(live, config(3), 'bob', true);
    assert.equal(forced.spec.replicas, 3);
    const alice = forced.metadata.managedFields?.find((m) => m.manager === 'alice');
    assert.ok(alice && !('f:replicas' in (alice.fieldsV1['f:spec'] as object)));
  });

  it('removes fields its manager no longer applies, merges list items by key', () => {
    const live = apply(undefined, config(2, 'a:1', { team: 'ml' }), 'alice');
    const next = apply(live, config(2, 'a:2'), 'alice');
    assert.equal(next.metadata.labels?.team, undefined);
    assert.deepEqual(next.spec.template.spec.containers, [{ name: 'main', image: 'a:2' }]);
  });
});
