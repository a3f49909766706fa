// The kubeconfig that points kubectl (and the extension) at the local cluster: the CA to trust,
// two users with their tokens, and a context for each, both in the namespace `ml-training`.
// Written with mode 0600, since it holds the tokens.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import type { Tokens } from './http/auth';
import { ADMIN_USER, RESTRICTED_USER } from './http/auth';

export const CLUSTER_NAME = 'mlinfra-demo';
export const ADMIN_CONTEXT = 'mlinfra-demo';
export const RESTRICTED_CONTEXT = 'mlinfra-demo-restricted';
export const DEFAULT_NAMESPACE = 'ml-training';

export function kubeconfigText(url: string, caCert: string, tokens: Tokens): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': ADMIN_CONTEXT,
    clusters: [{ name: CLUSTER_NAME, cluster: { server: url, 'certificate-authority-data': Buffer.from(caCert).toString('base64') } }],
    users: [
      { name: ADMIN_USER, user: { token: tokens.admin } },
      { name: RESTRICTED_USER, user: { token: tokens.restricted } },
    ],
    contexts: [
      { name: ADMIN_CONTEXT, context: { cluster: CLUSTER_NAME, user: ADMIN_USER, namespace: DEFAULT_NAMESPACE } },
      { name: RESTRICTED_CONTEXT, context: { cluster: CLUSTER_NAME, user: RESTRICTED_USER, namespace: DEFAULT_NAMESPACE } },
    ],
  });
}

export function writeKubeconfig(path: string, url: string, caCert: string, tokens: Tokens): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigText(url, caCert, tokens), { mode: 0o600 });
  chmodSync(path, 0o600);
}
