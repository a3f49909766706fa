// Inside a real VS Code, against the local cluster: Follow Logs on a training job's row opens a view
// that shows, in its webview, every pod's lines merged and tagged by role and index, the failure of
// the first run highlighted, counted and linked to its rule, the traceback's file a link into the
// workspace; the toolbar's choices read again (previous instance, since) and Open in Editor writes
// what the view holds. The job is the probe of logs-probe.ts, on the cluster's clock. Other targets
// (a container, the palette, the CodeLens, errors) are in logs.targets.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MlinfraApi } from '../../client/src/extension';
import { activateExtension, eventually, waitFor, workspaceFile } from './helpers';
import { advanceClock, openStreams } from './kube';
import { applyProbe, PROBE, writeScript } from './logs-probe';
import { closeAllEditors, waitForView } from './logs-view';

const TITLE = `Logs: pytorchjob/${PROBE}`;
/** A step line with its random numbers replaced. */
const steady = (row: string) => row.replace(/loss=\d+\.\d+ lr=\S+ throughput=\d+/, 'loss=L lr=R throughput=T');

const BUS_ERROR = 'ERROR: Unexpected bus error encountered in worker. This might be caused by insufficient shared memory (shm).';
const KILLED =
  "RuntimeError: DataLoader worker (pid 2817) is killed by signal: Bus error. It is possible that dataloader's workers are out " +
  'of shared memory. Please try to raise your shared memory limit.';
const FAILURE = 'Bus error: /dev/shm too small gpu/shm-missing';

/** worker-0's first run as the view shows it with events hidden: start, steps, the bus error and its traceback, the end. */
function firstRun(rows: string[]): string[] {
  return [
    'worker-0 [rank1]: Initializing process group: backend=gloo world_size=1',
    'worker-0 [rank1]: Using CPU; batch_size=32 grad_accum=4 precision=fp32',
    'worker-0 [rank1]: Loaded dataset: 1281167 samples, 20 steps',
    // The run fails between step 5 and step 10, at random.
    ...rows.filter((r) => r.startsWith('worker-0 step ')).map(steady),
    `worker-0 ${FAILURE} ${BUS_ERROR}`,
    'worker-0 Traceback (most recent call last):',
    'worker-0   File "/workspace/train.py", line 58, in <module>',
    'worker-0     main()',
    'worker-0   File "/workspace/train.py", line 51, in main',
    'worker-0     loss = train_step(model, batch, optimizer)',
    'worker-0   File "/workspace/train.py", line 36, in train_step',
    'worker-0     for batch in loader:',
    `worker-0 ${FAILURE} ${KILLED}`,
    'worker-0 status container pytorch terminated: Error, exit code 1',
  ];
}

