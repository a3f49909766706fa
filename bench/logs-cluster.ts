// The local API server for the logs bench, in a process of its own so that its work (64 containers
// printing, 64 log streams over TLS) is not counted in the extension host's event loop. Real time
// (speed 1): a line's timestamp is when the container printed it. Prints its URL and kubeconfig as
// one JSON line, then serves until killed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../cluster/src/start-cluster';

async function main(): Promise<void> {
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'mlinfra-bench-logs-')), 'kubeconfig');
  const cluster = await startCluster({ kubeconfigPath, scenario: 'empty', speed: 1 });
  process.stdout.write(`${JSON.stringify({ url: cluster.url, kubeconfigPath })}\n`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
