// Hover (what a field is) and the outline (what a file holds), as a user sees them.
import * as assert from 'node:assert/strict';
import { parseCursor, sharedService } from '../../../../test/harness/cursor';
import { fixture } from '../../../../test/harness/fixture';

function hover(source: string) {
  const { text, position } = parseCursor(source);
  const uri = 'file:///workspace/hover.yaml';
  const result = sharedService().hover({ uri, text }, position);
  sharedService().forget(uri);
  return result;
}

describe('hover in YAML manifests', () => {
  it("shows a field's type, whether it is required, its description and its path", () => {
    const result = hover(fixture`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: trainer
      spec:
        containers:
          - na$0me: main
            image: pytorch/pytorch
    `);
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 11, character: 6 }, end: { line: 11, character: 10 } });
    const [first, , description, , where] = result.markdown.split('\n');
    assert.equal(first, '**name** · `string` · required');
    assert.match(description, /^Name of the container specified as a DNS_LABEL/);
    assert.equal(where, '*Pod* `spec.containers[0].name`');
  });

  it('describes a CRD field and lists allowed values', () => {
    const result = hover(fixture`
      apiVersion: v1
      kind: Pod
      spec:
        restartPolicy: Nev$0er
    `);
    assert.ok(result);
    assert.equal(result.markdown.split('\n')[0], '**restartPolicy** · `enum`');
    assert.match(result.markdown, /Allowed: `Always`, `OnFailure`, `Never`/);
  });

  it('says nothing where no schema is known', () => {
    assert.equal(hover('learning_rate$0: 0.1\n'), undefined);
  });
});

describe('outline of YAML files', () => {
  it('names a document created with generateName by its prefix and a star for the suffix the API server adds', () => {
    const text = fixture`
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      metadata:
        generateName: finetune-
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
        generateName: ignored-
    `;
    const uri = 'file:///workspace/generated.yaml';
    const outline = sharedService().outline({ uri, text });
    sharedService().forget(uri);
    assert.deepEqual(
      outline.map((s) => s.name),
      ['Workflow/finetune-*', 'Job/eval'],
    );
  });

  it('names each document kind/name and lists its keys, list items by their name', () => {
    const text = fixture`
      apiVersion: v1
      kind: Service
      metadata:
        name: trainer
      ---
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: eval
      spec:
        template:
          spec:
            containers:
              - name: main
                image: busybox
    `;
    const uri = 'file:///workspace/outline.yaml';
    const outline = sharedService().outline({ uri, text });
    sharedService().forget(uri);
    assert.deepEqual(
      outline.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line, s.selectionRange.start.line]),
      [
        ['Service/trainer', 'v1', 0, 3, 1],
        ['Job/eval', 'batch/v1', 5, 14, 6],
      ],
    );
    const containers = outline[1].children[3].children[0].children[0].children[0];
    assert.equal(containers.name, 'containers');
    assert.deepEqual(
      containers.children.map((c) => c.name),
      ['main'],
    );
    assert.deepEqual(
      containers.children[0].children.map((c) => `${c.name}=${c.detail}`),
      ['name=main', 'image=busybox'],
    );
  });
});
