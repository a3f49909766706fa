// gpu/no-toleration on the kinds whose pods take pod fields from more than one place: a Spark role,
// its pod template and its application; an Argo template, the template defaults and the workflow.
import { fixture } from '../../../../../test/harness/fixture';
import { checkRule, checkRuleFix } from '../../../../../test/harness/rules';

const ID = 'gpu/no-toleration';
const WHY =
  'with no toleration for the nvidia.com/gpu taint and no GPU node selector: GPU node pools are often tainted (nvidia.com/gpu:NoSchedule), and such pods stay Pending there. Add a toleration for nvidia.com/gpu, or a node selector for your GPU nodes.';

describe(`${ID} on Spark applications and Argo workflows`, () => {
  it('reports the Spark role whose GPUs no toleration or selector reaches', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: sparkoperator.k8s.io/v1beta2
      kind: SparkApplication
      metadata:
        name: etl-rapids
      spec:
        type: Scala
        mode: cluster
        sparkVersion: 3.5.5
        image: nvcr.io/nvidia/spark-rapids:25.02
        mainClass: com.example.Etl
        mainApplicationFile: local:///opt/spark/jars/etl.jar
        driver:
          cores: 1
          memory: 4g
        executor:
      # ^^^^^^^^ info[gpu/no-toleration]: GPUs are requested in the executor pods ${WHY}
          instances: 4
          cores: 8
          memory: 32g
          gpu:
            name: nvidia.com/gpu
            quantity: 1
    `,
    );
  });

  it('takes the tolerations and selectors of a Spark pod template and application, and of an Argo workflow', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: sparkoperator.k8s.io/v1beta2
      kind: ScheduledSparkApplication
      metadata:
        name: nightly-features
      spec:
        schedule: "@daily"
        template:
          type: Python
          sparkVersion: 3.5.5
          mainApplicationFile: local:///opt/app/features.py
          nodeSelector:
            nvidia.com/gpu.product: NVIDIA-L4
          driver:
            template:
              spec:
                tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
                containers: [{ name: driver, resources: { limits: { nvidia.com/gpu: 1 } } }]
          executor:
            gpu: { name: nvidia.com/gpu, quantity: 1 }
    `,
    );
    checkRule(
      ID,
      fixture`
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: finetune-
      spec:
        entrypoint: fit
        tolerations:
          - { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }
        templates:
          - name: fit
            container:
              image: nvcr.io/nvidia/pytorch:24.05-py3
              resources: { limits: { nvidia.com/gpu: 8 } }
    `,
    );
  });

  it('reports the Argo template that runs GPU containers, on its name, and adds the toleration to it', () => {
    checkRule(
      ID,
      fixture`
      apiVersion: argoproj.io/v1alpha1
      kind: WorkflowTemplate
      metadata:
        name: train-and-eval
      spec:
        templates:
          - name: pipeline
            dag:
              tasks:
                - { name: train, template: train }
                - { name: eval, template: eval, dependencies: [train] }
          - name: train
      #           ^^^^^ info[gpu/no-toleration]: GPUs are requested in the train pods ${WHY}
            containerSet:
              containers:
                - { name: trainer, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 4 } } }
          - name: eval
            nodeSelector: { cloud.google.com/gke-accelerator: nvidia-l4 }
            script:
              image: nvcr.io/nvidia/pytorch:24.05-py3
              source: print("eval")
              resources: { limits: { nvidia.com/gpu: 1 } }
    `,
    );
    const workflow = (extra: string) => `apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  schedules: ["0 2 * * *"]
  workflowSpec:
    entrypoint: fit
    templates:
      - name: $0fit
        container:
          image: nvcr.io/nvidia/pytorch:24.05-py3
          resources:
            limits:
              nvidia.com/gpu: 1
${extra}`;
    checkRuleFix(
      ID,
      workflow(''),
      'Add toleration for nvidia.com/gpu',
      workflow('        tolerations:\n        - key: nvidia.com/gpu\n          operator: Exists\n          effect: NoSchedule\n').replace(
        '$0',
        '',
      ),
    );
  });
});
