// Log sessions against the local API server of cluster/, in this process: the cluster runs on a clock
// the test moves, the session on real timers made short (batches of 20 ms, a 10 ms hold-back, retries
// from 5 ms), so a job that logs for minutes of simulated time is followed in a second or two.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClusterService, type ClusterService, type ContextSession } from '../../client/src/cluster/index';
import type { LogEntry, LogSessionOptions, LogSessionState, LogSessionTarget } from '../../client/src/logs/log-entry';
import { startLogSession, type LogSessionControl, type SessionTuning } from '../../client/src/logs/session';
import { ManualClock } from '../../cluster/src/sim/clock';
import type { ScenarioName } from '../../cluster/src/scenario/demo';
import { startCluster, type Cluster } from '../../cluster/src/start-cluster';

export const FAST: SessionTuning = { batchMs: 20, holdBackMs: 10, warmUpMs: 300, backoff: { initialMs: 5, maxMs: 50 } };

export interface LogCluster {
  cluster: Cluster;
  clock: ManualClock;
  service: ClusterService;
  context(name?: string): ContextSession;
  /** Creates an object through the API, as kubectl create does. */
  create(object: { apiVersion: string; kind: string; metadata: { name: string; namespace: string } }): Promise<void>;
  stop(): Promise<void>;
}

export async function startLogCluster(scenario: ScenarioName = 'empty'): Promise<LogCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mlinfra-logs-'));
  const clock = new ManualClock();
  const cluster = await startCluster({ kubeconfigPath: join(dir, 'kubeconfig'), clock, scenario, testControl: true });
  const service = await createClusterService({ setting: cluster.kubeconfigPath, home: dir }, () => undefined);
  const context = (name = 'mlinfra-demo') => service.session(name) as ContextSession;
  return {
    cluster,
    clock,
    service,
    context,
    async create(object) {
      const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : ['', object.apiVersion];
      const mapping = await context().mapper.map(object.apiVersion, object.kind);
      const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
      const path = `${base}/namespaces/${object.metadata.namespace}/${mapping.resource}`;
      await context().api.request('POST', path, { body: JSON.stringify(object), contentType: 'application/json' });
    },
    async stop() {
      service.dispose();
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Followed {
  session: LogSessionControl;
  entries: LogEntry[];
  states: LogSessionState[];
  batches: number;
}

export function follow(
  logs: LogCluster,
  target: LogSessionTarget,
  options: LogSessionOptions = {},
  context = 'mlinfra-demo',
  tuning: SessionTuning = FAST,
): Followed {
  const followed: Followed = { session: undefined as unknown as LogSessionControl, entries: [], states: [], batches: 0 };
  followed.session = startLogSession(
    logs.context(context),
    target,
    options,
    {
      onEntries: (batch) => {
        followed.batches++;
        followed.entries.push(...batch);
      },
      onState: (state) => followed.states.push(state),
    },
    tuning,
  );
  return followed;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Moves the cluster's clock by `stepMs` at a time, letting streams flow between steps, until `done` holds. */
export async function drive(logs: LogCluster, what: string, done: () => boolean, stepMs = 1000, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    logs.clock.advance(stepMs);
    await pause(5);
  }
}

/** Waits (real time) until `done` holds. */
export async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(5);
  }
}

/** A PyTorchJob whose pods print numbered lines (cluster/src/sim/numbered-program.ts). */
export function numberedJob(name: string, workers: number, annotations: Record<string, string>, namespace = 'ml-training') {
  const template = {
    spec: {
      containers: [{ name: 'pytorch', image: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime', resources: { requests: { cpu: '1' } } }],
    },
  };
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'PyTorchJob',
    metadata: { name, namespace, annotations: { 'sim.mlinfra.dev/program': 'numbered', ...annotations } },
    spec: {
      pytorchReplicaSpecs: {
        Master: { replicas: 1, restartPolicy: 'OnFailure', template },
        ...(workers ? { Worker: { replicas: workers, restartPolicy: 'OnFailure', template } } : {}),
      },
    },
  };
}

/** The numbers of the numbered lines each tag received, in the order received. */
export function numbersByTag(entries: readonly LogEntry[]): Map<string, number[]> {
  const byTag = new Map<string, number[]>();
  for (const entry of entries) {
    const match = entry.kind === 'line' ? /^line (\d+)\//.exec(entry.text) : null;
    if (!match || !entry.tag) continue;
    const list = byTag.get(`${entry.tag}/${entry.container}`) ?? [];
    list.push(Number(match[1]));
    byTag.set(`${entry.tag}/${entry.container}`, list);
  }
  return byTag;
}
