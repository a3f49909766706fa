// `npm run bench -- --only logs` (and the last part of `npm run bench`): starts the local API server in
// a child process (bench/logs-cluster.ts, bundled beside this file by bench/run.mjs), runs the logs
// scenario in this process, prints its table and targets, and writes bench/results/logs-latest.json.
// A report, as the other parts: it exits 1 only when the run failed or a line was lost or repeated.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkLogsTargets, logsTable, logsTargetsText } from './logs-report';
import { runLogsScenario } from './logs-scenario';

/** CPU seconds a process has used so far (Linux), or undefined. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function startClusterProcess(): Promise<{ kubeconfigPath: string; cpu(): number | undefined; stop(): void }> {
  const child = spawn(process.execPath, [join(__dirname, 'logs-cluster.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The API server would run on other machines: here it shares the cores, behind the process measured.
  if (child.pid) setPriority(child.pid, 10);
  const first = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench cluster exited (${code ?? 'signal'}) before it started`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const { kubeconfigPath } = JSON.parse(first) as { kubeconfigPath: string };
  return { kubeconfigPath, cpu: () => cpuSeconds(child.pid), stop: () => void child.kill('SIGTERM') };
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
    const before = cluster.cpu();
    const result = await runLogsScenario(cluster.kubeconfigPath, mkdtempSync(join(tmpdir(), 'mlinfra-bench-home-')));
    const used = cluster.cpu();
    const clusterCpu =
      before !== undefined && used !== undefined ? `${(((used - before) / result.durationS) * 100).toFixed(0)} %` : 'unknown';
    const checks = checkLogsTargets(result);
    console.log(`${logsTable(result)}\n  the API server's process used ${clusterCpu} of one core; load average at the end ${load()}\n`);
    console.log(logsTargetsText(checks));
    const out = join(root, 'bench', 'results', 'logs-latest.json');
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, load: loadavg(), result, checks }, null, 2)}\n`,
    );
    return checks[0].pass ? 0 : 1;
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
