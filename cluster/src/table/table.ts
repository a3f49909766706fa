// meta.k8s.io/v1 Table: what `kubectl get` asks for (Accept: ...;as=Table;g=meta.k8s.io;v=v1)
// and prints as columns. Built-in resources use the real printers' columns; custom resources
// their CRD's additionalPrinterColumns after Name (Age alone when the CRD declares none).
import type { PrinterColumn, ResourceType } from '../api/resource-types';
import type { KubeObject } from '../store/object';
import { AGE_COLUMN, BUILTIN_PRINTERS, NAME_COLUMN, type Cell, type ColumnDefinition, type Printer } from './builtin-columns';
import { age } from './human-duration';
import { findAll } from './jsonpath';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableRow {
  cells: Cell[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: ColumnDefinition[];
  rows: TableRow[];
}

function jsonCell(type: string, value: unknown, now: number): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? (Number.isNaN(Date.parse(value)) ? '<invalid>' : age(value, now)) : null;
    default:
      // kubectl's JSONPath printer: strings as they are, anything else as JSON.
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The printer of a custom resource version, from its CRD's printer columns. */
export function customPrinter(columns: PrinterColumn[]): Printer {
  const used = columns.length ? columns : [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }];
  return {
    columns: [
      NAME_COLUMN,
      ...used.map((c): ColumnDefinition => ({
        name: c.name,
        type: c.type,
        format: c.format ?? '',
        description:
          c.description ??
          (c.jsonPath === '.metadata.creationTimestamp'
            ? AGE_COLUMN.description
            : 'Custom resource definition column (in JSONPath format): ' + c.jsonPath),
        priority: c.priority ?? 0,
      })),
    ],
    cells(object, now) {
      return [
        object.metadata.name,
        ...used.map((c) => {
          let values: unknown[];
          try {
            values = findAll(object, c.jsonPath);
          } catch {
            return null;
          }
          return jsonCell(c.type, values[0], now);
        }),
      ];
    },
  };
}

/** The printer of a resource type at a version. */
export function printerFor(type: ResourceType, version: string): Printer {
  if (!type.custom) return BUILTIN_PRINTERS[type.key] ?? customPrinter([]);
  return customPrinter(type.printerColumns[version] ?? []);
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

/** A Table of objects. */
export function toTable(printer: Printer, objects: KubeObject[], now: number, include: IncludeObject, metadata: Table['metadata']): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: printer.columns,
    rows: objects.map((object) => {
      const row: TableRow = { cells: printer.cells(object, now) };
      const included = rowObject(object, include);
      if (included !== undefined) row.object = included;
      return row;
    }),
  };
}
