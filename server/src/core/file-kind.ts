// Decides what a file is (Triton config, Helm chart part, plain YAML) from its URI, its text
// and its neighbours, whatever language id an editor sent, so every client gets the same answers.
import type { CoreHost } from './host';

export type FileKind =
  | 'triton-config' // a Triton model configuration in protobuf text format
  | 'helm-chart' // a chart's Chart.yaml
  | 'helm-values' // values*.yaml beside a Chart.yaml
  | 'helm-template' // anything under a chart's templates/: Go templates, never plain YAML
  | 'yaml' // any other YAML file: Kubernetes manifests and the rest
  | 'other';

/** Splits a URI into the URI of its folder and its base name. */
export function splitUri(uri: string): { folder: string; name: string } {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  const slash = withoutQuery.lastIndexOf('/');
  return { folder: withoutQuery.slice(0, slash), name: decodeURIComponent(withoutQuery.slice(slash + 1)) };
}

/** The URI of the chart root whose templates/ folder holds the file, if any. */
function chartRootOfTemplate(uri: string, host: CoreHost): string | undefined {
  let { folder } = splitUri(uri);
  while (folder.includes('/templates')) {
    const parent = splitUri(folder);
    if (parent.name === 'templates' && host.fileExists(`${parent.folder}/Chart.yaml`)) return parent.folder;
    folder = parent.folder;
  }
  return undefined;
}

function hasTemplatesSegment(uri: string): boolean {
  return /\/templates\//.test(uri);
}

export function classifyFile(uri: string, text: string, host: CoreHost, languageId?: string): FileKind {
  const { folder, name } = splitUri(uri);
  const lower = name.toLowerCase();
  if (lower.endsWith('.pbtxt') || languageId === 'pbtxt') return 'triton-config';
  if (lower.endsWith('.tpl')) return 'helm-template';
  if (hasTemplatesSegment(uri)) {
    // Inside a chart for sure, or a templates/ folder whose text uses template actions
    // (an unsaved chart, or a client that cannot see the file system).
    if (chartRootOfTemplate(uri, host) !== undefined || text.includes('{{') || languageId === 'helm') {
      return 'helm-template';
    }
  }
  if (languageId === 'helm') return 'helm-template';
  const isYaml = /\.ya?ml$/.test(lower) || languageId === 'yaml';
  if (!isYaml) return 'other';
  if (name === 'Chart.yaml') return 'helm-chart';
  if (/^values.*\.ya?ml$/.test(lower) && host.fileExists(`${folder}/Chart.yaml`)) return 'helm-values';
  return 'yaml';
}
