// Requests to the local cluster from inside the extension-host suite, as the administrator of its
// kubeconfig (MLINFRA_TEST_KUBECONFIG): what a user would do with kubectl beside the views, and
// moving the cluster's clock, which stands still until the suite moves it.
import { readFileSync } from 'node:fs';
import * as https from 'node:https';
import { parse } from 'yaml';

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ name: string; user: { token: string } }>;
  'current-context': string;
}

export function kubeconfigPath(): string {
  const path = process.env.MLINFRA_TEST_KUBECONFIG;
  if (!path) throw new Error('MLINFRA_TEST_KUBECONFIG is not set: the harness starts the local cluster');
  return path;
}

export function demoCluster(): { server: string; ca: string; adminToken: string; text: string } {
  const text = readFileSync(kubeconfigPath(), 'utf8');
  const config = parse(text) as Kubeconfig;
  const cluster = config.clusters[0].cluster;
  return {
    server: cluster.server,
    ca: cluster['certificate-authority-data'],
    adminToken: config.users.find((u) => u.name === 'demo-admin')!.user.token,
    text,
  };
}

/** An API object as JSON, read by path in the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by the assertions that read it
type ApiJson = any;

export function kubeRequest(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<{ status: number; body: ApiJson }> {
  const { server, ca, adminToken } = demoCluster();
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(server + path),
      {
        method,
        ca: Buffer.from(ca, 'base64'),
        headers: { Authorization: `Bearer ${adminToken}`, Accept: 'application/json', 'Content-Type': contentType },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

/** `kubectl apply --server-side` of one object. */
export async function serverSideApply(
  object: { apiVersion: string; kind: string; metadata: { name: string; namespace: string } },
  plural: string,
): Promise<void> {
  const base = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
  const path = `${base}/namespaces/${object.metadata.namespace}/${plural}/${object.metadata.name}?fieldManager=mlinfra-test&force=true`;
  const answer = await kubeRequest('PATCH', path, object, 'application/apply-patch+yaml');
  if (answer.status >= 300) throw new Error(`server-side apply failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** The log and watch streams the local cluster holds open now (its test-only endpoint). */
export async function openStreams(): Promise<{ logs: number; watches: number }> {
  const answer = await kubeRequest('GET', '/mlinfra-test/streams');
  if (answer.status !== 200) throw new Error(`the cluster did not count its streams: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { logs: number; watches: number };
}

/**
 * Moves the local cluster's simulated time `seconds` on (its test-only endpoint), running what
 * falls due on the way: the suite reaches "two minutes later" at once instead of sleeping. The
 * changes reach the views through their watches as they would in real time.
 */
export async function advanceClock(seconds: number): Promise<void> {
  const answer = await kubeRequest('POST', `/mlinfra-test/clock/advance?seconds=${seconds}`);
  if (answer.status !== 200) throw new Error(`the cluster's clock did not move: ${answer.status} ${JSON.stringify(answer.body)}`);
}
