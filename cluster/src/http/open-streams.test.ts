// The open streams a test can ask about: log follows told apart from watches by their path.
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { countStreams } from './open-streams';

const open = (url: string) => ({ req: { url } }) as unknown as ServerResponse;

describe('open streams', () => {
  it('counts log follows and watches', () => {
    assert.deepEqual(
      countStreams([
        open('/api/v1/namespaces/ml/pods/llama-master-0/log?follow=true&container=pytorch'),
        open('/api/v1/namespaces/ml/pods/llama-worker-0/log?follow=true'),
        open('/api/v1/namespaces/ml/pods?watch=true&resourceVersion=12'),
        open('/apis/kubeflow.org/v1/namespaces/ml/pytorchjobs?watch=1'),
        open('/api/v1/namespaces/ml/pods/log?watch=true'),
      ]),
      { logs: 2, watches: 3 },
    );
  });
});
