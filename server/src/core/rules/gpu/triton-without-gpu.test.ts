import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { testHost } from '../../../../../test/harness/hosts';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/triton-without-gpu';

const deployment = (args: string, resources = '', annotation = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: triton
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: server
${annotation}          image: nvcr.io/nvidia/tritonserver:24.05-py3
          args: ${args}
${resources}`;

describe(ID, () => {
  it('reads the model configs of a model repository in the workspace', () => {
    const gpuModel = 'name: "densenet"\nplatform: "onnxruntime_onnx"\ninstance_group [ { kind: KIND_GPU count: 2 } ]\n';
    const cpuModel = 'name: "tokenizer"\nbackend: "python"\ninstance_group [ { kind: KIND_CPU } ]\n';
    const host = testHost({
      'file:///w/model_repository/densenet/config.pbtxt': gpuModel,
      'file:///w/model_repository/tokenizer/config.pbtxt': cpuModel,
    });
    const uri = 'file:///w/deploy/triton.yaml';
    const finding =
      '#               ^^^^^^ error[gpu/triton-without-gpu]: Triton container server has no GPU limit, but serves models with KIND_GPU instance groups (densenet, from model_repository/densenet/config.pbtxt): it sees no GPU and fails to load them. Set limits: nvidia.com/gpu: 1, or use KIND_CPU.\n';
    checkFindings(deployment('["tritonserver", "--model-repository", "/mnt/model_repository"]', '', finding), { uri, host, only: ID });
    checkFindings(
      deployment(
        '["tritonserver", "--model-repository=/mnt/model_repository"]',
        '          resources:\n            limits:\n              nvidia.com/gpu: 1\n',
      ),
      { uri, host, only: ID },
    );
    checkFindings(deployment('["tritonserver", "--model-repository=s3://bucket/models"]'), { uri, host, only: ID });
  });

  it('reads config.pbtxt keys of ConfigMaps the pod mounts, in a KServe predictor too', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: llm-config
      data:
        config.pbtxt: |
          backend: "vllm"
          instance_group [ { kind: KIND_MODEL } ]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: detector-config
      data:
        detector.pbtxt: |
          name: "detector"
          instance_group [ { kind: KIND_GPU } ]
      ---
      apiVersion: serving.kserve.io/v1beta1
      kind: InferenceService
      metadata:
        name: detector
      spec:
        predictor:
          containers:
            - name: kserve-container
      #             ^^^^^^^^^^^^^^^^ error[gpu/triton-without-gpu]: Triton container kserve-container has no GPU limit, but serves models with KIND_GPU instance groups (detector, from ConfigMap detector-config): it sees no GPU and fails to load them. Set limits: nvidia.com/gpu: 1, or use KIND_CPU.
              image: nvcr.io/nvidia/tritonserver:24.05-py3
              command: ["/bin/sh", "-c", "tritonserver --model-store=/models --strict-model-config=false"]
          volumes:
            - name: models
              configMap: { name: detector-config }
            - name: llm
              configMap: { name: llm-config }
    `,
    );
  });

  it('leaves a Triton server that uses a DRA claim of GPUs, or of devices it cannot count, alone', () => {
    const gpuModel = 'name: "densenet"\nplatform: "onnxruntime_onnx"\ninstance_group [ { kind: KIND_GPU } ]\n';
    const host = testHost({
      'file:///w/model_repository/densenet/config.pbtxt': gpuModel,
      'file:///w/deploy/claims.yaml':
        'apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata:\n  name: one-gpu\nspec:\n  spec:\n    devices:\n' +
        '      requests:\n        - { name: gpu, exactly: { deviceClassName: gpu.nvidia.com } }\n',
    });
    const claimed = (template: string, annotation = '') =>
      deployment(
        '["tritonserver", "--model-repository=/mnt/model_repository"]',
        '          resources:\n            claims: [{ name: gpu }]\n',
        annotation,
      ).replace(
        '      containers:\n',
        `      resourceClaims: [{ name: gpu, resourceClaimTemplateName: ${template} }]\n      containers:\n`,
      );
    checkFindings(claimed('one-gpu'), { uri: 'file:///w/deploy/triton.yaml', host, only: ID });
    checkFindings(claimed('elsewhere'), { uri: 'file:///w/deploy/triton.yaml', host, only: ID });
    // A claim of other devices gives no GPU.
    const channels = testHost({
      'file:///w/model_repository/densenet/config.pbtxt': gpuModel,
      'file:///w/deploy/claims.yaml':
        'apiVersion: resource.k8s.io/v1\nkind: ResourceClaimTemplate\nmetadata:\n  name: channel\nspec:\n  spec:\n    devices:\n' +
        '      requests:\n        - { name: gpu, exactly: { deviceClassName: compute-domain-default-channel.nvidia.com } }\n',
    });
    const finding =
      '#               ^^^^^^ error[gpu/triton-without-gpu]: Triton container server has no GPU limit, but serves models with KIND_GPU instance groups (densenet, from model_repository/densenet/config.pbtxt): it sees no GPU and fails to load them. Set limits: nvidia.com/gpu: 1, or use KIND_CPU.\n';
    checkFindings(claimed('channel', finding), { uri: 'file:///w/deploy/triton.yaml', host: channels, only: ID });
  });

  it('adds the limit', () => {
    const source = `apiVersion: v1
kind: ConfigMap
metadata:
  name: models
data:
  config.pbtxt: |
    instance_group [ { kind: KIND_GPU } ]
---
apiVersion: v1
kind: Pod
metadata:
  name: triton
spec:
  containers:
    - name: $0server
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      resources:
        requests:
          cpu: 4
  tolerations:
    - { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }
  volumes:
    - name: models
      configMap: { name: models }
`;
    checkRuleFix(
      ID,
      source,
      'Add limit nvidia.com/gpu: 1',
      source.replace('$0', '').replace('          cpu: 4\n', '          cpu: 4\n        limits:\n          nvidia.com/gpu: 1\n'),
    );
  });
});
