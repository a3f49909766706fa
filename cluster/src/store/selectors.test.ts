import * as assert from 'node:assert/strict';
import { StatusError } from '../http/status';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { decodeContinue, encodeContinue, page } from './paging';

describe('label selectors', () => {
  const labels = { app: 'triton', tier: 'gpu', 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' };
  const cases: [string, boolean][] = [
    ['app=triton', true],
    ['app==triton,tier=gpu', true],
    ['app!=triton', false],
    ['app in (triton, vllm)', true],
    ['app notin (triton)', false],
    ['nvidia.com/gpu.product', true],
    ['!nvidia.com/gpu.product', false],
    ['missing', false],
    ['!missing', true],
    ['', true],
  ];
  for (const [selector, expected] of cases)
    it(`"${selector}" ${expected ? 'matches' : 'does not match'}`, () =>
      assert.equal(matchesLabels(parseLabelSelector(selector), labels), expected));

  it('refuses bad syntax with a 400', () => {
    for (const bad of ['a=b,,c=d', 'a in (x', '=b', 'a=b c'])
      assert.throws(
        () => parseLabelSelector(bad),
        (e: unknown) => e instanceof StatusError && e.code === 400,
        bad,
      );
  });
});

describe('field selectors', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'ns' },
    spec: { nodeName: 'gpu-a100-0' },
    status: { phase: 'Running' },
  };
  it('selects pods by node, phase, name and namespace', () => {
    assert.ok(matchesFields(parseFieldSelector('spec.nodeName=gpu-a100-0,status.phase!=Pending', '/pods', false), pod));
    assert.ok(!matchesFields(parseFieldSelector('metadata.namespace=other', '/pods', false), pod));
    assert.ok(matchesFields(parseFieldSelector('metadata.name==p', '/pods', false), pod));
  });
  it("refuses fields the resource cannot be selected by, in the real server's words", () => {
    assert.throws(() => parseFieldSelector('spec.foo=x', '/pods', false), /field label not supported: spec\.foo/);
    assert.throws(
      () => parseFieldSelector('spec.foo=x', 'kubeflow.org/pytorchjobs', true),
      /"spec\.foo" is not a known field selector: only "metadata\.name", "metadata\.namespace"/,
    );
  });
});

describe('paging', () => {
  const items = ['a/1', 'a/2', 'b/1', 'b/2', 'c/1'];
  it('pages through every item once with opaque tokens', () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const result = page(items, (x) => x, 2, after, 7);
      seen.push(...result.items);
      if (!result.continue) break;
      const token = decodeContinue(result.continue);
      assert.equal(token.rv, 7);
      after = token.start;
    }
    assert.deepEqual(seen, items);
  });
  it('counts what remains and refuses a forged token', () => {
    assert.equal(page(items, (x) => x, 2, undefined, 1).remaining, 3);
    assert.throws(() => decodeContinue('not-a-token'), /continue key is not valid/);
    assert.deepEqual(decodeContinue(encodeContinue({ rv: 3, start: 'x/y' })), { rv: 3, start: 'x/y' });
  });
});
