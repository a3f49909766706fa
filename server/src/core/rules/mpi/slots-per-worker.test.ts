import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'mpi/slots-per-worker';

/** An MPIJob with `spec` lines above its replica specs and Workers of `gpus` GPUs. */
const job = (apiVersion: string, spec: string, gpus: number) => `apiVersion: kubeflow.org/${apiVersion}
kind: MPIJob
metadata:
  name: allreduce
spec:
${spec}  mpiReplicaSpecs:
    Launcher:
      template:
        spec:
          containers:
            - name: launcher
              image: mpioperator/openmpi:0.5.0
    Worker:
      replicas: 2
      template:
        spec:
          hostIPC: true
          tolerations: [{ key: nvidia.com/gpu, operator: Exists }]
          containers:
            - name: worker
              image: mpioperator/openmpi:0.5.0
              resources:
                limits:
                  nvidia.com/gpu: ${gpus}
`;

describe(ID, () => {
  it('accepts slots equal to the GPUs, the default single slot for one GPU, and CPU jobs', () => {
    checkRule(ID, job('v2beta1', '  slotsPerWorker: 8\n', 8));
    checkRule(ID, job('v1', '', 1));
    checkRule(ID, job('v1', '  slotsPerWorker: 4\n', 0));
  });

  it('reports fewer slots than GPUs, written or by default, in both versions', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v1
      kind: MPIJob
      metadata:
        name: horovod
      spec:
        slotsPerWorker: 2
      #                 ^ warning[mpi/slots-per-worker]: slotsPerWorker is 2 but each Worker has 4 GPUs: mpirun starts one rank per slot, so 2 GPUs of each Worker sit idle. Set slotsPerWorker: 4.
        mpiReplicaSpecs:
          Worker:
            template:
              spec:
                containers:
                  - name: worker
                    image: horovod/horovod:0.28.1
                    resources: { limits: { nvidia.com/gpu: 4 } }
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
          Worker:
      #   ^^^^^^ warning[mpi/slots-per-worker]: slotsPerWorker is not set (1 by default) but each Worker has 2 GPUs: mpirun starts one rank per slot, so 1 GPU of each Worker sits idle. Set slotsPerWorker: 2.
            template:
              spec:
                containers:
                  - name: worker
                    image: mpioperator/openmpi:0.5.0
                    resources: { limits: { nvidia.com/gpu: 1 } }
                  - name: sidecar
                    image: mpioperator/openmpi:0.5.0
                    resources: { limits: { nvidia.com/gpu: 1 } }
    `,
    );
  });

  it('reports more slots than GPUs, and a launcher that runs ranks too', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: kubeflow.org/v2beta1
      kind: MPIJob
      metadata:
        name: allreduce
      spec:
        slotsPerWorker: 8
      #                 ^ warning[mpi/slots-per-worker]: slotsPerWorker is 8 but each Launcher has 1 GPU: mpirun starts one rank per slot, so ranks share GPUs, which NCCL refuses ("Duplicate GPU detected"). Set slotsPerWorker: 1.
      #                 ^ warning[mpi/slots-per-worker]: slotsPerWorker is 8 but each Worker has 4 GPUs: mpirun starts one rank per slot, so ranks share GPUs, which NCCL refuses ("Duplicate GPU detected"). Set slotsPerWorker: 4.
        runLauncherAsWorker: true
        mpiReplicaSpecs:
          Launcher:
            template:
              spec:
                containers:
                  - name: launcher
                    image: mpioperator/openmpi:0.5.0
                    resources: { limits: { nvidia.com/gpu: 1 } }
          Worker:
            template:
              spec:
                containers:
                  - name: worker
                    image: mpioperator/openmpi:0.5.0
                    resources: { limits: { nvidia.com/gpu: 4 } }
    `,
    );
  });

  it("counts the GPUs Workers claim through DRA, and says nothing when a claim's count is unknown", () => {
    const claimed = (template: string) =>
      job('v2beta1', '  slotsPerWorker: 1\n', 0)
        .replace(
          '          containers:\n            - name: worker',
          `          resourceClaims:\n            - { name: gpus, resourceClaimTemplateName: ${template} }\n          containers:\n            - name: worker`,
        )
        .replace('                limits:\n                  nvidia.com/gpu: 0\n', '                claims: [{ name: gpus }]\n');
    const template =
      'apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata:\n  name: four-gpus\nspec:\n  spec:\n    devices:\n' +
      '      requests:\n        - name: gpus\n          firstAvailable:\n            - { name: h100, deviceClassName: gpu.nvidia.com, count: 4 }\n' +
      '            - { name: any, deviceClassName: gpu.nvidia.com, count: 4 }\n---\n';
    const finding =
      '#                 ^ warning[mpi/slots-per-worker]: slotsPerWorker is 1 but each Worker has 4 GPUs: mpirun starts one rank per slot, so 3 GPUs of each Worker sit idle. Set slotsPerWorker: 4.\n';
    checkRule(ID, template + claimed('four-gpus').replace('  slotsPerWorker: 1\n', `  slotsPerWorker: 1\n${finding}`));
    checkRule(ID, template + claimed('elsewhere'));
  });

  it('sets slotsPerWorker: its value, or a new first entry of spec', () => {
    checkRuleFix(ID, job('v2beta1', '  slotsPerWorker: $01\n', 8), 'Set slotsPerWorker: 8', job('v2beta1', '  slotsPerWorker: 8\n', 8));
    checkRuleFix(ID, job('v1', '  $0slotsPerWorker:\n', 4), 'Set slotsPerWorker: 4', job('v1', '  slotsPerWorker: 4\n', 4));
    const added = job('v2beta1', '  runPolicy:\n    cleanPodPolicy: Running\n', 8);
    checkRuleFix(
      ID,
      added.replace('    Worker:', '    $0Worker:'),
      'Set slotsPerWorker: 8',
      added.replace('spec:\n  runPolicy', 'spec:\n  slotsPerWorker: 8\n  runPolicy'),
    );
  });
});
