// A Knative revision's containers carry the names Knative gives those left unnamed, as its pods
// show them: `user-container` alone, numbered when there are several, skipping names written.
import * as assert from 'node:assert/strict';
import { workloadOfObject } from '../objects';

function names(spec: Record<string, unknown>): string[] {
  const view = workloadOfObject('serving.knative.dev/v1', 'Service', { spec: { template: { spec } } });
  assert.ok(view);
  return view.pods[0].allContainers.map((container) => `${container.init ? 'init ' : ''}${container.name}`);
}

describe('Knative revision containers', () => {
  it('names the one container user-container', () => {
    assert.deepEqual(names({ containers: [{ image: 'ghcr.io/example/whisper:1.2' }] }), ['user-container']);
  });

  it('numbers the unnamed containers of a list of several, skipping the names written, and keeps the names written', () => {
    const spec = {
      initContainers: [{ image: 'busybox' }],
      containers: [{ image: 'a' }, { name: 'user-container-0', image: 'b' }, { image: 'c' }],
    };
    assert.deepEqual(names(spec), ['init init-container', 'user-container-1', 'user-container-0', 'user-container-2']);
  });
});
