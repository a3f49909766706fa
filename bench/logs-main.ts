// `npm run bench -- --only logs` (and the last part of `npm run bench`): starts the local API server in
// a child process (bench/logs-cluster.ts, bundled beside this file by bench/run.mjs), runs the logs
// scenario in this process, prints its table and targets, and writes bench/results/logs-latest.json.
// Exits 1 when a target fails.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkLogsTargets, logsTable, logsTargetsText } from './logs-report';
import { runLogsScenario } from './logs-scenario';

async function startClusterProcess(): Promise<{ kubeconfigPath: string; stop(): void }> {
  const child = spawn(process.execPath, [join(__dirname, 'logs-cluster.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench cluster exited (${code ?? 'signal'}) before it started`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const { kubeconfigPath } = JSON.parse(first) as { kubeconfigPath: string };
  return { kubeconfigPath, stop: () => void child.kill('SIGTERM') };
}

async function main(): Promise<number> {
  const root = process.argv[2];
  if (!root) throw new Error('usage: run through `npm run bench -- --only logs` (bench/run.mjs)');
  // Other work on the machine shows in every figure: the load average says how much there was.
  const load = () => loadavg()[0].toFixed(1);
  console.log(
    `mlinfra logs bench on Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load ${load()}`,
  );
  const cluster = await startClusterProcess();
  try {
    const result = await runLogsScenario(cluster.kubeconfigPath, mkdtempSync(join(tmpdir(), 'mlinfra-bench-home-')));
    const checks = checkLogsTargets(result);
    console.log(`${logsTable(result)}\n  load average at the end ${load()}\n`);
    console.log(logsTargetsText(checks));
    const out = join(root, 'bench', 'results', 'logs-latest.json');
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, load: loadavg(), result, checks }, null, 2)}\n`,
    );
    return checks.every((c) => c.pass) ? 0 : 1;
  } finally {
    cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
