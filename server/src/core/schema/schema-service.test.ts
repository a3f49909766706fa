// Schema findings as a user sees them: the range, severity, code and message of each.
import * as assert from 'node:assert/strict';
import { sharedService } from '../../../../test/harness/cursor';
import { checkFindings } from '../../../../test/harness/check';
import { fixture } from '../../../../test/harness/fixture';

/** The schema's and the parser's findings only: GPU rules have their own tests. */
const SCHEMA_FINDINGS = { only: (code: string) => code.startsWith('schema/') || code.startsWith('yaml/') };

describe('schema validation of manifests', () => {
  it('puts an unknown field on its key and suggests the field meant', () => {
    checkFindings(
      fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Worker:
            replica: 3
      #     ^^^^^^^ error[schema/unknown-field]: Unknown field "replica" in PyTorchJob spec.pytorchReplicaSpecs.Worker; did you mean "replicas"?
            template:
              spec:
                containers:
                  - name: pytorch
                    image: nvcr.io/nvidia/pytorch:24.05-py3
    `,
      SCHEMA_FINDINGS,
    );
  });

  it('puts a wrong value on the value, with the fix for YAML surprises', () => {
    checkFindings(
      fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: trainer
      spec:
        containers:
          - name: main
            image: pytorch/pytorch
            imagePullPolicy: IfNotPresnt
      #                      ^^^^^^^^^^^ error[schema/invalid-value]: "IfNotPresnt" is not allowed for Pod spec.containers[0].imagePullPolicy; use one of Always, Never, IfNotPresent. Did you mean "IfNotPresent"?
            env:
              - name: WORLD_SIZE
                value: 8
      #                ^ error[schema/wrong-type]: Pod spec.containers[0].env[0].value must be a string, not the number 8. Quote it: "8".
              - name: USE_AMP
                value: on
      #                ^^ error[schema/wrong-type]: Pod spec.containers[0].env[1].value must be a string, not the boolean true. Quote it (YAML reads on as true): "on".
            ports:
              - containerPort: "8080"
      #                        ^^^^^^ error[schema/wrong-type]: Pod spec.containers[0].ports[0].containerPort must be an integer, not the string "8080". Remove the quotes.
            resources:
              limits:
                nvidia.com/gpu: 1 GPU
      #                         ^^^^^ error[schema/invalid-value]: "1 GPU" is not a quantity, as Pod spec.containers[0].resources.limits["nvidia.com/gpu"] must be: write a number with an optional suffix, such as 2, 500m or 64Gi.
                memory: 64Gi
                cpu: 0.5
    `,
      SCHEMA_FINDINGS,
    );
  });

  it('says to quote a number only when the quoted text would be accepted', () => {
    checkFindings(fixture`
      apiVersion: monitoring.coreos.com/v1
      kind: PrometheusRule
      metadata:
        name: gpu-alerts
      spec:
        groups:
          - name: gpu.rules
            interval: 0
      #               ^ error[schema/wrong-type]: PrometheusRule spec.groups[0].interval must be a string, not the number 0. Quote it: "0".
            rules:
              - alert: GPUTemperatureHigh
                expr: DCGM_FI_DEV_GPU_TEMP > 85
                for: 5
      #              ^ error[schema/wrong-type]: PrometheusRule spec.groups[0].rules[0].for must be a string, not the number 5.
    `);
  });

  it('puts a missing field on its parent key, and an empty required field on its own key', () => {
    checkFindings(fixture`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
      spec:
        template:
          spec:
      #   ^^^^ error[schema/missing-field]: Missing required field "containers" in Job spec.template.spec.
            restartPolicy: Never
            volumes:
              - emptyDir: {}
      #         ^^^^^^^^^^^^ error[schema/missing-field]: Missing required field "name" in Job spec.template.spec.volumes[0].
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
      spec:
        template:
          spec:
            containers:
      #     ^^^^^^^^^^ error[schema/missing-field]: Required field "containers" in Job spec.template.spec has no value.
            env:
      #     ^^^ error[schema/unknown-field]: Unknown field "env" in Job spec.template.spec.
    `);
  });

  it('reads empty optional fields as absent, as the API server does', () => {
    checkFindings(fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: empty-values
        labels:
      spec:
        containers:
          - name: main
            image: busybox
            env:
            args:
    `);
  });

  it('reports a missing apiVersion on the kind, and checks every document on its own', () => {
    checkFindings(fixture`
      kind: Pod
      ^^^^ error[schema/missing-field]: Missing required field "apiVersion" in Pod.
      spec:
        containers: [{name: a, image: b}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        epochs: 10
      #         ^^ error[schema/wrong-type]: ConfigMap data.epochs must be a string, not the number 10. Quote it: "10".
    `);
  });

  it('notes a kind it has no schema for once, on the kind, and suggests the known one', () => {
    checkFindings(fixture`
      apiVersion: kubeflow.org/v1
      kind: PytorchJob
      #     ^^^^^^^^^^ info[schema/unknown-kind]: No schema is known for kind "PytorchJob" (kubeflow.org/v1). Did you mean "PyTorchJob"? To check it, add its CRD to the "mlinfra.schemas.crds" setting, map the file to a JSON schema with "mlinfra.schemas.files", or add a "# yaml-language-server: $schema=<path>" comment.
      spec:
        anything: goes
      ---
      apiVersion: kubeflow.org/v9
      kind: TFJob
      #     ^^^^^ info[schema/unknown-kind]: No schema is known for TFJob in kubeflow.org/v9; it is known in kubeflow.org/v1. To check it, add its CRD to the "mlinfra.schemas.crds" setting, map the file to a JSON schema with "mlinfra.schemas.files", or add a "# yaml-language-server: $schema=<path>" comment.
    `);
  });

  it('refuses an apiVersion Kubernetes no longer serves, naming the one to use, with the change as the fix', () => {
    checkFindings(fixture`
      apiVersion: extensions/v1beta1
      #           ^^^^^^^^^^^^^^^^^^ error[schema/removed-api-version]: Deployment in extensions/v1beta1 is no longer served: Kubernetes removed it in 1.16, and the API server refuses it. Use apiVersion: apps/v1 (check the fields that changed between the versions).
      kind: Deployment
      metadata:
        name: trainer
      ---
      apiVersion: batch/v1beta1
      #           ^^^^^^^^^^^^^ error[schema/removed-api-version]: CronJob in batch/v1beta1 is no longer served: Kubernetes removed it in 1.25, and the API server refuses it. Use apiVersion: batch/v1 (check the fields that changed between the versions).
      kind: CronJob
      ---
      apiVersion: policy/v1beta1
      #           ^^^^^^^^^^^^^^ error[schema/removed-api-version]: PodSecurityPolicy in policy/v1beta1 is no longer served: Kubernetes removed it in 1.25, and the API server refuses it. Use Pod Security Admission (namespace labels pod-security.kubernetes.io/…) instead.
      kind: PodSecurityPolicy
    `);
    const text = 'apiVersion: apps/v1beta2\nkind: StatefulSet\n';
    const [finding] = sharedService().validate({ uri: 'file:///w/sts.yaml', text }).findings;
    assert.deepEqual(
      finding.fixes?.map((fix) => [fix.title, fix.edits[0].newText]),
      [['Change to apps/v1', 'apps/v1']],
    );
    assert.deepEqual(finding.fixes?.[0].edits[0].range, { start: { line: 0, character: 12 }, end: { line: 0, character: 24 } });
  });

  it('leaves YAML that is not a manifest alone', () => {
    checkFindings(fixture`
      learning_rate: 0.001
      layers: [64, 64]
    `);
  });

  it('skips schema checks of a document whose structure is broken, but not for a duplicate key', () => {
    checkFindings(fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
          labels: {}
      #   ^^^^^^ error[yaml/bad-indentation]: Bad indentation: "labels" is indented more than "name" above it, which already has a value. Align the keys, or nest "labels" under a key that has no value.
      spec:
        unknownField: 1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
        name: b
      # ^^^^ error[yaml/duplicate-key]: Duplicate key "name": it is already set on line 12. Kubernetes and most YAML tools reject the file or keep only one value; remove or rename one of them.
      spec:
      ^^^^ error[schema/missing-field]: Missing required field "containers" in Pod spec.
        restartPolicy: no
      #                ^^ error[schema/invalid-value]: false is not allowed for Pod spec.restartPolicy; use one of Always, OnFailure, Never.
        hostIPC: null
    `);
  });

  it('names the group where two groups have a kind of the same name, and words Kubernetes name patterns', () => {
    checkFindings(fixture`
      apiVersion: batch.volcano.sh/v1alpha1
      kind: Job
      metadata:
        name: mpi
      spec:
        queue: Training_Queue
      #        ^^^^^^^^^^^^^^ error[schema/invalid-value]: "Training_Queue" is not a DNS subdomain (lowercase letters, digits, "-" and ".", each part starting and ending with a letter or digit), as Job (batch.volcano.sh/v1alpha1) spec.queue must be.
      ---
      apiVersion: v1
      kind: List
      items: []
    `);
  });
});
