import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'kubeflow/replica-types';

/** A replica spec with one container, indented under the replica specs map. */
const replica = (type: string, container: string, extra = '') => `    ${type}:${extra}
      template:
        spec:
          containers:
            - name: ${container}
              image: ghcr.io/acme/train:1.0
`;

describe(ID, () => {
  it("accepts each framework's replica types, in any case", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: TFJob
      metadata:
        name: resnet
      spec:
        tfReplicaSpecs:
          chief:
            template: {}
          ps:
            replicas: 2
          Evaluator:
            replicas: 1
          Worker:
            replicas: 4
    `,
    );
    checkRule(
      ID,
      `apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: finetune\nspec:\n  pytorchReplicaSpecs:\n${replica('Master', 'pytorch')}${replica('worker', 'pytorch')}`,
    );
    checkRule(
      ID,
      `apiVersion: kubeflow.org/v1\nkind: JAXJob\nmetadata:\n  name: pretrain\nspec:\n  jaxReplicaSpecs:\n${replica('Worker', 'jax')}`,
    );
    checkRule(
      ID,
      `apiVersion: kubeflow.org/v1\nkind: XGBoostJob\nmetadata:\n  name: churn\nspec:\n  xgbReplicaSpecs:\n${replica('Master', 'xgboost')}${replica('Worker', 'xgboost')}`,
    );
    checkRule(
      ID,
      `apiVersion: kubeflow.org/v1\nkind: PaddleJob\nmetadata:\n  name: ernie\nspec:\n  paddleReplicaSpecs:\n${replica('Worker', 'paddle')}`,
    );
  });

  it('reports replica types the framework does not have, suggesting a near one', () => {
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
          Eval:
      #   ^^^^ error[kubeflow/replica-types]: Replica type Eval is not one a TFJob has: the training operator rejects the job (Unsupported value: "Eval": supported values: "Chief", "Master", "PS", "Worker", "Evaluator"). Did you mean Evaluator?
            replicas: 1
          Launcher:
      #   ^^^^^^^^ error[kubeflow/replica-types]: Replica type Launcher is not one a TFJob has: the training operator rejects the job (Unsupported value: "Launcher": supported values: "Chief", "Master", "PS", "Worker", "Evaluator"). Use Chief, Master, PS, Worker or Evaluator.
            replicas: 1
          Worker:
            replicas: 4
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Chief: { replicas: 1 }
      #   ^^^^^ error[kubeflow/replica-types]: Replica type Chief is not one a PyTorchJob has: the training operator rejects the job (Unsupported value: "Chief": supported values: "Master", "Worker"). Use Master or Worker.
          Workers:
      #   ^^^^^^^ error[kubeflow/replica-types]: Replica type Workers is not one a PyTorchJob has: the training operator rejects the job (Unsupported value: "Workers": supported values: "Master", "Worker"). Did you mean Worker?
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: JAXJob
      metadata:
        name: pretrain
      spec:
        jaxReplicaSpecs:
          Master:
      #   ^^^^^^ error[kubeflow/replica-types]: Replica type Master is not one a JAXJob has: the training operator rejects the job (Unsupported value: "Master": supported values: "Worker"). Use Worker.
            replicas: 1
          Worker:
            replicas: 2
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PaddleJob
      metadata:
        name: ernie
      spec:
        paddleReplicaSpecs:
          PS:
      #   ^^ error[kubeflow/replica-types]: Replica type PS is not one a PaddleJob has: the training operator rejects the job (Unsupported value: "PS": supported values: "Master", "Worker"). Use Master or Worker.
            replicas: 2
          Worker:
            replicas: 2
    `,
    );
  });

  it('reports an XGBoostJob without a Master, unless a misspelled one is reported', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: XGBoostJob
      metadata:
        name: churn
      spec:
        xgbReplicaSpecs:
      # ^^^^^^^^^^^^^^^ error[kubeflow/replica-types]: An XGBoostJob needs a Master replica spec: the Master runs the tracker its workers connect to, and the training operator rejects a job without one. Add a Master with replicas: 1.
          Worker:
            replicas: 3
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
          Mastr:
      #   ^^^^^ error[kubeflow/replica-types]: Replica type Mastr is not one an XGBoostJob has: the training operator rejects the job (Unsupported value: "Mastr": supported values: "Master", "Worker"). Did you mean Master?
            replicas: 1
          Worker:
            replicas: 3
    `,
    );
  });

  it('ignores other kinds and half-written jobs', () => {
    checkRule(ID, 'apiVersion: kubeflow.org/v1\nkind: XGBoostJob\nmetadata:\n  name: churn\nspec:\n  xgbReplicaSpecs: {}\n');
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launcher: {}
          Worker: {}
          Extra: {}
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
    `,
    );
  });

  it('renames a near miss', () => {
    const job = (type: string) =>
      `apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: finetune\nspec:\n  pytorchReplicaSpecs:\n${replica('Master', 'pytorch')}${replica(type, 'pytorch', '\n      replicas: 3')}`;
    checkRuleFix(ID, job('$0Workers'), 'Rename Workers to Worker', job('Worker'));
    const tf = (type: string) =>
      `apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata:\n  name: resnet\nspec:\n  tfReplicaSpecs:\n${replica('Chief', 'tensorflow')}${replica(type, 'tensorflow')}`;
    checkRuleFix(ID, tf('$0Eval'), 'Rename Eval to Evaluator', tf('Evaluator'));
  });
});
