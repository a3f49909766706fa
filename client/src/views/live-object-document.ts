// Live objects as read-only YAML documents, fetched from the cluster when opened (and when
// reopened): the `mlinfra-k8s:` scheme's content provider.
import * as vscode from 'vscode';
import type { Clusters } from '../clusters';
import type { ObjectRef } from './node';
import { OBJECT_SCHEME, objectPath, parseObjectPath } from './object-uri';

export function objectUri(ref: ObjectRef): vscode.Uri {
  return vscode.Uri.from({ scheme: OBJECT_SCHEME, path: objectPath(ref) });
}

export class LiveObjectDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly clusters: Clusters) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!this.clusters.trusted) return '# Cluster access needs a trusted workspace.\n';
    const ref = parseObjectPath(uri.path);
    if (!ref) return `# ${uri.toString()} names no Kubernetes object mlinfra can read.\n`;
    const where = `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} (context ${ref.context})`;
    try {
      const service = await this.clusters.load();
      const session = service.session(ref.context);
      if (!session) return `# The context ${ref.context} is not in the kubeconfig.\n`;
      const object = await session.getObject(ref.typeKey, ref.namespace, ref.name);
      return `# ${where}, read-only, as the cluster returned it at ${new Date().toISOString()}\n${this.clusters.module!.toYaml(object)}`;
    } catch (error) {
      return `# Could not read ${where}:\n# ${(error as Error).message}\n`;
    }
  }
}
