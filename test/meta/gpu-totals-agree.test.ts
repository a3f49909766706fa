// The same job shows the same GPUs everywhere: the CodeLens and the hover over its manifest, its
// row in the Clusters view, the GPU nodes view, and the demo cluster's scheduler. All of them read
// common/model; this test runs the demo scenario and compares what each surface shows.
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { podSpecGpus } from '../../common/model';
import { INFERENCE_TYPES, TRAINING_TYPES } from '../../client/src/cluster/resources';
import { NamespaceModel } from '../../client/src/views/clusters-model';
import { gpuNodes } from '../../client/src/views/model/allocation';
import { DEMO_MANIFESTS } from '../../cluster/src/scenario/demo-manifests';
import { ManualClock } from '../../cluster/src/sim/clock';
import { usage } from '../../cluster/src/sim/scheduler';
import { startCluster, type Cluster } from '../../cluster/src/start-cluster';
import { sharedService } from '../harness/cursor';

/* eslint-disable @typescript-eslint/no-explicit-any -- cluster objects are read as JSON */

const GPUS = /^(≥ )?(\d+) GPUs?\b/;

/** Each demo manifest's text with its kind and name, as a user would open it. */
function demoDocuments(): { kind: string; name: string; namespace: string; text: string }[] {
  return parseAllDocuments(DEMO_MANIFESTS).map((doc) => {
    const object = doc.toJS();
    return { kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace, text: String(doc) };
  });
}

/** The GPUs the CodeLens above a manifest shows, and whether the hover on `kind` shows the same line. */
function editorGpus(text: string): { lens: number; hoverAgrees: boolean } | undefined {
  const service = sharedService();
  const uri = 'file:///demo/job.yaml';
  const lens = service.codeLenses({ uri, text }).find((l) => GPUS.test(l.title));
  if (!lens) return undefined;
  const kindLine = text.split('\n').findIndex((line) => line.startsWith('kind:'));
  const hover = service.hover({ uri, text }, { line: kindLine, character: 7 });
  const contents = JSON.stringify(hover ?? '');
  return { lens: Number(GPUS.exec(lens.title)![2]), hoverAgrees: contents.includes(lens.title) };
}

describe('GPU totals agree across the editor, the views and the demo cluster', () => {
  let cluster: Cluster;
  const clock = new ManualClock();

  before(async () => {
    cluster = await startCluster({ clock, seed: 3 });
    // Long enough for every job's pods to be created and scheduled, short of the first to finish.
    for (let second = 0; second < 20; second++) clock.advance(1000);
  });
  after(() => cluster.stop());

  function namespaceModel(namespace: string): NamespaceModel {
    const objects = new Map<string, any[]>();
    for (const type of [...TRAINING_TYPES, ...INFERENCE_TYPES]) objects.set(type.key, cluster.sim.store.list(type.key, namespace));
    return new NamespaceModel({ context: 'demo', namespace, now: clock.now(), objects, pods: cluster.sim.store.list('/pods', namespace) });
  }

  it('shows each demo workload with the same GPUs in the CodeLens, the hover, the Clusters view and the scheduler', () => {
    const rows: string[] = [];
    for (const doc of demoDocuments()) {
      const editor = editorGpus(doc.text);
      const model = namespaceModel(doc.namespace);
      const view = [...model.training().flatMap((g) => g.jobs), ...model.inference()].find((job) => job.name === doc.name);
      if (!view) continue;
      // What the scheduler placed for the job's pods, counted by the scheduler's own arithmetic.
      const scheduled = [...usage(view.pods.filter((p: any) => p.spec.nodeName)).values()].reduce(
        (sum, used) => sum + (used['nvidia.com/gpu'] ?? 0),
        0,
      );
      const requested = view.pods.reduce((sum: number, pod: any) => sum + podSpecGpus(pod.spec), 0);
      rows.push(
        `${doc.kind} ${doc.name}: lens ${editor?.lens ?? 0}, hover ${editor ? editor.hoverAgrees : 'none'}, tree ${view.gpus}, pods ${requested}, scheduled ${scheduled}`,
      );
    }
    assert.deepEqual(rows, [
      'PyTorchJob llama3-8b-finetune: lens 16, hover true, tree 16, pods 16, scheduled 16',
      // The demo's job that asks for more GPUs than any node pool has: nothing scheduled.
      'PyTorchJob llama3-70b-pretrain: lens 32, hover true, tree 32, pods 32, scheduled 0',
      'TFJob resnet50-tf: lens 2, hover true, tree 2, pods 2, scheduled 2',
      'RayJob ray-tune-resnet: lens 4, hover true, tree 4, pods 4, scheduled 4',
      'Job data-preprocess: lens 0, hover none, tree 0, pods 0, scheduled 0',
      'Deployment triton-llama3: lens 2, hover true, tree 2, pods 2, scheduled 2',
      'InferenceService bert-classifier: lens 1, hover true, tree 1, pods 1, scheduled 1',
    ]);
  });

  it('shows in the GPU nodes view the GPUs the scheduler placed on each node', () => {
    const pods = cluster.sim.store.list('/pods');
    const scheduler = [...usage(pods)].map(([node, used]) => `${node} ${used['nvidia.com/gpu'] ?? 0}`).filter((row) => !row.endsWith(' 0'));
    const view = gpuNodes(cluster.sim.store.list('/nodes'), pods)
      .map((node) => `${node.name} ${node.used}`)
      .filter((row) => !row.endsWith(' 0'));
    assert.deepEqual(view.sort(), scheduler.sort());
    assert.ok(view.length >= 3, `GPUs are in use on several nodes: ${view.join(', ')}`);
  });
});
