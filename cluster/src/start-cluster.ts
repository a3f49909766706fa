// Starts the local API server in this process: certificates, tokens, the store with a scenario
// on a clock, and an HTTPS server on 127.0.0.1. Tests start it here; `npm run cluster` (main.ts)
// starts it from the command line.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ApiContext } from './api/context';
import { loadResourceTypes, ResourceTypes } from './api/resource-types';
import { ObjectValidator } from './apply/validate';
import { newTokens, type Tokens } from './http/auth';
import { LogFaults } from './http/log-faults';
import { apiHandler } from './http/router';
import { writeKubeconfig } from './kubeconfig';
import { loadScenario, type ScenarioName } from './scenario/demo';
import { loadSweep } from './scenario/sweep';
import { ManualClock, ScaledClock, type Clock } from './sim/clock';
import type { SimContext } from './sim/context';
import { EventRecorder } from './sim/events';
import { LogStore } from './sim/log-store';
import { Random } from './sim/random';
import { Simulation } from './sim/simulation';
import { Store } from './store/store';
import { makeCertificates } from './tls/certificates';

export interface ClusterOptions {
  /** Where to write a kubeconfig for the cluster (mode 0600); none when absent. */
  kubeconfigPath?: string;
  /** The port on 127.0.0.1; a free one when absent or 0. */
  port?: number;
  scenario?: ScenarioName;
  /** The simulation's time; a real-time clock when absent. */
  clock?: Clock;
  /** Simulated seconds per real second, when no clock is given. */
  speed?: number;
  seed?: number;
  /** How many changes watches can replay before 410 Gone. */
  historyWindow?: number;
  /** Real milliseconds between watch bookmarks. */
  bookmarkMs?: number;
  /**
   * Serves /mlinfra-test/clock for a harness in another process to move `clock`, which must then
   * be a ManualClock (http/test-control.ts), and /mlinfra-test/faults to cut log streams
   * (http/log-faults.ts). Never set for the demo a user runs.
   */
  testControl?: boolean;
}

export interface Cluster {
  url: string;
  kubeconfigPath?: string;
  caCert: string;
  tokens: Tokens;
  sim: SimContext;
  /** Faults in log streams, for clusters started with `testControl` (http/log-faults.ts). */
  faults?: LogFaults;
  stop(): Promise<void>;
}

/** The folder of the generated schemas: schemas/ at the repository root, above this file wherever it was built to. */
export function findSchemasDir(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'schemas', 'index.json'))) return join(dir, 'schemas');
    if (dirname(dir) === dir) throw new Error(`schemas/index.json not found above ${from}`);
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const schemasDir = findSchemasDir();
  const clock = options.clock ?? new ScaledClock(options.speed ?? 1);
  const testClock = options.testControl && clock instanceof ManualClock ? clock : undefined;
  if (options.testControl && !testClock) throw new Error('testControl needs a ManualClock: time that moves only when the tests move it');
  const random = new Random(options.seed ?? 42);
  const types = new ResourceTypes(loadResourceTypes(schemasDir));
  const store = new Store(clock, random, options.historyWindow);
  const sim: SimContext = { store, clock, random, events: new EventRecorder(store, clock), logs: new LogStore(), types };
  // What never changes goes in before the simulation listens (see sweep.ts).
  if (options.scenario === 'large') loadSweep(sim);
  const simulation = new Simulation(sim);
  loadScenario(sim, options.scenario ?? 'demo');

  const certificates = makeCertificates();
  const tokens = newTokens();
  const streams = new Set<ServerResponse>();
  const validator = new ObjectValidator(schemasDir);
  // Faults only where time is the tests' too: never in the demo a user runs.
  const faults = testClock ? new LogFaults() : undefined;
  const ctx: ApiContext = { sim, types, validator, tokens, url: '', bookmarkMs: options.bookmarkMs ?? 60_000, streams, testClock, faults };
  const server: Server = createServer({ key: certificates.serverKey, cert: certificates.serverCert }, apiHandler(ctx));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.url = `https://127.0.0.1:${port}`;
  if (options.kubeconfigPath) writeKubeconfig(options.kubeconfigPath, ctx.url, certificates.caCert, tokens);

  return {
    url: ctx.url,
    kubeconfigPath: options.kubeconfigPath,
    caCert: certificates.caCert,
    tokens,
    sim,
    faults,
    stop: () =>
      new Promise<void>((resolve) => {
        simulation.stop();
        clock.dispose();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
