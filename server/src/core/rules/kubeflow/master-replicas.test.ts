import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'kubeflow/master-replicas';

describe(ID, () => {
  it('accepts one Master (by default or written), one Chief, and Masters of kinds that may have several', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Master:
            template: {}
          Worker:
            replicas: 7
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: XGBoostJob
      metadata:
        name: churn
      spec:
        xgbReplicaSpecs:
          master:
            replicas: 1
          Worker:
            replicas: 3
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: resnet
      spec:
        tfReplicaSpecs:
          Chief:
            replicas: 1
          PS:
            replicas: 2
          Worker:
            replicas: 4
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PaddleJob
      metadata:
        name: ernie-ps
      spec:
        paddleReplicaSpecs:
          Master:
            replicas: 2
          Worker:
            replicas: 2
    `,
    );
  });

  it('reports a PyTorchJob or XGBoostJob Master with other than one replica', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Master:
            replicas: 2
      #               ^ error[kubeflow/master-replicas]: Master has 2 replicas: a PyTorchJob has one Master (rank 0, where the workers rendezvous), and the training operator rejects any other count ("must be 1"). Set replicas: 1, and count the other pods as Workers.
          Worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: XGBoostJob
      metadata:
        name: churn
      spec:
        xgbReplicaSpecs:
          Master: { replicas: 0 }
      #                       ^ error[kubeflow/master-replicas]: Master has 0 replicas: an XGBoostJob has one Master (it runs the tracker the workers connect to), and the training operator rejects any other count ("must be 1"). Set replicas: 1, and count the other pods as Workers.
          Worker:
            replicas: 3
    `,
    );
  });

  it('reports a TFJob with several chiefs: Chief replicas, or both Chief and Master', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: resnet
      spec:
        tfReplicaSpecs:
          Chief:
            replicas: 2
      #               ^ error[kubeflow/master-replicas]: Chief has 2 replicas: a TFJob has one chief, the pod that coordinates training and writes checkpoints, and TensorFlow fails with more ("There must be at most one 'chief' job"). Set replicas: 1, and count the other pods as Workers.
          Master:
      #   ^^^^^^ error[kubeflow/master-replicas]: A TFJob has a Chief or a Master, not both: Master is the older name of the same role, and the training operator rejects a job with more than one. Keep one of them and make the other pods Workers.
            replicas: 1
          Worker:
            replicas: 4
    `,
    );
  });

  it('sets replicas to 1', () => {
    const job = (kind: string, key: string, replicas: string) => `apiVersion: kubeflow.org/v1
kind: ${kind}
metadata:
  name: train
spec:
  ${key}:
    Master:
      replicas: ${replicas}
    Worker:
      replicas: 3
`;
    checkRuleFix(ID, job('PyTorchJob', 'pytorchReplicaSpecs', '$03'), 'Set replicas: 1', job('PyTorchJob', 'pytorchReplicaSpecs', '1'));
    checkRuleFix(ID, job('TFJob', 'tfReplicaSpecs', '$02'), 'Set replicas: 1', job('TFJob', 'tfReplicaSpecs', '1'));
  });
});
