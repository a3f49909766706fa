// The GPU rules over GPUs claimed through Dynamic Resource Allocation: processes per pod, GPUs
// per role and CUDA images are judged by what a pod's claims hold (their templates in the same
// file), and left alone when a claim's count cannot be known.
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

describe('gpu/nproc-per-node over claimed GPUs', () => {
  const ID = 'gpu/nproc-per-node';

  it('counts the GPUs a container claims through DRA, and says nothing when their count is unknown', () => {
    const CLAIM_FEWER = (idle: number, gpus: number) =>
      `${idle} of the GPUs stay idle while the job holds them. Set it to ${gpus} (or auto), or lower the claim's GPU count.`;
    checkRule(
      ID,
      fixture`
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaimTemplate
      metadata:
        name: eight-gpus
      spec:
        spec:
          devices:
            requests:
              - name: gpus
                exactly:
                  deviceClassName: gpu.nvidia.com
                  count: 8
      ---
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        nprocPerNode: "4"
      #               ^^^ warning[gpu/nproc-per-node]: nprocPerNode starts 4 processes per pod but the Worker pods have 8 GPUs each: ${CLAIM_FEWER(4, 8)}
        pytorchReplicaSpecs:
          Master:
            replicas: 1
            template:
              spec:
                resourceClaims:
                  - name: gpus
                    resourceClaimTemplateName: elsewhere
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    command: [torchrun, --nproc-per-node=4, train.py]
                    resources:
                      claims:
                        - name: gpus
          Worker:
            replicas: 2
            template:
              spec:
                resourceClaims:
                  - name: gpus
                    resourceClaimTemplateName: eight-gpus
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
                    command: [torchrun, --nproc-per-node=4, train.py]
      #                                                  ^ warning[gpu/nproc-per-node]: --nproc-per-node starts 4 processes per pod but container pytorch has 8 GPUs: ${CLAIM_FEWER(4, 8)}
                    resources:
                      claims:
                        - name: gpus
    `,
    );
  });
});

describe('gpu/replica-gpus-differ over claimed GPUs', () => {
  const ID = 'gpu/replica-gpus-differ';

  it('compares the GPUs roles claim through DRA with their limits, and says nothing when a claim cannot be counted', () => {
    const job = (workerTemplate: string, annotation = '') => `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: eight-gpus
spec:
  spec:
    devices:
      requests:
        - name: gpus
          exactly: { deviceClassName: gpu.nvidia.com, count: 8 }
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: pretrain
spec:
  pytorchReplicaSpecs:
    Master:
${annotation}      replicas: 1
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources: { limits: { nvidia.com/gpu: 4 } }
    Worker:
      replicas: 3
      template:
        spec:
          resourceClaims:
            - { name: gpus, resourceClaimTemplateName: ${workerTemplate} }
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources: { claims: [{ name: gpus }] }
`;
    const message =
      'The Master pods have 4 GPUs each, unlike the rest of this PyTorchJob (Master 4, Worker 8): the job starts the same ' +
      'number of processes on every pod, so pods with fewer GPUs get ranks without one and pods with more leave GPUs idle. ' +
      'Give every role the same GPUs, by limit or by claim.';
    checkRule(ID, job('eight-gpus', `#   ^^^^^^ warning[${ID}]: ${message}\n`));
    checkRule(ID, job('elsewhere'));
  });
});

