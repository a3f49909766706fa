// What a CRD tells an API server beyond its schema, per served version: the names kubectl
// finds it by (singular, short names, categories), its subresources and printer columns.
// Kept in index.json so the local cluster (cluster/) serves discovery and tables like a real one.
import type { CrdResourceInfo, PrinterColumn } from '../../server/src/core/schema/schema-index';
import { isObject } from '../../server/src/core/schema/translate';

export type { CrdResourceInfo, PrinterColumn };

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function column(value: Record<string, unknown>): PrinterColumn {
  const { name, type, jsonPath, description, format, priority } = value;
  const result: PrinterColumn = { name: String(name), type: String(type), jsonPath: String(jsonPath) };
  if (typeof description === 'string') result.description = description;
  if (typeof format === 'string') result.format = format;
  if (typeof priority === 'number' && priority !== 0) result.priority = priority;
  return result;
}

/** The discovery facts of one version of a CRD. */
export function crdResourceInfo(crd: unknown, versionName: string): CrdResourceInfo {
  const spec = isObject(crd) && isObject(crd.spec) ? crd.spec : {};
  const names = isObject(spec.names) ? spec.names : {};
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const version = versions.find((v) => v.name === versionName) ?? {};
  const info: CrdResourceInfo = {
    singular: typeof names.singular === 'string' ? names.singular : (typeof names.kind === 'string' ? names.kind : '').toLowerCase(),
    listKind: typeof names.listKind === 'string' ? names.listKind : `${String(names.kind)}List`,
    storage: version.storage === true,
  };
  const shortNames = strings(names.shortNames);
  if (shortNames) info.shortNames = shortNames;
  const categories = strings(names.categories);
  if (categories) info.categories = categories;
  const subresources = isObject(version.subresources) ? Object.keys(version.subresources).sort() : [];
  if (subresources.length) info.subresources = subresources;
  const columns = Array.isArray(version.additionalPrinterColumns) ? version.additionalPrinterColumns.filter(isObject) : [];
  if (columns.length) info.printerColumns = columns.map(column);
  return info;
}
