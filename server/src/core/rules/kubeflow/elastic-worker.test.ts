import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'kubeflow/elastic-worker';

describe(ID, () => {
  it('accepts an elastic job with Workers, and a fixed-size job without them', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: elastic
      spec:
        elasticPolicy: { minReplicas: 1, maxReplicas: 4 }
        pytorchReplicaSpecs:
          worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: single
      spec:
        elasticPolicy:
        pytorchReplicaSpecs:
          Master:
            replicas: 1
    `,
    );
  });

  it('reports an elasticPolicy without a Worker replica spec', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: elastic
      spec:
        elasticPolicy: {}
      # ^^^^^^^^^^^^^ error[kubeflow/elastic-worker]: elasticPolicy needs a Worker replica spec: elastic training scales the Workers between minReplicas and maxReplicas, and the training operator rejects an elastic PyTorchJob without one. Move the pods to a Worker replica spec (an elastic job needs no Master), or remove elasticPolicy.
        pytorchReplicaSpecs:
          Master:
            replicas: 1
          Workers:
            replicas: 3
    `,
    );
  });

  it('leaves other kinds alone, and jobs with no replica spec yet', () => {
    checkRule(
      ID,
      'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: elastic\nspec:\n  elasticPolicy: {}\n  pytorchReplicaSpecs: {}\n',
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PaddleJob
      metadata:
        name: ernie
      spec:
        elasticPolicy: { minReplicas: 1, maxReplicas: 4 }
        paddleReplicaSpecs:
          Master:
            replicas: 1
    `,
    );
  });

  it('renames a lone Master to Worker', () => {
    const job = (type: string) => `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: elastic
spec:
  $0elasticPolicy:
    rdzvBackend: c10d
    minReplicas: 1
    maxReplicas: 4
  pytorchReplicaSpecs:
    ${type}:
      replicas: 1
      template:
        spec:
          hostIPC: true
          containers:
            - name: pytorch
              image: ghcr.io/acme/finetune:1.0
`;
    checkRuleFix(ID, job('Master'), 'Rename Master to Worker', job('Worker').replace('$0', ''));
  });
});
