// The demo workspace says what it shows: the clean training job has no finding, the broken one
// shows at least ten GPU rules at once (and nothing a schema would catch), and the demo cluster's
// failing TFJob is there to follow its logs from.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoWorkloads } from '../../cluster/src/scenario/demo';
import { manifestObjects } from '../../client/src/logs/view/manifest-objects';
import { diskChecker } from '../harness/hosts';

const ROOT = join(__dirname, '..', '..', '..');
const check = diskChecker();
const findingsOf = async (path: string) => {
  const file = join(ROOT, 'examples', path);
  return (await check({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') })).findings;
};

describe('demo examples', () => {
  it('has a clean distributed training job', async () => {
    assert.deepEqual(await findingsOf('training/pytorchjob.yaml'), []);
  });

  it('has a broken training job that shows ten GPU rules at once', async () => {
    const codes = [...new Set((await findingsOf('training/gpu-mistakes.yaml')).map((finding) => finding.code))].sort();
    assert.deepEqual(codes, [
      'gpu/cpu-image-with-gpu',
      'gpu/init-container-gpu',
      'gpu/no-toleration',
      'gpu/nproc-per-node',
      'gpu/replica-gpus-differ',
      'gpu/request-equals-limit',
      'gpu/resource-name',
      'gpu/shm-missing',
      'gpu/shm-size',
      'gpu/visible-devices-set',
      'gpu/whole-number',
      'kubeflow/container-name',
      'kubeflow/master-replicas',
      'kubeflow/nproc-conflict',
    ]);
  });

  it("has the demo cluster's failing TFJob, clean, as the cluster runs it: the Follow logs lens finds it there", async () => {
    assert.deepEqual(await findingsOf('training/resnet50-tf.yaml'), []);
    const [object] = manifestObjects(readFileSync(join(ROOT, 'examples', 'training', 'resnet50-tf.yaml'), 'utf8'));
    const running = demoWorkloads().find((w) => w.kind === object.kind && w.metadata.name === object.name);
    assert.deepEqual([object.apiVersion, object.namespace], [running?.apiVersion, running?.metadata.namespace]);
  });
});
