// gpu/cuda-image-without-gpu on a Spark application: a role asks for GPUs in its `gpu` field, and
// the advice says so instead of naming a limit the operator writes itself.
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule } from '../../../../../test/harness/rules';

const ID = 'gpu/cuda-image-without-gpu';

describe(`${ID}: Spark applications`, () => {
  it("tells a Spark role without GPUs to set its gpu field, and accepts one that has them or hides the node's", () => {
    checkRule(
      ID,
      fixture`
      apiVersion: sparkoperator.k8s.io/v1beta2
      kind: SparkApplication
      metadata:
        name: features
      spec:
        type: Python
        mode: cluster
        sparkVersion: 3.5.5
        image: ghcr.io/example/spark-rapids:3.5.5-cuda12
        mainApplicationFile: local:///opt/app/features.py
        driver:
          cores: 1
          memory: 4g
          image: nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04
      #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gpu/cuda-image-without-gpu]: Container spark-kubernetes-driver of driver runs the CUDA image nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04 without a GPU limit: the scheduler gives it no GPU, yet on a GPU node the NVIDIA runtime honours the image's NVIDIA_VISIBLE_DEVICES=all and shows it every GPU there, other pods' included (elsewhere it sees none). Set the driver's gpu (name: nvidia.com/gpu, quantity), or NVIDIA_VISIBLE_DEVICES=void in its env if it needs none.
        executor:
          instances: 2
          cores: 8
          memory: 32g
          gpu: { name: nvidia.com/gpu, quantity: 1 }
    `,
    );
  });
});
