// Runs the real kubectl against a local cluster started in this process, on a clock the tests
// move by hand: outputs (ages included) are the same every run, and nothing waits on real time
// except kubectl itself, for which the helpers wait on conditions with generous timeouts.
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioName } from '../src/scenario/demo';
import { ManualClock } from '../src/sim/clock';
import { startCluster, type Cluster, type ClusterOptions } from '../src/start-cluster';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface TestCluster {
  cluster: Cluster;
  clock: ManualClock;
  kubeconfig: string;
  /** Runs kubectl to its end. */
  kubectl(args: string[], input?: string): Promise<Run>;
  /** Starts kubectl and returns it with its output so far (for -w and logs -f). */
  stream(args: string[]): { child: ChildProcess; output: () => string; done: Promise<Run> };
  stop(): Promise<void>;
}

type TestClusterOptions = Pick<ClusterOptions, 'historyWindow' | 'bookmarkMs' | 'testControl'>;

export async function startTestCluster(scenario: ScenarioName = 'demo', options: TestClusterOptions = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'mlinfra-cluster-test-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const clock = new ManualClock();
  const cluster = await startCluster({ kubeconfigPath: kubeconfig, clock, scenario, ...options });
  const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache'), HOME: dir };
  const stream = (args: string[], input?: string) => {
    const child = spawn('kubectl', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin?.end(input ?? '');
    const done = new Promise<Run>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    return { child, output: () => stdout + stderr, done };
  };
  return {
    cluster,
    clock,
    kubeconfig,
    kubectl: (args, input) => stream(args, input).done,
    stream: (args) => stream(args),
    async stop() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs` (generous: the machine may be loaded). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Output lines with trailing spaces removed. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l !== '');
}

/** A request straight to the API server as the admin (for what kubectl never sends). */
export function api(
  t: TestCluster,
  path: string,
  options: { method?: string; body?: string; contentType?: string; token?: string } = {},
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token ?? t.cluster.tokens.admin}` };
  if (options.contentType) headers['Content-Type'] = options.contentType;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${t.cluster.url}${path}`, { method: options.method ?? 'GET', ca: t.cluster.caCert, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Moves simulated time in steps until `check` holds (at most `limitMs` of simulated time). */
export function advanceUntil(t: TestCluster, what: string, check: () => boolean, limitMs = 600_000, stepMs = 1000): void {
  for (let spent = 0; !check(); spent += stepMs) {
    if (spent > limitMs) throw new Error(`${what} did not happen within ${limitMs / 1000}s of simulated time`);
    t.clock.advance(stepMs);
  }
}
