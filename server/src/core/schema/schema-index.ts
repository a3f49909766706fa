// The format of schemas/index.json, the one contract between the schema generator that writes it
// and its readers: the schema registry (which kind has which schema) and the demo cluster (which
// resources it serves, with the CRDs' names, subresources and printer columns for discovery).

/** A CRD's printer column, as `additionalPrinterColumns` states it. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/** What a CRD tells an API server beyond its schema, for one served version. */
export interface CrdResourceInfo {
  singular: string;
  listKind: string;
  shortNames?: string[];
  categories?: string[];
  /** The version the CRD stores objects in. */
  storage: boolean;
  subresources?: string[];
  printerColumns?: PrinterColumn[];
}

/** One kind of index.json. */
export interface SchemaIndexEntry {
  apiVersion: string;
  kind: string;
  /** The schema's file under schemas/. */
  schema: string;
  group: string;
  version: string;
  plural?: string;
  namespaced?: boolean;
  /** Where the upstream specification of the kind comes from. */
  source: string;
  /** CRD kinds only: names, subresources and printer columns, for the local cluster's discovery. */
  resource?: CrdResourceInfo;
}

export interface SchemaIndex {
  kinds: SchemaIndexEntry[];
}
