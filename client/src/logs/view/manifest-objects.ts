// The objects a YAML manifest declares, read quickly for the logs CodeLens: each document's
// apiVersion, kind, metadata.name and metadata.namespace, and the line of its `kind`. Only plain
// block or flow mappings at the top and under metadata are read; a name that is not a Kubernetes
// name (a Helm template `{{ … }}`, generateName) gives no object. The client cannot import the
// server's parser, and the lens needs only these four values. Pure.

export interface ManifestObject {
  /** 0-based line of the document's `kind:`. */
  line: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** A plain scalar's value without quotes and a trailing comment. */
function scalar(raw: string): string {
  const value = raw.trim();
  const quoted = /^(["'])(.*)\1\s*(#.*)?$/.exec(value);
  if (quoted) return quoted[2];
  return value.replace(/\s+#.*$/, '').trim();
}

/** `{ name: a, namespace: b }` → its name and namespace. */
function flowMetadata(raw: string): { name?: string; namespace?: string } {
  const body = /^\{(.*)\}\s*(#.*)?$/.exec(raw.trim())?.[1];
  if (!body) return {};
  const result: { name?: string; namespace?: string } = {};
  for (const pair of body.split(',')) {
    const match = /^\s*(name|namespace)\s*:\s*(.+?)\s*$/.exec(pair);
    if (match) result[match[1] as 'name' | 'namespace'] = scalar(match[2]);
  }
  return result;
}

interface Draft {
  line?: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

function finish(draft: Draft, out: ManifestObject[]): void {
  const { line, apiVersion, kind, name, namespace } = draft;
  if (line === undefined || !apiVersion || !kind || !name || !NAME.test(name)) return;
  if (namespace !== undefined && !NAME.test(namespace)) return;
  out.push({ line, apiVersion, kind, name, ...(namespace ? { namespace } : {}) });
}

export function manifestObjects(text: string): ManifestObject[] {
  const out: ManifestObject[] = [];
  let draft: Draft = {};
  let inMetadata = false;
  let childIndent: number | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      finish(draft, out);
      draft = {};
      inMetadata = false;
      return;
    }
    if (/^\s*(#.*)?$/.test(line)) return;
    const top = /^([A-Za-z][\w.-]*)\s*:(.*)$/.exec(line);
    if (top) {
      const [, key, rest] = top;
      inMetadata = key === 'metadata';
      childIndent = undefined;
      if (key === 'apiVersion') draft.apiVersion = scalar(rest);
      if (key === 'kind') {
        draft.kind = scalar(rest);
        draft.line = index;
      }
      if (inMetadata && rest.trim()) Object.assign(draft, flowMetadata(rest));
      return;
    }
    if (!inMetadata) return;
    const child = /^(\s+)([\w.-]+)\s*:(.*)$/.exec(line);
    if (!child) return;
    childIndent ??= child[1].length;
    if (child[1].length !== childIndent) return;
    if (child[2] === 'name') draft.name = scalar(child[3]);
    if (child[2] === 'namespace') draft.namespace = scalar(child[3]);
  });
  finish(draft, out);
  return out;
}
