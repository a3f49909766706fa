// Logs views of every kind of target, inside a real VS Code against the local cluster: a container
// from its row (Show Logs: what it kept, then the end), a Deployment picked in the palette (its pods
// merged; closing the view ends their streams), a manifest's CodeLens (only from what the Clusters
// view already watches: the lens asks nothing), pause, resume and stop, and the errors a user meets,
// in the view's own lines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlinfraApi } from '../../client/src/extension';
import { activateExtension, eventually } from './helpers';
import { advanceClock, openStreams } from './kube';
import { answerQuickPicks, closeAllEditors, waitForView } from './logs-view';

const CLUSTERS = 'mlinfra.clusters';
const SERVING = ['mlinfra-demo', 'ml-serving', 'Inference services', 'triton-llama3'];
/** A Deployment's pods are tagged by their name's generated suffix. */
const suffix = (pod: string) => pod.slice(pod.lastIndexOf('-') + 1);

describe('Logs views of containers, services, manifests and errors', function () {
  this.timeout(90000);
  let api: MlinfraApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(closeAllEditors);

  it("shows a container's lines from its row, with its pod's events (as the setting says), and ends", async () => {
    const pod = (await api.clusters.children(CLUSTERS, SERVING))[0].label;
    const dcgm = (await api.clusters.children(CLUSTERS, [...SERVING, pod])).find((c) => c.label === 'dcgm-exporter');
    const title = await vscode.commands.executeCommand<string>('mlinfra.showLogs', dcgm);
    assert.equal(title, `Logs: pod/${pod} (dcgm-exporter)`);
    let view = await waitForView(api.logs, title, (v) => v.state === 'Ended', 'the end of what the container kept');
    const tag = suffix(pod);
    assert.equal(view.options, 'read once · last 300 lines of each container');
    assert.ok(view.rows.includes(`${tag} event Started: Started container dcgm-exporter`), view.rows.join('\n'));
    api.logs.act(title, { type: 'press', label: 'Events' });
    view = await waitForView(api.logs, title, (v) => !v.rows.some((r) => r.includes(' event ')), 'the lines alone');
    const lines = [`${tag} Starting dcgm-exporter`, `${tag} Collecting metrics at 0.0.0.0:9400/metrics every 30000ms`];
    assert.deepEqual(view.rows, lines);
    assert.deepEqual(view.chips, ['pod']);
    // With mlinfra.logs.events off, a view opens with the events hidden.
    await closeAllEditors();
    const settings = vscode.workspace.getConfiguration('mlinfra.logs');
    await settings.update('events', false, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('mlinfra.showLogs', dcgm);
      view = await waitForView(api.logs, title, (v) => v.state === 'Ended', 'the end, without events');
      assert.deepEqual(view.rows, lines);
    } finally {
      await settings.update('events', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('asks for the context, namespace and object from the palette, and ends every stream when closed', async () => {
    const picks = answerQuickPicks(['mlinfra-demo', 'ml-serving', 'triton-llama3']);
    let title: string;
    try {
      title = await vscode.commands.executeCommand<string>('mlinfra.followLogs');
    } finally {
      picks.restore();
    }
    assert.equal(title, 'Logs: deployment/triton-llama3');
    assert.deepEqual(picks.asked, [
      'Follow Logs: context',
      'Follow Logs: namespace of mlinfra-demo',
      'Follow Logs: a training job, inference service or pod in ml-serving',
    ]);
    assert.deepEqual(picks.offered[0], ['mlinfra-demo', 'mlinfra-demo-restricted'], 'the current context first');
    assert.equal(picks.offered[1][0], 'ml-training', 'the current namespace first');
    assert.deepEqual(picks.offered[2].slice(0, 2), ['bert-classifier', 'triton-llama3']);
    assert.ok(
      picks.offered[2].slice(2).every((p) => /^(bert-classifier-predictor|triton-llama3)-/.test(p)),
      picks.offered[2].join(', '),
    );
    const pods = (await api.clusters.children(CLUSTERS, SERVING)).map((p) => suffix(p.label)).sort();
    const view = await waitForView(
      api.logs,
      title,
      (v) => v.rows.filter((r) => r.includes('Started HTTPService')).length === 2,
      'both pods',
    );
    assert.deepEqual(
      view.rows
        .filter((r) => r.includes('Started HTTPService'))
        .map((r) => r.split(' ')[0])
        .sort(),
      pods,
    );
    assert.ok(
      pods.every((tag) => view.rows.includes(`${tag} Collecting metrics at 0.0.0.0:9400/metrics every 30000ms`)),
      'every container of every pod',
    );
    assert.equal(view.state, 'Following');
    assert.equal((await openStreams()).logs, 4, 'two containers in each of two pods');
    await closeAllEditors();
    assert.deepEqual(api.logs.views(), []);
    await eventually(async () => ((await openStreams()).logs === 0 ? true : undefined), 'every log stream to end');
  });

  it('offers Follow logs above a manifest whose object the Clusters view shows, and asks the cluster nothing for it', async () => {
    // The user has the namespace open in the Clusters view.
    await api.clusters.children(CLUSTERS, ['mlinfra-demo', 'ml-training']);
    const text = [
      'apiVersion: kubeflow.org/v1',
      'kind: PyTorchJob',
      'metadata:',
      '  name: llama3-8b-finetune',
      '  namespace: ml-training',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: { name: not-in-the-cluster, namespace: ml-training }',
      '---',
      '# In the cluster, in a namespace no view watches: no lens, and no request to find out.',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: audit-exporter, namespace: secret-ns }',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    const lenses = await eventually(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const logs = all.filter((l) => l.command?.command === 'mlinfra.followLogs');
      return logs.length ? logs : undefined;
    }, 'the Follow logs lens');
    const target = { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama3-8b-finetune' };
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.arguments]),
      [[1, '$(output) Follow logs', [target]]],
    );
    const [argument] = lenses[0].command!.arguments as unknown[];
    const title = await vscode.commands.executeCommand<string>(lenses[0].command!.command, argument);
    assert.equal(title, 'Logs: pytorchjob/llama3-8b-finetune');
    const view = await waitForView(
      api.logs,
      title,
      (v) => ['master-0', 'worker-0'].every((tag) => v.rows.some((r) => new RegExp(`^${tag} step \\d+/600 loss=`).test(r))),
      'the steps of both pods',
    );
    assert.deepEqual(view.chips, ['master', 'worker']);
  });

  it('pauses and resumes what it shows, and stops: every stream ends while the view stays', async () => {
    const job = { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'llama3-8b-finetune' };
    const title = await vscode.commands.executeCommand<string>('mlinfra.followLogs', job);
    /** The master's last step in sight. */
    const step = (rows: string[]) => Math.max(0, ...rows.map((r) => Number(/^master-0 step (\d+)\/600 /.exec(r)?.[1] ?? 0)));
    await waitForView(api.logs, title, (v) => v.state === 'Following' && step(v.rows) > 0, 'the steps');
    assert.equal((await openStreams()).logs, 2);
    api.logs.act(title, { type: 'press', label: 'Pause' });
    const paused = await waitForView(api.logs, title, (v) => v.state === 'Paused', 'paused');
    // The job logs a step every 10 s: thirty seconds of it are held, not shown.
    await advanceClock(30);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const still = await api.logs.snapshot(title);
    assert.deepEqual([still.state, still.held], ['Paused', paused.held]);
    api.logs.act(title, { type: 'press', label: 'Resume' });
    const resumed = await waitForView(
      api.logs,
      title,
      // Ten steps a line, a step a second: thirty seconds are three lines more of each pod.
      (v) => v.state === 'Following' && step(v.rows) >= step(still.rows) + 30,
      'the held steps',
    );
    assert.ok(resumed.held > still.held);
    api.logs.act(title, { type: 'press', label: 'Stop' });
    await waitForView(api.logs, title, (v) => v.state === 'Stopped', 'stopped');
    await eventually(async () => ((await openStreams()).logs === 0 ? true : undefined), 'every log stream to end');
    assert.deepEqual(
      api.logs.views().map((v) => [v.title, v.state]),
      [[title, 'stopped']],
      'the view stays, with what it read',
    );
  });

  it('says in the view why there is nothing to show: a forbidden namespace, a pod gone, a pod not scheduled', async () => {
    const cases: Array<[Record<string, string>, string, string[]]> = [
      [
        { context: 'mlinfra-demo-restricted', namespace: 'secret-ns', typeKey: 'apps/deployments', name: 'audit-exporter' },
        'Ended',
        [
          'error deployments.apps "audit-exporter" is forbidden: User "demo-restricted" cannot get resource "deployments" in API ' +
            'group "apps" in the namespace "secret-ns"',
        ],
      ],
      [
        { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: '/pods', name: 'llama3-8b-finetune-worker-7' },
        'Ended',
        ['error pods "llama3-8b-finetune-worker-7" not found'],
      ],
      [
        { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: '/pods', name: 'llama3-70b-pretrain-worker-2' },
        'Following',
        ['worker-2 status pod is Pending: not scheduled on a node yet'],
      ],
    ];
    for (const [target, state, rows] of cases) {
      const title = await vscode.commands.executeCommand<string>('mlinfra.followLogs', target);
      const view = await waitForView(api.logs, title, (v) => v.state === state && v.rows.length > 0, `${state} with a reason`);
      assert.deepEqual(view.rows.slice(0, rows.length), rows, title);
    }
    // The pending pod's scheduler says why, among its events.
    const pending = await api.logs.snapshot('Logs: pod/llama3-70b-pretrain-worker-2');
    assert.ok(
      pending.rows.some((r) => r.startsWith('worker-2 event FailedScheduling: 0/5 nodes are available')),
      pending.rows.join('\n'),
    );
  });
});