describe('Logs view of a training job', function () {
  this.timeout(90000);
  let api: MlinfraApi;

  before(async () => {
    api = await activateExtension();
    await writeScript();
    await applyProbe();
    await advanceClock(3);
  });

  after(closeAllEditors);

  it('follows a job from its row: every pod merged, each line tagged by its role and index', async () => {
    const job = await eventually(async () => {
      const rows = await api.clusters.children('mlinfra.clusters', ['mlinfra-demo', 'ml-training', 'Training jobs', 'PyTorchJob']);
      return rows.find((r) => r.label === PROBE);
    }, 'the probe job in the Clusters view');
    assert.equal(await vscode.commands.executeCommand('mlinfra.followLogs', job), TITLE);
    const view = await waitForView(api.logs, TITLE, (v) => v.rows.filter((r) => r.includes('Loaded dataset')).length === 3, 'every pod');
    assert.equal(view.state, 'Following');
    assert.equal(view.options, 'following · last 300 lines of each container');
    assert.deepEqual(view.chips, ['master', 'worker']);
    assert.deepEqual(view.rows.filter((r) => r.includes('Initializing')).sort(), [
      'master-0 [rank0]: Initializing process group: backend=gloo world_size=1',
      'worker-0 [rank1]: Initializing process group: backend=gloo world_size=1',
      'worker-1 [rank2]: Initializing process group: backend=gloo world_size=1',
    ]);
    // The pods' events come between the lines, tagged with their pod.
    assert.ok(view.rows.includes('worker-1 event Started: Started container pytorch'), view.rows.join('\n'));
    assert.deepEqual(await openStreams().then((s) => s.logs), 3, 'one stream per container');
  });

  it('highlights the failure of the first run, counts it and links its rule and its traceback', async () => {
    // 13 s in: every pod's first run has died of a bus error, and none has restarted yet.
    await advanceClock(10);
    await waitForView(api.logs, TITLE, (v) => v.failures[0] === 'Bus error: /dev/shm too small × 6 gpu/shm-missing', 'six failures');
    api.logs.act(TITLE, { type: 'press', label: 'Events' });
    api.logs.act(TITLE, { type: 'type', text: 'worker-0' });
    // Traceback paths become links once the workspace search for their files answers: wait for it too.
    const view = await waitForView(
      api.logs,
      TITLE,
      (v) => v.rows.every((r) => r.startsWith('worker-0 ')) && v.links.length > 0,
      'worker-0 alone, its traceback linked',
    );
    assert.deepEqual(view.rows.map(steady), firstRun(view.rows));
    assert.ok(view.rows.map(steady).includes('worker-0 step 5/20 loss=L lr=R throughput=T samples/s'));
    assert.deepEqual(view.highlighted, [`worker-0 ${FAILURE} ${BUS_ERROR}`, `worker-0 ${FAILURE} ${KILLED}`]);
    assert.deepEqual(view.links, [
      'File "/workspace/train.py", line 58',
      'File "/workspace/train.py", line 51',
      'File "/workspace/train.py", line 36',
    ]);
  });

  it("opens the traceback's file at its line and the rule's page beside the logs", async () => {
    api.logs.act(TITLE, { type: 'press', label: 'File "/workspace/train.py", line 51' });
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/train.py') ? active : undefined;
    }, 'train.py to open');
    assert.equal(editor.selection.active.line, 50);
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two);
    api.logs.act(TITLE, { type: 'press', label: 'gpu/shm-missing' });
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Preview shm-missing.md'),
      "the rule's page in the Markdown preview",
    );
    // The logs stay in sight: the view still answers from its webview.
    assert.equal((await api.logs.snapshot(TITLE)).title, TITLE);
  });

  it('opens what it holds in an editor, as Save writes it', async () => {
    api.logs.act(TITLE, { type: 'press', label: 'Open in Editor' });
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.languageId === 'log' ? active : undefined;
    }, 'the logs in an editor');
    const lines = editor.document.getText().replace(/\n$/, '').split('\n');
    assert.deepEqual(lines, api.logs.entries(TITLE));
    assert.equal(lines.length, (await api.logs.snapshot(TITLE)).held);
    assert.ok(lines.includes(`worker-1 ${KILLED}`), 'every pod, not only the filter');
    assert.ok(lines.includes('worker-1 [event] Started: Started container pytorch'));
  });

  it('saves what it holds to the file the user picks, each line with its time', async () => {
    const window = vscode.window as { showSaveDialog: (...args: unknown[]) => Thenable<vscode.Uri | undefined> };
    const original = window.showSaveDialog;
    const asked: unknown[] = [];
    const file = workspaceFile(`${PROBE}.log`);
    window.showSaveDialog = (options: unknown) => {
      asked.push(options);
      return Promise.resolve(file);
    };
    try {
      api.logs.act(TITLE, { type: 'press', label: 'Save…' });
      const saved = await eventually(async () => {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        return text.replace(/\n$/, '').split('\n');
      }, 'the saved file');
      assert.equal((asked[0] as vscode.SaveDialogOptions).defaultUri?.path, file.path, 'named after the job, in the workspace');
      assert.deepEqual(
        saved.map((line) => line.slice(31)),
        api.logs.entries(TITLE),
      );
      // Lines in nanoseconds as the runtime stamps them, events in seconds, padded to one column.
      const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{9})?Z$/;
      assert.ok(
        saved.every((line) => time.test(line.slice(0, 30).trim()) && line[30] === ' '),
        saved.join('\n'),
      );
    } finally {
      window.showSaveDialog = original;
    }
  });

  it('comes back whole after another editor hid it, with its filter', async () => {
    const before = await api.logs.snapshot(TITLE);
    const target = { context: 'mlinfra-demo', namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: PROBE };
    // An editor in the logs' own group hides the view: its page goes (no retained context).
    await vscode.window.showTextDocument(workspaceFile('train.py'), { viewColumn: vscode.ViewColumn.One });
    await assert.rejects(api.logs.snapshot(TITLE, 1000), /did not answer/);
    assert.equal(await vscode.commands.executeCommand('mlinfra.followLogs', target), TITLE, 'the same view, brought forward');
    const after = await waitForView(api.logs, TITLE, (v) => v.held === before.held, 'everything it held');
    assert.deepEqual([after.rows, after.chips, after.failures], [before.rows, before.chips, before.failures]);
  });

  it('reads the previous instance of the restarted containers, and since a time', async () => {
    // The restarts train to the end.
    await advanceClock(60);
    await waitForView(api.logs, TITLE, (v) => v.state === 'Ended', 'the job to end');
    api.logs.act(TITLE, { type: 'type', text: '' });
    api.logs.act(TITLE, { type: 'press', label: 'Events' });
    // The view's list is virtual: the page holds the rows in sight and a few more, not every line.
    const all = await waitForView(api.logs, TITLE, (v) => v.rowCount === v.held, 'every line again');
    assert.ok(all.rows.length < all.rowCount / 2, `${all.rows.length} rows drawn of ${all.rowCount}`);
    assert.ok(api.logs.views()[0].batches < all.held / 4, `${all.held} entries in ${api.logs.views()[0].batches} messages`);
    api.logs.act(TITLE, { type: 'press', label: 'worker' });
    await waitForView(api.logs, TITLE, (v) => v.rows.some((r) => /^worker-1 Training complete: 20 steps/.test(r)), 'the restarts to end');
    api.logs.act(TITLE, { type: 'press', label: 'Previous instance' });
    let view = await waitForView(api.logs, TITLE, (v) => v.options.startsWith('previous') && v.state === 'Ended', 'the previous instances');
    assert.equal(view.options, 'previous instances · last 300 lines of each container');
    assert.deepEqual(view.chips, ['master', 'worker*'], 'the filter stays');
    assert.deepEqual(view.failures, ['Bus error: /dev/shm too small × 6 gpu/shm-missing'], "every pod's first run");
    const lines = api.logs.entries(TITLE);
    assert.ok(lines.includes(`worker-1 ${KILLED}`) && lines.includes('master-0 [rank0]: Loaded dataset: 1281167 samples, 20 steps'));
    assert.ok(!lines.some((l) => l.includes('Training complete')), 'nothing of the second run');
    api.logs.act(TITLE, { type: 'choose', value: 'since:300' });
    view = await waitForView(api.logs, TITLE, (v) => v.options.includes('since 5m ago'), 'since five minutes ago');
    assert.equal(view.options, 'previous instances · since 5m ago · all lines');
  });
});
