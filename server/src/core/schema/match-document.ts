// Decides which schema a document is checked against: a `$schema` modeline first (files
// written for the Red Hat YAML extension keep working), then the user's glob settings, then
// the document's own apiVersion and kind. A manifest of an unknown kind gets one note saying
// how to teach us its schema, never schema errors.
import type { YamlDocument } from '../document';
import { didYouMean } from '../did-you-mean';
import type { Finding } from '../types';
import { entryOf } from './locate';
import { removedApiVersion, type RemovedApiVersion } from './removed-api-versions';
import type { KindEntry, SchemaRegistry } from './schema-registry';

/** Where the generated Kubernetes kinds come from (schemas/index.json `source`). */
const KUBERNETES_SOURCE = 'kubernetes/swagger.json';

export type Match = { schema: string; label: string } | { finding: Finding } | undefined;

/** A `$schema` comment, as the Red Hat YAML extension reads it. */
const MODELINE = /^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)/m;

export interface Modeline {
  target: string;
  start: number;
  end: number;
}

export function findModeline(text: string): Modeline | undefined {
  // A plain search first: the multiline pattern tries every line start of every document.
  if (!text.includes('yaml-language-server')) return undefined;
  const match = MODELINE.exec(text);
  if (!match) return undefined;
  const start = match.index + match[0].length - match[1].length;
  return { target: match[1], start, end: start + match[1].length };
}

function stringAt(document: YamlDocument, key: string): { value: string; start: number; end: number } | undefined {
  const root = document.root;
  const entry = root?.kind === 'map' ? entryOf(root, key) : undefined;
  const value = entry?.value;
  if (value?.kind !== 'scalar' || typeof value.value !== 'string') return undefined;
  return { value: value.value, start: value.start, end: value.end };
}

const HOW_TO_ADD =
  'To check it, add its CRD to the "mlinfra.schemas.crds" setting, map the file to a JSON schema with ' +
  '"mlinfra.schemas.files", or add a "# yaml-language-server: $schema=<path>" comment.';

function unknownKind(
  document: YamlDocument,
  registry: SchemaRegistry,
  apiVersion: string,
  kind: { value: string; start: number; end: number },
): Finding {
  const sameKind = registry.kinds().filter((entry) => entry.kind === kind.value);
  let message: string;
  if (sameKind.length) {
    const known = [...new Set(sameKind.map((entry) => entry.apiVersion))].join(', ');
    message = `No schema is known for ${kind.value} in ${apiVersion}; it is known in ${known}. ${HOW_TO_ADD}`;
  } else {
    const suggestion = didYouMean(kind.value, new Set(registry.kinds().map((entry) => entry.kind)));
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    message = `No schema is known for kind "${kind.value}" (${apiVersion}).${hint} ${HOW_TO_ADD}`;
  }
  return { range: document.lines.range(kind.start, kind.end), severity: 'info', code: 'schema/unknown-kind', message };
}

/** A kind in an apiVersion Kubernetes removed: an error on apiVersion, with the version to use as the fix. */
function removedVersion(
  document: YamlDocument,
  apiVersion: { value: string; start: number; end: number },
  kind: string,
  removed: RemovedApiVersion,
): Finding {
  const range = document.lines.range(apiVersion.start, apiVersion.end);
  const gone = `${kind} in ${apiVersion.value} is no longer served: Kubernetes removed it in ${removed.removedIn}, and the API server refuses it.`;
  if (!removed.use) {
    return { range, severity: 'error', code: 'schema/removed-api-version', message: `${gone} ${removed.instead ?? ''}`.trim() };
  }
  return {
    range,
    severity: 'error',
    code: 'schema/removed-api-version',
    message: `${gone} Use apiVersion: ${removed.use} (check the fields that changed between the versions).`,
    fixes: [{ title: `Change to ${removed.use}`, edits: [{ range, newText: removed.use }], preferred: true }],
  };
}

/**
 * The kind's name in messages. A custom resource whose kind a Kubernetes kind already has
 * (Volcano's Job) is named with its apiVersion; the Kubernetes kind keeps the short name.
 */
function labelOf(entry: KindEntry, registry: SchemaRegistry): string {
  if (entry.source === KUBERNETES_SOURCE) return entry.kind;
  return registry.nameShared(entry.kind) ? `${entry.kind} (${entry.apiVersion})` : entry.kind;
}

/** The schema for a manifest, by its apiVersion and kind. */
export function matchManifest(document: YamlDocument, registry: SchemaRegistry): Match {
  const kind = stringAt(document, 'kind');
  const apiVersion = stringAt(document, 'apiVersion');
  // `kind: List` (what kubectl get -o yaml prints) wraps other objects; it has no schema of its own.
  if (!kind || kind.value === 'List') return undefined;
  if (!apiVersion) {
    // Validating against the kind's schema reports the missing apiVersion, on the right key.
    const entry = registry.kinds().find((candidate) => candidate.kind === kind.value);
    return entry ? { schema: entry.id, label: labelOf(entry, registry) } : undefined;
  }
  const entry = registry.find(apiVersion.value, kind.value);
  if (entry) return { schema: entry.id, label: labelOf(entry, registry) };
  const removed = removedApiVersion(apiVersion.value, kind.value);
  if (removed) return { finding: removedVersion(document, apiVersion, kind.value, removed) };
  return { finding: unknownKind(document, registry, apiVersion.value, kind) };
}
