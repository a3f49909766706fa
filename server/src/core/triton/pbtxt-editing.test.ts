// Editing Triton configs: completion at a `$0` cursor, hover, the outline, and Format Document
// leaving every example config of the demo repository as it is, each of which has no problem.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCursor, sharedService } from '../../../../test/harness/cursor';
import { diskChecker } from '../../../../test/harness/hosts';
import { formatPbtxt } from './pbtxt-format';

const uri = 'file:///repo/detector/config.pbtxt';

function complete(source: string) {
  const { text, position } = parseCursor(source);
  return sharedService().complete({ uri, text }, position);
}

describe('Triton config editing', () => {
  it('completes the fields a message may take, with snippets for the common blocks', () => {
    const items = complete('name: "detector"\n$0\n');
    const labels = items.map((item) => item.label);
    assert.ok(!labels.includes('name'), 'name is set already');
    for (const label of ['platform', 'backend', 'max_batch_size', 'input', 'instance_group', 'dynamic_batching', 'parameters'])
      assert.ok(labels.includes(label), label);
    assert.equal(
      items.find((item) => item.label === 'instance_group')!.insertText,
      'instance_group [\n  {\n    count: ${1:1}\n    kind: ${2|KIND_GPU,KIND_CPU,KIND_MODEL,KIND_AUTO|}\n  }\n]',
    );
    const inInput = complete('input [\n  {\n    name: "x"\n    da$0\n  }\n]\n');
    assert.deepEqual(
      inInput.filter((item) => item.label.startsWith('da')).map((item) => [item.label, item.detail]),
      [['data_type', 'DataType']],
    );
  });

  it('completes enum values, and platform and backend names', () => {
    assert.ok(complete('input { data_type: TYPE_F$0 }\n').some((item) => item.label === 'TYPE_FP16'));
    assert.deepEqual(
      complete('instance_group { kind: $0 }\n').map((item) => item.label),
      ['KIND_AUTO', 'KIND_GPU', 'KIND_CPU', 'KIND_MODEL'],
    );
    const platforms = complete('platform: "onnx$0"\n');
    assert.ok(platforms.some((item) => item.label === 'onnxruntime_onnx' && item.insertText === '"onnxruntime_onnx"'));
    assert.deepEqual(platforms[0].range, { start: { line: 0, character: 10 }, end: { line: 0, character: 15 } });
  });

  it('hovers a field with its description from model_config.proto', () => {
    const { text, position } = parseCursor('instance_group [ { ki$0nd: KIND_GPU } ]\n');
    const hover = sharedService().hover({ uri, text }, position);
    assert.ok(hover);
    const [first] = hover.markdown.split('\n');
    assert.equal(first, '**kind** · `ModelInstanceGroup.Kind`');
    assert.match(hover.markdown, /The kind of this instance group\. Default is KIND_AUTO\./);
    assert.match(hover.markdown, /Allowed: `KIND_AUTO`, `KIND_GPU`, `KIND_CPU`, `KIND_MODEL`/);
  });

  it('outlines inputs, outputs, instance groups and ensemble steps by name', () => {
    const text = readFileSync(
      join(__dirname, '..', '..', '..', '..', '..', 'examples', 'model_repository', 'classifier_ensemble', 'config.pbtxt'),
      'utf8',
    );
    const outline = sharedService().outline({ uri: 'file:///repo/classifier_ensemble/config.pbtxt', text });
    assert.deepEqual(
      outline.map((s) => [s.name, s.detail]),
      [
        ['name', '"classifier_ensemble"'],
        ['platform', '"ensemble"'],
        ['max_batch_size', '32'],
        ['input', 'IMAGE'],
        ['output', 'LABEL'],
        ['ensemble_scheduling', undefined],
      ],
    );
    assert.deepEqual(
      outline[5].children.map((s) => s.detail),
      ['preprocess', 'resnet50_trt', 'postprocess'],
    );
  });

  it('formats every example config to itself, and each has no problems', async () => {
    const root = join(__dirname, '..', '..', '..', '..', '..', 'examples');
    const configs: string[] = [];
    const walk = (dir: string) =>
      readdirSync(dir).forEach((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : name === 'config.pbtxt' && configs.push(join(dir, name)),
      );
    walk(root);
    assert.ok(configs.length >= 7, `${configs.length} configs`);
    const onDisk = diskChecker();
    for (const path of configs) {
      const text = readFileSync(path, 'utf8');
      assert.deepEqual(formatPbtxt(text), { text }, path);
      // With the file system as host: the cross-file checks (version folders, model files, ensemble steps) run too.
      assert.deepEqual((await onDisk({ uri: pathToFileURL(path).href, text })).findings, [], path);
    }
  });
});