describe('gpu/cuda-image-without-gpu in a pod that claims GPUs', () => {
  const ID = 'gpu/cuda-image-without-gpu';
  const WHY =
    "without a GPU limit: the scheduler gives it no GPU, yet on a GPU node the NVIDIA runtime honours the image's " +
    "NVIDIA_VISIBLE_DEVICES=all and shows it every GPU there, other pods' included (elsewhere it sees none). Set limits: " +
    'nvidia.com/gpu to the GPUs it needs, or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.';

  it("reports a container that names none of its pod's GPU claims, and adds the claim to its resources", () => {
    const pod = (warmup: string, template = 'one-gpu', deviceClass = 'gpu.nvidia.com') => `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: one-gpu
spec:
  spec:
    devices:
      requests:
        - { name: gpu, exactly: { deviceClassName: ${deviceClass} } }
---
apiVersion: v1
kind: Pod
metadata:
  name: serve
spec:
  resourceClaims:
    - name: gpu
      resourceClaimTemplateName: ${template}
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.5.0
      resources:
        claims:
          - name: gpu
    - name: warmup
${warmup}`;
    const dra =
      "Container warmup runs the CUDA image vllm/vllm-openai:v0.5.0 but uses none of its pod's device claims (gpu): DRA hands a " +
      "claim's devices only to the containers that name it under resources.claims, so it gets no GPU, yet on a GPU node the " +
      "NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all and shows it every GPU there. Add the claim to its " +
      'resources.claims, or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.';
    checkRule(ID, pod(`      image: vllm/vllm-openai:v0.5.0\n#            ^^^^^^^^^^^^^^^^^^^^^^^ warning[${ID}]: ${dra}\n`));
    // A claim whose template cannot be read may hold GPUs: the same advice.
    checkRule(ID, pod(`      image: vllm/vllm-openai:v0.5.0\n#            ^^^^^^^^^^^^^^^^^^^^^^^ warning[${ID}]: ${dra}\n`, 'elsewhere'));
    // A pod claiming other devices only: the container is told about GPU limits.
    checkRule(
      ID,
      pod(
        `      image: vllm/vllm-openai:v0.5.0\n#            ^^^^^^^^^^^^^^^^^^^^^^^ warning[${ID}]: Container warmup runs the CUDA image vllm/vllm-openai:v0.5.0 ${WHY}\n`,
        'one-gpu',
        'compute-domain-default-channel.nvidia.com',
      ),
    );
    const title = 'Use claim gpu: add it to resources.claims';
    checkRuleFix(
      ID,
      pod('      image: $0vllm/vllm-openai:v0.5.0\n'),
      title,
      pod('      image: vllm/vllm-openai:v0.5.0\n      resources:\n        claims:\n        - name: gpu\n'),
    );
    checkRuleFix(
      ID,
      pod('      image: $0vllm/vllm-openai:v0.5.0\n      resources:\n        limits:\n          cpu: 2\n'),
      title,
      pod(
        '      image: vllm/vllm-openai:v0.5.0\n      resources:\n        limits:\n          cpu: 2\n        claims:\n        - name: gpu\n',
      ),
    );
  });
});

describe('gpu/no-toleration in a pod that claims GPUs', () => {
  const ID = 'gpu/no-toleration';

  it('asks a pod claiming GPUs to tolerate the GPU taint, and not one claiming other devices or claims it cannot read', () => {
    const job = (deviceClass: string, template = 'devices', annotation = '') => `apiVersion: resource.k8s.io/v1
kind: ResourceClaimTemplate
metadata:
  name: devices
spec:
  spec:
    devices:
      requests:
        - { name: devices, exactly: { deviceClassName: ${deviceClass} } }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: eval
spec:
  template:
${annotation}    spec:
      restartPolicy: Never
      resourceClaims: [{ name: devices, resourceClaimTemplateName: ${template} }]
      containers:
        - name: eval
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources: { claims: [{ name: devices }] }
`;
    const finding =
      "# ^^^^^^^^ info[gpu/no-toleration]: GPUs are requested in the Job's pods with no toleration for the nvidia.com/gpu " +
      'taint and no GPU node selector: GPU node pools are often tainted (nvidia.com/gpu:NoSchedule), and such pods stay ' +
      'Pending there. Add a toleration for nvidia.com/gpu, or a node selector for your GPU nodes.\n';
    checkRule(ID, job('gpu.nvidia.com', 'devices', finding));
    checkRule(ID, job('mig.nvidia.com', 'devices', finding));
    checkRule(ID, job('compute-domain-default-channel.nvidia.com'));
    checkRule(ID, job('gpu.nvidia.com', 'elsewhere'));
  });
});
