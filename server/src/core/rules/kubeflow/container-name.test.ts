import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'kubeflow/container-name';

describe(ID, () => {
  it("accepts replicas with the framework's container, sidecars beside it", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Worker:
            replicas: 2
            template:
              spec:
                initContainers:
                  - name: fetch-data
                    image: amazon/aws-cli:2.15.0
                containers:
                  - name: log-shipper
                    image: fluent/fluent-bit:3.0
                  - name: pytorch
                    image: ghcr.io/acme/finetune:1.0
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
          Worker:
            template:
              spec:
                containers:
                  - name: jax
                    image: ghcr.io/acme/maxtext:1.0
    `,
    );
  });

  it('reports the only container of a replica by its name, in every framework', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: XGBoostJob
      metadata:
        name: churn
      spec:
        xgbReplicaSpecs:
          Master:
            template:
              spec:
                containers:
                  - name: xgboost
                    image: ghcr.io/acme/xgb:2.0
          Worker:
            replicas: 3
            template:
              spec:
                containers:
                  - name: xgb
      #                   ^^^ error[kubeflow/container-name]: Container xgb in Worker must be named xgboost: the training operator finds the training container by that name and rejects a replica without one. Rename it to xgboost.
                    image: ghcr.io/acme/xgb:2.0
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
          Worker:
            template:
              spec:
                containers:
                  - name: ernie
      #                   ^^^^^ error[kubeflow/container-name]: Container ernie in Worker must be named paddle: the training operator finds the training container by that name and rejects a replica without one. Rename it to paddle.
                    image: ghcr.io/acme/ernie:1.0
    `,
    );
  });

  it('reports the containers of a replica where none has the name', () => {
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
            template:
              spec:
                containers:
      #         ^^^^^^^^^^ error[kubeflow/container-name]: No container in Master is named pytorch: the training operator finds the training container by that name and rejects a replica without one. Name the container that runs training pytorch.
                  - name: trainer
                    image: ghcr.io/acme/finetune:1.0
                  - name: log-shipper
                    image: fluent/fluent-bit:3.0
    `,
    );
  });

  it('leaves a container without a name to the schema, which requires one', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PaddleJob
      metadata:
        name: ernie
      spec:
        paddleReplicaSpecs:
          Worker:
            template:
              spec:
                containers:
                  - image: ghcr.io/acme/ernie:1.0
                  - name: log-shipper
                    image: fluent/fluent-bit:3.0
    `,
    );
  });

  it('ignores other kinds and replicas without containers yet', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        mpiReplicaSpecs:
          Launcher:
            template:
              spec:
                containers:
                  - name: launcher
                    image: mpioperator/openmpi:0.5.0
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
          Worker:
            template:
              spec:
                containers: []
    `,
    );
  });

  it('renames the only container', () => {
    const job = (container: string) => `apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: resnet
spec:
  tfReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - ${container}
              image: ghcr.io/acme/resnet:1.0
`;
    checkRuleFix(ID, job('name: $0trainer'), 'Rename container trainer to tensorflow', job('name: tensorflow'));
  });
});
