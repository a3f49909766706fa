// Quick fixes of manifests: a misspelled field or enum value becomes the one suggested, and a
// value YAML reads as the wrong type gets or loses its quotes; in any document of a file.
import * as assert from 'node:assert/strict';
import { applyFix, codeActionsAt } from '../../../../test/harness/fixes';
import { fixture } from '../../../../test/harness/fixture';

const uri = 'file:///workspace/manifest.yaml';

const pytorchJob = (worker: string) => fixture`
  apiVersion: kubeflow.org/v1
  kind: PyTorchJob
  metadata:
    name: finetune
  spec:
    pytorchReplicaSpecs:
      Worker:
  ${worker}
        template:
          spec:
            containers:
              - name: pytorch
                image: nvcr.io/nvidia/pytorch:24.05-py3
`;

const pod = (container: string) => fixture`
  apiVersion: v1
  kind: Pod
  metadata:
    name: trainer
  spec:
    containers:
      - name: main
        image: pytorch/pytorch
  ${container}
`;

describe('schema quick fixes', () => {
  it('renames a misspelled field to the one suggested, unless that one is there already', () => {
    const source = pytorchJob('      repli$0ca: 3');
    assert.deepEqual(
      codeActionsAt(source, uri).map((action) => [action.title, action.preferred, action.finding.code]),
      [['Change to "replicas"', true, 'schema/unknown-field']],
    );
    assert.equal(applyFix(source, uri, 'Change to "replicas"'), pytorchJob('      replicas: 3'));
    assert.deepEqual(codeActionsAt(pytorchJob('      replicas: 2\n      repli$0ca: 3'), uri), []);
  });

  it('replaces a misspelled enum value by the one suggested, in its quotes', () => {
    assert.equal(
      applyFix(pod('      imagePullPolicy: IfNotPresnt$0'), uri, 'Change to "IfNotPresent"'),
      pod('      imagePullPolicy: IfNotPresent'),
    );
    assert.equal(
      applyFix(pod('      imagePullPolicy: "IfNotPresnt"$0'), uri, 'Change to "IfNotPresent"'),
      pod('      imagePullPolicy: "IfNotPresent"'),
    );
    assert.equal(
      applyFix(pod("      imagePullPolicy: 'IfNotPresnt'$0"), uri, 'Change to "IfNotPresent"'),
      pod("      imagePullPolicy: 'IfNotPresent'"),
    );
  });

  it('quotes a number or boolean where a string belongs, and unquotes a quoted number', () => {
    const env = (value: string) => pod(`      env:\n        - name: WORLD_SIZE\n          value: ${value}`);
    assert.equal(applyFix(env('8$0'), uri, 'Add quotes'), env('"8"'));
    assert.equal(applyFix(env('o$0n'), uri, 'Add quotes'), env('"on"'));
    const port = (value: string) => pod(`      ports:\n        - containerPort: ${value}`);
    assert.equal(applyFix(port('"8080"$0'), uri, 'Remove the quotes'), port('8080'));
  });

  it('places the edit in the document it fixes, in a file of several', () => {
    const second = pod('      imagePullPolicy: Alwys$0');
    const source = `${pod('      imagePullPolicy: Always')}---\n${second}`;
    assert.equal(
      applyFix(source, uri, 'Change to "Always"'),
      `${pod('      imagePullPolicy: Always')}---\n${pod('      imagePullPolicy: Always')}`,
    );
  });
});
