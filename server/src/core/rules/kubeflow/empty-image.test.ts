import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'kubeflow/empty-image';

describe(ID, () => {
  it('accepts containers with images', () => {
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
                initContainers:
                  - name: fetch
                    image: amazon/aws-cli:2.15.0
                containers:
                  - name: jax
                    image: ghcr.io/acme/maxtext:1.0
    `,
    );
  });

  it('reports a missing, valueless or empty image in each kind', () => {
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
                  - name: pytorch
      #                   ^^^^^^^ error[kubeflow/empty-image]: Container pytorch in Master has no image: the training operator rejects a replica container without one. Set image.
                    command: ["torchrun", "train.py"]
          Worker:
            template:
              spec:
                initContainers:
                  - name: fetch
                    image:
      #             ^^^^^ error[kubeflow/empty-image]: Init container fetch in Worker has no image: the training operator accepts the job, then Kubernetes rejects every pod of the replica. Set image.
                containers:
                  - name: pytorch
                    image: ""
      #                    ^^ error[kubeflow/empty-image]: Container pytorch in Worker has no image: the training operator rejects a replica container without one. Set image.
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
          PS:
            template:
              spec:
                containers:
                  - { name: tensorflow, image: " " }
      #                                        ^^^ error[kubeflow/empty-image]: Container tensorflow in PS has no image: the training operator rejects a replica container without one. Set image.
    `,
    );
  });

  it('leaves wrong types to the schema, and other kinds alone', () => {
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
                  - name: paddle
                    image: 3
    `,
    );
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
    `,
    );
  });
});
