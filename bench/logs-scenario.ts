// The logs bench proper: a PyTorchJob of 64 pods printing numbered lines (20,000 a second in all, for
// 60 s) on the local API server; in this process, a LogSession on the job and a consumer that does what
// the view's host side does with each batch (the bounded buffer, the message to the webview). It
// measures the event loop (the extension host's responsiveness), the lag from each line's timestamp
// to its batch, the batches, the memory, and checks that every line came exactly once.
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createClusterService } from '../client/src/cluster/index';
import { LogBuffer } from '../client/src/logs/log-buffer';
import type { LogEntry, LogSessionState } from '../client/src/logs/log-entry';
import { startLogSession } from '../client/src/logs/session';
import type { LogsResult } from './logs-report';

export const PODS = 64;
export const LINES_PER_SECOND = 20_000;
// MLINFRA_BENCH_LOGS_SECONDS shortens the run, for profiling the bench itself.
export const SECONDS = Number(process.env.MLINFRA_BENCH_LOGS_SECONDS) || 60;

function job(linesPerPod: number, perPodPerSecond: number) {
  const template = { spec: { containers: [{ name: 'trainer', image: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime' }] } };
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'PyTorchJob',
    metadata: {
      name: 'bench-logs',
      namespace: 'ml-training',
      annotations: {
        'sim.mlinfra.dev/program': 'numbered',
        'sim.mlinfra.dev/lines': String(linesPerPod),
        'sim.mlinfra.dev/lines-per-second': String(perPodPerSecond),
        // A process writes a few lines at a time (a step's metrics); each keeps its own place in the order.
        'sim.mlinfra.dev/burst': '4',
      },
    },
    spec: {
      pytorchReplicaSpecs: {
        Master: { replicas: 1, restartPolicy: 'OnFailure', template },
        Worker: { replicas: PODS - 1, restartPolicy: 'OnFailure', template },
      },
    },
  };
}

/** Deliveries from the i-th within the second after it. */
function countWithin(times: number[], i: number): number {
  let n = 0;
  while (i + n < times.length && times[i + n] < times[i] + 1000) n++;
  return n;
}

/** A line's time in ms, its whole second parsed once (the bench reads 20,000 a second in the measured process). */
const seconds = new Map<string, number>();
function timeMs(time: string): number {
  const second = time.slice(0, 19);
  let ms = seconds.get(second);
  if (ms === undefined) seconds.set(second, (ms = Date.parse(`${second}Z`)));
  return ms + Number(time.slice(20, 23));
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;

export async function runLogsScenario(kubeconfigPath: string, home: string): Promise<LogsResult> {
  const perPod = LINES_PER_SECOND / PODS;
  const linesPerPod = Math.round(perPod * SECONDS);
  const service = await createClusterService({ setting: kubeconfigPath, home }, () => undefined);
  const context = service.session('mlinfra-demo');
  if (!context) throw new Error('the bench kubeconfig has no mlinfra-demo context');
  const body = JSON.stringify(job(linesPerPod, perPod));
  await context.api.request('POST', '/apis/kubeflow.org/v1/namespaces/ml-training/pytorchjobs', { body, contentType: 'application/json' });

  // What the view's host side keeps and sends; the lag and the numbers are read on the way.
  const buffer = new LogBuffer(Number(process.env.MLINFRA_BENCH_LOGS_BUFFER) || 100_000);
  const lags = new Float64Array(linesPerPod * PODS + 1000);
  let lagCount = 0;
  const next = new Map<string, number>();
  const wrong = new Set<string>();
  let received = 0;
  let consumerMaxMs = 0;
  const deliveries: number[] = [];
  const started = Date.now();
  let batches = 0;
  let state = 'starting' as LogSessionState;
  let endedAs: LogSessionState | undefined;
  let ended!: () => void;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const consume = (batch: readonly LogEntry[]) => {
    const now = Date.now();
    const t0 = performance.now();
    batches++;
    deliveries.push(now);
    for (const entry of batch) {
      if (entry.kind !== 'line' || !entry.text.startsWith('line ') || !entry.tag) continue;
      received++;
      if (lagCount < lags.length) lags[lagCount++] = now - timeMs(entry.time as string);
      const n = parseInt(entry.text.slice(5), 10);
      if ((next.get(entry.tag) ?? 1) !== n) wrong.add(entry.tag);
      next.set(entry.tag, n + 1);
    }
    buffer.append(batch);
    // The webview gets each batch as a message: structured-clone cost, taken here as JSON's.
    JSON.stringify(batch);
    consumerMaxMs = Math.max(consumerMaxMs, performance.now() - t0);
  };

  const cpu = process.cpuUsage();
  // Garbage collection pauses, to tell them from the session's own work in the stalls.
  let gcMaxMs = 0;
  let gcTotalMs = 0;
  const heapAfterGc: LogsResult['heapAfterGc'] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMaxMs = Math.max(gcMaxMs, entry.duration);
      gcTotalMs += entry.duration;
      // What is left after a full collection is what the process holds: flat memory keeps it level.
      if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        heapAfterGc.push({ second: Math.round((Date.now() - started) / 1000), mb: process.memoryUsage().heapUsed / 1e6 });
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  // When the loop stalled beyond 50 ms, to tell the start (64 streams opening) from the steady state.
  const longStalls: Array<{ second: number; ms: number }> = [];
  let tick = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    if (now - tick - 10 > 50) longStalls.push({ second: Math.round((Date.now() - started) / 100) / 10, ms: Math.round(now - tick - 10) });
    tick = now;
  }, 10);
  const rssMb: LogsResult['rssMb'] = [];
  const sampler = setInterval(
    () => rssMb.push({ second: Math.round((Date.now() - started) / 1000), mb: process.memoryUsage().rss / 1e6 }),
    5000,
  );
  const session = startLogSession(
    context,
    { namespace: 'ml-training', typeKey: 'kubeflow.org/pytorchjobs', name: 'bench-logs' },
    { tailLines: 300, events: true },
    {
      onEntries: consume,
      onState: (s) => {
        state = s;
        if (s === 'ended' || s === 'stopped') {
          endedAs ??= s;
          ended();
        }
      },
    },
  );
  const timeout = setTimeout(ended, (SECONDS + 60) * 1000);
  await done;
  clearTimeout(timeout);
  clearInterval(sampler);
  clearInterval(probe);
  stalls.disable();
  session.stop();
  service.dispose();

  const used = process.cpuUsage(cpu);
  gc.disconnect();
  const sorted = lags.slice(0, lagCount).sort();
  const exact = [...next.entries()].filter(([tag, after]) => !wrong.has(tag) && after === linesPerPod + 1).length;
  return {
    pods: PODS,
    linesPerSecond: LINES_PER_SECOND,
    seconds: SECONDS,
    expectedLines: linesPerPod * PODS,
    receivedLines: received,
    exactContainers: exact,
    // The delay beyond the monitor's own 10 ms timer: how long the loop was blocked.
    stallMaxMs: Math.max(0, stalls.max / 1e6 - 10),
    stallP99Ms: Math.max(0, stalls.percentile(99) / 1e6 - 10),
    lagP50Ms: quantile(sorted, 0.5),
    lagP99Ms: quantile(sorted, 0.99),
    lagMaxMs: sorted.length ? sorted[sorted.length - 1] : 0,
    batches,
    // The most batches in any one second (a sliding window).
    maxBatchesPerSecond: Math.max(0, ...deliveries.map((_, i) => countWithin(deliveries, i))),
    consumerMaxMs,
    rssMb,
    durationS: (Date.now() - started) / 1000,
    cpuPercent: ((used.user + used.system) / 1000 / (Date.now() - started)) * 100,
    gcMaxMs,
    gcTotalMs,
    heapAfterGc,
    longStalls,
    error: endedAs === 'ended' ? undefined : `the session did not end within ${SECONDS + 60} s (state ${state})`,
  };
}
