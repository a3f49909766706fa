// `npm run cluster`: starts the local Kubernetes API server with the demo scenario and serves
// until stopped (Ctrl-C or SIGTERM). Options: --kubeconfig FILE (written once it listens),
// --port N, --speed X (simulated seconds per second), --seed N, --scenario demo|large|empty.
import { resolve } from 'node:path';
import { ADMIN_CONTEXT, RESTRICTED_CONTEXT } from './kubeconfig';
import { SCENARIOS, type ScenarioName } from './scenario/demo';
import { startCluster, type ClusterOptions } from './start-cluster';

const USAGE = `Usage: npm run cluster -- [--kubeconfig FILE] [--port N] [--speed X] [--seed N] [--scenario ${SCENARIOS.join('|')}]`;

function parseArgs(args: string[]): ClusterOptions {
  const options: ClusterOptions = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = (name: string, min: number) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number of at least ${min}`);
      return n;
    };
    if (flag === '--kubeconfig') options.kubeconfigPath = resolve(process.env.INIT_CWD ?? process.cwd(), value());
    else if (flag === '--port') options.port = number('--port', 0);
    else if (flag === '--speed') options.speed = number('--speed', 0.01);
    else if (flag === '--seed') options.seed = number('--seed', 0);
    else if (flag === '--scenario') {
      const scenario = value() as ScenarioName;
      if (!SCENARIOS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
      options.scenario = scenario;
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

async function main(): Promise<void> {
  let options: ClusterOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const cluster = await startCluster(options);
  console.log(`[cluster] Kubernetes API server (simulated, v1.32) listening on ${cluster.url}`);
  if (cluster.kubeconfigPath) {
    console.log(`[cluster] kubeconfig: ${cluster.kubeconfigPath} (contexts ${ADMIN_CONTEXT}, ${RESTRICTED_CONTEXT})`);
    console.log(`[cluster] try: kubectl --kubeconfig ${cluster.kubeconfigPath} get pods -A`);
  } else {
    console.log('[cluster] no kubeconfig written; pass --kubeconfig FILE to get one');
  }
  const stop = (signal: string) => {
    console.log(`[cluster] ${signal}: stopping`);
    void cluster.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
  console.error(`[cluster] ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
