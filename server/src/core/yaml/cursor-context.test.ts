import * as assert from 'node:assert/strict';
import { fixture } from '../../../../test/harness/fixture';
import { cursorContext } from './cursor-context';

/** The context at the `$0` marker of a fixture. */
function contextAt(source: string) {
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes('$0'));
  const character = lines[line].indexOf('$0');
  lines[line] = lines[line].replace('$0', '');
  return cursorContext(lines, line, character);
}

describe('cursorContext', () => {
  it('finds the mapping of a key being typed, through list items', () => {
    const context = contextAt(fixture`
      spec:
        containers:
          - name: trainer
            resources:
              limits:
                nvidia.com/gpu: 8
                mem$0
    `);
    assert.deepEqual(context.path, ['spec', 'containers', 0, 'resources', 'limits']);
    assert.equal(context.mode, 'key');
    assert.equal(context.prefix, 'mem');
    assert.deepEqual([...context.siblings], ['nvidia.com/gpu']);
  });

  it("reads lists written at their key's indentation", () => {
    const context = contextAt(fixture`
      containers:
      - name: trainer
        $0
        image: x
    `);
    assert.deepEqual(context.path, ['containers', 0]);
    assert.deepEqual([...context.siblings].sort(), ['image', 'name']);
  });

  it('starts a new list item after a dash', () => {
    const context = contextAt(fixture`
      spec:
        tolerations:
          - key: a
          - $0
    `);
    assert.deepEqual(context.path, ['spec', 'tolerations', 0]);
    assert.equal(context.newItem, true);
    assert.deepEqual([...context.siblings], []);
  });

  it('knows a value is being typed, and of which key', () => {
    const context = contextAt(fixture`
      spec:
        template:
          spec:
            restartPolicy: On$0
    `);
    assert.deepEqual(context.path, ['spec', 'template', 'spec', 'restartPolicy']);
    assert.equal(context.mode, 'value');
    assert.equal(context.prefix, 'On');
    assert.equal(context.prefixStart, 21);
  });

  it('stops at the document marker', () => {
    const context = contextAt(fixture`
      kind: Pod
      spec:
        x: 1
      ---
      $0
    `);
    assert.deepEqual(context.path, []);
    assert.deepEqual([...context.siblings], []);
  });

  it('skips comments and block scalar lines', () => {
    const context = contextAt(fixture`
      metadata:
        annotations:
          note: |
            text: that looks like a key
        # a comment
        $0
    `);
    assert.deepEqual(context.path, ['metadata']);
    assert.deepEqual([...context.siblings], ['annotations']);
  });
});
