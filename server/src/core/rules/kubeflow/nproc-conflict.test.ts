import * as assert from 'node:assert/strict';
import { codeActionsAt } from '../../../../../test/harness/fixes';
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'kubeflow/nproc-conflict';

/** A PyTorchJob with the given `spec` lines before its Worker. */
const job = (spec: string) => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: elastic
spec:
${spec}
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
`;

describe(ID, () => {
  it('accepts either field alone', () => {
    checkRule(ID, job('  nprocPerNode: "8"\n  elasticPolicy:\n    rdzvBackend: c10d'));
    checkRule(ID, job('  elasticPolicy:\n    nProcPerNode: 8'));
    checkRule(ID, job('  nprocPerNode:\n  elasticPolicy:\n    nProcPerNode: 8'));
  });

  it('reports elasticPolicy.nProcPerNode beside nprocPerNode, equal or not', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: elastic
      spec:
        nprocPerNode: auto
        elasticPolicy:
          minReplicas: 1
          nProcPerNode: 4
      #   ^^^^^^^^^^^^ error[kubeflow/nproc-conflict]: elasticPolicy.nProcPerNode is set together with nprocPerNode: it is deprecated in favour of nprocPerNode, and the training operator rejects a job that sets both. Remove elasticPolicy.nProcPerNode (here 4 against "auto": keep the count you mean in nprocPerNode).
        pytorchReplicaSpecs:
          Worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: elastic
      spec:
        nprocPerNode: "8"
        elasticPolicy: { nProcPerNode: 8 }
      #                  ^^^^^^^^^^^^ error[kubeflow/nproc-conflict]: elasticPolicy.nProcPerNode is set together with nprocPerNode: it is deprecated in favour of nprocPerNode, and the training operator rejects a job that sets both. Remove elasticPolicy.nProcPerNode.
    `,
    );
  });

  it('removes the deprecated field, or moves its value', () => {
    checkRuleFix(
      ID,
      job('  nprocPerNode: "8"\n  elasticPolicy:\n    rdzvBackend: c10d\n    $0nProcPerNode: 8'),
      'Remove elasticPolicy.nProcPerNode',
      job('  nprocPerNode: "8"\n  elasticPolicy:\n    rdzvBackend: c10d'),
    );
    const conflicting = job('  nprocPerNode: auto\n  elasticPolicy:\n    $0nProcPerNode: 4\n    rdzvBackend: c10d');
    checkRuleFix(
      ID,
      conflicting,
      'Remove elasticPolicy.nProcPerNode (keep nprocPerNode: "auto")',
      job('  nprocPerNode: auto\n  elasticPolicy:\n    rdzvBackend: c10d'),
    );
    const flow = (policy: string) => job(`  nprocPerNode: "8"\n  elasticPolicy: { ${policy}}`);
    checkRuleFix(ID, flow('$0nProcPerNode: 8 '), 'Remove elasticPolicy.nProcPerNode', flow(''));
    // The policy's only entry in a block map: removing it would leave `elasticPolicy:` empty, no longer elastic.
    const alone = codeActionsAt(job('  nprocPerNode: "8"\n  elasticPolicy:\n    $0nProcPerNode: 8'), 'file:///workspace/manifest.yaml');
    assert.deepEqual(
      alone.filter((action) => action.title.includes('nProcPerNode')),
      [],
    );
    checkRuleFix(
      ID,
      conflicting,
      'Move elasticPolicy.nProcPerNode to nprocPerNode: "4"',
      job('  nprocPerNode: "4"\n  elasticPolicy:\n    rdzvBackend: c10d'),
    );
  });
});
