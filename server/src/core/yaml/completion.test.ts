// Completion in manifests, asked at a `$0` cursor: the items a user sees, in their order.
import * as assert from 'node:assert/strict';
import { expandSnippet, parseCursor, sharedService } from '../../../../test/harness/cursor';
import { fixture } from '../../../../test/harness/fixture';
import { repositorySchemas } from '../../../../test/harness/hosts';
import type { Completion } from '../types';

function complete(source: string, uri = 'file:///workspace/complete.yaml'): Completion[] {
  const { text, position } = parseCursor(source);
  const service = sharedService();
  const items = service.complete({ uri, text }, position);
  service.forget(uri);
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const labels = (items: Completion[]) => items.map((item) => item.label);

describe('completion in YAML manifests', () => {
  it('offers the keys a mapping may still take, required ones first, with snippets for their values', () => {
    const items = complete(fixture`
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      metadata:
        name: finetune
      spec:
        pytorchReplicaSpecs:
          Worker:
            replicas: 2
            $0
    `);
    assert.deepEqual(labels(items), ['restartPolicy', 'template']);
    const template = items.find((item) => item.label === 'template')!;
    assert.equal(template.insertText, 'template:\n  $0');
    assert.equal(template.detail, 'PodTemplateSpec');
    assert.match(template.documentation ?? '', /Template is the object that describes the pod/);
    assert.deepEqual(template.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 6 } });
  });

  it('puts required fields first and writes list snippets', () => {
    const items = complete(fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: trainer
      spec:
        restartPolicy: Never
        con$0
    `);
    assert.equal(items[0].label, 'containers');
    assert.equal(items[0].detail, 'list of Container (required)');
    assert.equal(items[0].insertText, 'containers:\n  - $0');
    assert.ok(!labels(items).includes('restartPolicy'));
    assert.deepEqual(items[0].range, { start: { line: 6, character: 2 }, end: { line: 6, character: 5 } });
  });

  it('offers resource names, GPUs and MIG profiles, under resources.limits', () => {
    const items = complete(fixture`
      apiVersion: v1
      kind: Pod
      metadata:
        name: trainer
      spec:
        containers:
          - name: main
            resources:
              limits:
                cpu: 4
                $0
    `);
    const names = labels(items);
    assert.ok(!names.includes('cpu'));
    for (const name of [
      'memory',
      'ephemeral-storage',
      'nvidia.com/gpu',
      'amd.com/gpu',
      'nvidia.com/mig-1g.5gb',
      'nvidia.com/mig-3g.40gb',
      'nvidia.com/mig-7g.141gb',
    ]) {
      assert.ok(names.includes(name), `${name} offered`);
    }
    assert.equal(items.find((item) => item.label === 'nvidia.com/gpu')!.insertText, 'nvidia.com/gpu: $0');
  });

  it('offers enum values and booleans for a value', () => {
    assert.deepEqual(
      labels(
        complete(fixture`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: main
            imagePullPolicy: $0
    `),
      ),
      ['Always', 'Never', 'IfNotPresent'],
    );
    assert.deepEqual(
      labels(
        complete(fixture`
      apiVersion: v1
      kind: Pod
      spec:
        hostIPC: t$0
    `),
      ),
      ['true', 'false'],
    );
  });

  it('offers every known kind at the top of an empty document, each with a valid skeleton', () => {
    const items = complete(fixture`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ml
      ---
      $0
    `);
    const pytorch = items.find((item) => item.label === 'PyTorchJob (kubeflow.org/v1)');
    assert.ok(pytorch, 'PyTorchJob offered');
    assert.equal(pytorch.detail, 'kubeflow.org/v1');
    assert.equal(
      expandSnippet(pytorch.insertText),
      'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: pytorchjob\nspec:\n  pytorchReplicaSpecs: {}\n',
    );
    const index = repositorySchemas.readJson('index.json') as { kinds: { apiVersion: string; kind: string }[] };
    assert.deepEqual(items.map((item) => item.label).sort(), index.kinds.map(({ apiVersion, kind }) => `${kind} (${apiVersion})`).sort());
  });

  it('offers apiVersions and kinds as values at the top level', () => {
    const kinds = labels(
      complete(fixture`
      apiVersion: ray.io/v1
      kind: Ray$0
    `),
    );
    assert.ok(kinds.includes('RayJob') && kinds.includes('RayCluster') && kinds.includes('PyTorchJob'));
    const versions = labels(
      complete(fixture`
      apiVersion: kubeflow$0
    `),
    );
    assert.ok(versions.includes('kubeflow.org/v1') && versions.includes('kubeflow.org/v2beta1'));
  });
});

describe('kind skeletons', function () {
  // Compiles the schema of every kind: seconds, not milliseconds.
  this.timeout(60000);

  it('expand, for every known kind, to a document with no problems', () => {
    const service = sharedService();
    const items = service.complete({ uri: 'file:///workspace/new.yaml', text: '' }, { line: 0, character: 0 });
    assert.ok(items.length >= 40);
    const problems = items.flatMap((item) => {
      const text = expandSnippet(item.insertText);
      const findings = service.validate({ uri: 'file:///workspace/skeleton.yaml', text }).findings;
      return findings.map((f) => `${item.label}: ${f.code} ${f.message}`);
    });
    service.forget('file:///workspace/skeleton.yaml');
    assert.deepEqual(problems, []);
  });

  it('give a list or a map that must not be empty one item, and a placeholder its pattern accepts', () => {
    const items = sharedService().complete({ uri: 'file:///workspace/new.yaml', text: '' }, { line: 0, character: 0 });
    const text = (label: string) => expandSnippet(items.find((item) => item.label === label)?.insertText ?? '');
    assert.match(text('MultiKueueConfig (kueue.x-k8s.io/v1beta2)'), /\nspec:\n {2}clusters:\n {4}- cluster\n/);
    assert.match(text('ProvisioningRequestConfig (kueue.x-k8s.io/v1beta2)'), /\n {2}provisioningClassName: provisioning-class-name\n/);
    assert.match(text('GatewayClass (gateway.networking.k8s.io/v1)'), /\nspec:\n {2}controllerName: example.com\/controller-name\n/);
    // A map that must not be empty gets one entry.
    assert.match(text('InferencePool (inference.networking.k8s.io/v1)'), /\n {2}selector:\n {4}matchLabels:\n {6}key: value\n/);
    assert.match(text('CronWorkflow (argoproj.io/v1alpha1)'), /\nspec:\n {2}schedules:\n {4}- 0 \* \* \* \*\n/);
    // A list of objects that must not be empty but whose items require nothing: one item, with its first field.
    assert.match(text('EC2NodeClass (karpenter.k8s.aws/v1)'), /\n {2}amiSelectorTerms:\n {4}- alias: alias\n/);
  });
});
