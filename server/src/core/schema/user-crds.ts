// Builds schemas from the user's own CustomResourceDefinitions, straight from their
// openAPIV3Schema, with the same conversion the generator applies to upstream CRDs.
import { parseAllDocuments } from 'yaml';
import { crdToSchemas } from './crd-to-schema';
import { BUILTIN_BASE, type JsonSchema, type KindEntry } from './schema-registry';

export interface UserCrdResult {
  kinds: { entry: KindEntry; schema: JsonSchema }[];
  /** One sentence per file that could not be used, naming the file. */
  problems: string[];
}

/** Ids in a sibling folder of the generated kinds, so their `../kubernetes/...` refs resolve. */
function userId(group: string, version: string, kind: string): string {
  return `${BUILTIN_BASE}user/${group}_${version}_${kind.toLowerCase()}.json`;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function schemasFromCrds(files: { uri: string; text: string }[], definitions: Record<string, JsonSchema>): UserCrdResult {
  const kinds: UserCrdResult['kinds'] = [];
  const problems: string[] = [];
  for (const file of files) {
    let found = 0;
    const documents = parseAllDocuments(file.text, { schema: 'yaml-1.1' });
    for (const document of Array.isArray(documents) ? documents : [documents]) {
      if (document.errors.length) {
        problems.push(`${fileName(file.uri)}: not valid YAML (${document.errors[0].message.split('\n')[0]}).`);
        continue;
      }
      const value = document.toJS({ maxAliasCount: 100 }) as { kind?: unknown } | null;
      if (!value || value.kind !== 'CustomResourceDefinition') continue;
      try {
        for (const converted of crdToSchemas(value, definitions)) {
          found++;
          const id = userId(converted.group, converted.version, converted.kind);
          const entry: KindEntry = {
            apiVersion: converted.apiVersion,
            kind: converted.kind,
            id,
            group: converted.group,
            version: converted.version,
            plural: converted.plural,
            namespaced: converted.namespaced,
            source: file.uri,
          };
          kinds.push({ entry, schema: { ...converted.schema, $id: id } });
        }
      } catch (error) {
        problems.push(`${fileName(file.uri)}: ${(error as Error).message}.`);
      }
    }
    if (found === 0 && !problems.some((p) => p.startsWith(`${fileName(file.uri)}:`)))
      problems.push(`${fileName(file.uri)}: holds no CustomResourceDefinition.`);
  }
  return { kinds, problems };
}
