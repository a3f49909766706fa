// The GPU rules on the NIM Operator's NIMService and NIMPipeline, Kubeflow's Notebook and Knative's
// Service: the NIM spec is both pod and container, the operator mounts /dev/shm and may give the NIM
// container its GPUs; a notebook and a Knative revision are pod specs of their own.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const TAINT =
  'with no toleration for the nvidia.com/gpu taint and no GPU node selector: GPU node pools are often tainted (nvidia.com/gpu:NoSchedule), ' +
  'and such pods stay Pending there. Add a toleration for nvidia.com/gpu, or a node selector for your GPU nodes.';
const CUDA =
  "without a GPU limit: the scheduler gives it no GPU, yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all " +
  "and shows it every GPU there, other pods' included (elsewhere it sees none). Set limits: nvidia.com/gpu to the GPUs it needs, " +
  'or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.';

const nimService = (extra: string) => `apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata:
  name: llama
spec:
  image:
    repository: nvcr.io/nim/meta/llama-3.1-8b-instruct
    tag: "1.8"
  authSecret: ngc-api-secret
  storage:
    pvc:
      name: nim-cache
  expose:
    service:
      port: 8000
${extra}`;

describe('GPU rules on NIM services, notebooks and Knative services', () => {
  it('gpu/no-toleration: reports a NIMService’s GPU pods on its spec, and adds the toleration to the spec', () => {
    checkRule(
      'gpu/no-toleration',
      fixture`
      apiVersion: apps.nvidia.com/v1alpha1
      kind: NIMService
      metadata:
        name: llama
      spec:
      ^^^^ info[gpu/no-toleration]: GPUs are requested in the NIM pods ${TAINT}
        image:
          repository: nvcr.io/nim/meta/llama-3.1-8b-instruct
          tag: "1.8"
        authSecret: ngc-api-secret
        replicas: 2
        resources:
          limits:
            nvidia.com/gpu: 1
    `,
    );
    checkRuleFix(
      'gpu/no-toleration',
      nimService('  resources:\n    limits:\n      nvidia.com/gpu: 1\n').replace('spec:', '$0spec:'),
      'Add toleration for nvidia.com/gpu',
      nimService(
        '  resources:\n    limits:\n      nvidia.com/gpu: 1\n' +
          '  tolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n',
      ),
    );
  });

  it('gpu/cuda-image-without-gpu: reports a NIM container without GPUs on its image, unless the operator gives it GPUs', () => {
    checkRule(
      'gpu/cuda-image-without-gpu',
      fixture`
      apiVersion: apps.nvidia.com/v1alpha1
      kind: NIMPipeline
      metadata:
        name: rag
      spec:
        services:
          - name: embedding
            enabled: true
            spec:
              image:
                repository: nvcr.io/nim/nvidia/nv-embedqa-e5-v5
      #                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container embedding-ctr of embedding runs the CUDA image nvcr.io/nim/nvidia/nv-embedqa-e5-v5:1.5 ${CUDA}
                tag: "1.5"
              authSecret: ngc-api-secret
              storage:
                pvc:
                  name: nim-cache
          # A profile of an optimized NIMCache: the operator sets the GPU limit from its tensor parallelism.
          - name: llm
            enabled: true
            spec:
              image:
                repository: nvcr.io/nim/meta/llama-3.1-70b-instruct
                tag: "1.8"
              authSecret: ngc-api-secret
              storage:
                nimCache:
                  name: llama-70b
                  profile: tensorrt_llm-h100-fp8-tp4-throughput
              resources:
                requests:
                  memory: 64Gi
          # Devices claimed through DRA: the operator creates the claims and names them in the container.
          - name: reranker
            enabled: true
            spec:
              image:
                repository: nvcr.io/nim/nvidia/llama-3.2-nv-rerankqa-1b-v2
                tag: "1.3"
              authSecret: ngc-api-secret
              storage:
                pvc:
                  name: nim-cache
              draResources:
                - resourceClaimTemplateName: single-gpu
    `,
    );
  });

  it('gpu/shm-missing: leaves a NIMService alone (the operator mounts /dev/shm), and reports a multi-GPU notebook', () => {
    checkRule('gpu/shm-missing', nimService('  resources:\n    limits:\n      nvidia.com/gpu: 4\n'));
    checkRule(
      'gpu/shm-missing',
      fixture`
      apiVersion: kubeflow.org/v1
      kind: Notebook
      metadata:
        name: finetune-lab
      spec:
        template:
          spec:
            containers:
              - name: finetune-lab
      #               ^^^^^^^^^^^^ warning[gpu/shm-missing]: Container finetune-lab has 2 GPUs but has no memory-backed /dev/shm: it gets the container runtime's 64 MB, on which DataLoader workers die with a bus error and NCCL cannot set up shared memory. Mount an emptyDir with medium: Memory at /dev/shm, or set hostIPC: true.
                image: kubeflownotebookswg/jupyter-pytorch-cuda-full:v1.10.0
                resources:
                  limits:
                    nvidia.com/gpu: 2
    `,
    );
  });

  it('gpu/resource-name and gpu/no-toleration: read a Knative revision’s containers by the names Knative gives them', () => {
    const rules = ['gpu/no-toleration', 'gpu/resource-name'];
    const service = fixture`
      apiVersion: serving.knative.dev/v1
      kind: Service
      metadata:
        name: whisper
      spec:
        template:
      # ^^^^^^^^ info[gpu/no-toleration]: GPUs are requested in the revision pods ${TAINT}
          spec:
            containers:
              - image: ghcr.io/example/whisper-server:1.2-cuda12
                resources:
                  limits:
                    nvidia.com/gpu: 1
                    nvidia.com/gpus: 1
      #             ^^^^^^^^^^^^^^^ error[gpu/resource-name]: nvidia.com/gpus in container user-container is not a resource any GPU device plugin advertises: no node offers it, so the pod stays Pending. Did you mean nvidia.com/gpu?
    `;
    checkFindings(service, { only: (code) => rules.includes(code) });
  });
});
