// Nothing lost, nothing repeated: a PyTorchJob's pods print numbered lines while the local API server
// cuts every log stream at a random byte (often mid-line), by dropping the connection or by ending
// the body cleanly as the kubelet does at its limit, and refuses some requests with a 5xx. The session
// resumes each container from its last line; the view must hold every number exactly once, in order
// per container, across a restart too. The counts are printed.
import * as assert from 'node:assert/strict';
import { drive, follow, numberedJob, numbersByTag, startLogCluster, until, type LogCluster } from '../../../test/harness/log-cluster';

const LINES = 2000;
// About 60 bytes a line, 20 lines a second: a resumed stream sends the whole second of its last line
// again (1.2 KB), so cuts come after more than that, as a real stream's do (hours, or megabytes).
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('log sessions under fault injection (local API server)', function () {
  this.timeout(120_000);
  let logs: LogCluster;

  before(async () => {
    logs = await startLogCluster('empty');
  });

  after(async () => {
    await logs?.stop();
  });

  for (const seed of [15, 4242]) {
    it(`holds every numbered line exactly once, in order per container, through hundreds of cuts (seed ${seed})`, async () => {
      const name = `faulty-${seed}`;
      const job = numberedJob(name, 3, {
        'sim.mlinfra.dev/lines': String(LINES),
        'sim.mlinfra.dev/lines-per-second': '20',
        'sim.mlinfra.dev/burst': '3',
      });
      // One worker fails half-way through its first run and restarts: its two runs are read whole too.
      const worker = { ...job.spec.pytorchReplicaSpecs.Master.template };
      (job.spec.pytorchReplicaSpecs.Worker as unknown as { template: unknown }).template = {
        metadata: { annotations: { 'sim.mlinfra.dev/fail-attempts': '1' } },
        spec: worker.spec,
      };
      logs.cluster.faults?.configure({ seed, cutAfterBytes: [1500, 6000], cleanEndShare: 0.5, errorShare: 0.1 });
      await logs.create(job);
      const followed = follow(logs, { namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name });
      await until('the session to start', () => followed.session.state !== 'starting');
      await drive(logs, 'the job to end', () => followed.session.state === 'ended', 1000, 60_000);
      const faults = { ...logs.cluster.faults!.counts };
      logs.cluster.faults?.configure({});

      const numbers = numbersByTag(followed.entries);
      assert.deepEqual([...numbers.keys()].sort(), ['master-0/pytorch', 'worker-0/pytorch', 'worker-1/pytorch', 'worker-2/pytorch']);
      for (const [tag, list] of numbers) {
        const expected = tag === 'master-0/pytorch' ? range(1, LINES) : [...range(1, LINES / 2), ...range(1, LINES)];
        assert.equal(list.length, expected.length, `${tag}: ${list.length} lines`);
        assert.deepEqual(list, expected, tag);
      }
      const seqs = followed.entries.map((e) => e.seq);
      assert.deepEqual(seqs, range(1, seqs.length));
      const stats = followed.session.stats();
      const cuts = faults.drops + faults.ends;
      assert.ok(cuts >= 100, `${cuts} cuts`);
      assert.ok(faults.errors >= 10, `${faults.errors} refusals`);
      assert.equal(stats.lines, LINES * 4 + (LINES / 2 + 1) * 3, 'the lines shown: the numbers, and each failed run’s error');
      console.log(
        `      fault injection (seed ${seed}): ${stats.lines.toLocaleString('en-US')} lines from ${stats.containers} containers, ` +
          `${cuts} streams cut (${faults.drops} connections dropped, ${faults.ends} clean ends mid-stream), ${faults.errors} requests ` +
          `refused with a 5xx; ${stats.requests - stats.containers} reconnects (${stats.breaks} after a break, ${stats.resumes} after ` +
          `a clean end, the rest reading a run's end again); ${stats.repeated.toLocaleString('en-US')} repeated lines dropped; ` +
          `every number exactly once, in order`,
      );
    });
  }
});
