// The workloads of the demo scenario, as a user would write them. Annotations `sim.mlinfra.dev/*`
// tell the simulation how long each container trains and whether its first runs fail.
export const DEMO_MANIFESTS = String.raw`
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: llama3-8b-finetune
  namespace: ml-training
  annotations: { sim.mlinfra.dev/steps: "600", sim.mlinfra.dev/step-seconds: "1" }
spec:
  runPolicy: { cleanPodPolicy: Running }
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      restartPolicy: OnFailure
      template: &llama8b
        spec:
          nodeSelector: { nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3 }
          tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.08-py3
              command: [torchrun, --nproc_per_node=8, finetune.py, --model=meta-llama/Meta-Llama-3-8B]
              resources: { limits: { nvidia.com/gpu: 8, cpu: "48", memory: 640Gi }, requests: { nvidia.com/gpu: 8, cpu: "48", memory: 640Gi } }
              volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
          volumes: [{ name: dshm, emptyDir: { medium: Memory, sizeLimit: 64Gi } }]
    Worker:
      replicas: 1
      restartPolicy: OnFailure
      template: *llama8b
---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: llama3-70b-pretrain
  namespace: ml-training
  annotations: { sim.mlinfra.dev/steps: "2000", sim.mlinfra.dev/step-seconds: "2" }
spec:
  pytorchReplicaSpecs:
    Master:
      replicas: 1
      restartPolicy: OnFailure
      template: &llama70b
        spec:
          nodeSelector: { nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3 }
          tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.08-py3
              command: [torchrun, --nproc_per_node=8, pretrain.py]
              resources: { limits: { nvidia.com/gpu: 8 }, requests: { nvidia.com/gpu: 8 } }
    Worker:
      replicas: 3
      restartPolicy: OnFailure
      template: *llama70b
---
apiVersion: kubeflow.org/v1
kind: TFJob
metadata:
  name: resnet50-tf
  namespace: ml-training
  annotations: { sim.mlinfra.dev/steps: "200", sim.mlinfra.dev/step-seconds: "0.5", sim.mlinfra.dev/fail-attempts: "9" }
spec:
  runPolicy: { backoffLimit: 2, cleanPodPolicy: Running }
  tfReplicaSpecs:
    Worker:
      replicas: 2
      restartPolicy: OnFailure
      template:
        spec:
          nodeSelector: { nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB }
          tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
          containers:
            - name: tensorflow
              image: tensorflow/tensorflow:2.17.0-gpu
              command: [python, resnet50.py, --batch-size=1024]
              resources: { limits: { nvidia.com/gpu: 1 } }
---
apiVersion: ray.io/v1
kind: RayJob
metadata:
  name: ray-tune-resnet
  namespace: ml-training
  annotations: { sim.mlinfra.dev/steps: "300", sim.mlinfra.dev/step-seconds: "1", sim.mlinfra.dev/program: training }
spec:
  entrypoint: python tune_resnet.py --num-samples=8
  shutdownAfterJobFinishes: true
  ttlSecondsAfterFinished: 60
  rayClusterSpec:
    rayVersion: "2.41.0"
    headGroupSpec:
      rayStartParams: { dashboard-host: 0.0.0.0 }
      template:
        spec:
          containers:
            - name: ray-head
              image: rayproject/ray:2.41.0-py311
              resources: { limits: { cpu: "4", memory: 16Gi }, requests: { cpu: "4", memory: 16Gi } }
    workerGroupSpecs:
      - groupName: gpu-workers
        replicas: 2
        minReplicas: 2
        maxReplicas: 2
        rayStartParams: { num-gpus: "2" }
        template:
          spec:
            tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
            containers:
              - name: ray-worker
                image: rayproject/ray:2.41.0-py311-gpu
                resources: { limits: { nvidia.com/gpu: 2, cpu: "16", memory: 64Gi }, requests: { nvidia.com/gpu: 2, cpu: "16", memory: 64Gi } }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: data-preprocess
  namespace: ml-training
  annotations: { sim.mlinfra.dev/steps: "8", sim.mlinfra.dev/step-seconds: "2" }
spec:
  completions: 4
  parallelism: 2
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: preprocess
          image: python:3.11-slim
          command: [python, preprocess.py, --shards=8]
          resources: { requests: { cpu: "2", memory: 4Gi }, limits: { cpu: "2", memory: 4Gi } }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: triton-llama3
  namespace: ml-serving
  labels: { app: triton-llama3 }
spec:
  replicas: 2
  selector: { matchLabels: { app: triton-llama3 } }
  template:
    metadata:
      labels: { app: triton-llama3 }
    spec:
      nodeSelector: { nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB }
      tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:24.08-trtllm-python-py3
          args: [tritonserver, --model-repository=/models]
          ports: [{ containerPort: 8000, name: http }, { containerPort: 8001, name: grpc }, { containerPort: 8002, name: metrics }]
          resources: { limits: { nvidia.com/gpu: 1, cpu: "8", memory: 64Gi }, requests: { nvidia.com/gpu: 1, cpu: "8", memory: 64Gi } }
        - name: dcgm-exporter
          image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.8-3.6.0-ubuntu22.04
          resources: { limits: { cpu: 100m, memory: 128Mi } }
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: bert-classifier
  namespace: ml-serving
spec:
  predictor:
    model:
      modelFormat: { name: triton }
      storageUri: gs://models/bert-classifier
      resources: { limits: { nvidia.com/gpu: 1, cpu: "4", memory: 16Gi }, requests: { cpu: "4", memory: 16Gi } }
    tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: audit-exporter
  namespace: secret-ns
spec:
  replicas: 1
  selector: { matchLabels: { app: audit-exporter } }
  template:
    metadata:
      labels: { app: audit-exporter }
    spec:
      containers:
        - name: exporter
          image: busybox:1.37
          resources: { limits: { cpu: 100m, memory: 64Mi } }
`;

export const DEMO_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'ml-serving', 'ml-training', 'secret-ns'];
