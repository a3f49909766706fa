// The schema layer's public entry: what code outside the language server (the demo cluster in
// cluster/) may use to validate objects the way the editor does. cluster/ imports the core only
// through here, so the rest of core/schema stays free to change.
export type { CrdResourceInfo, PrinterColumn, SchemaIndex, SchemaIndexEntry } from './schema-index';
export { BUILTIN_BASE, SchemaRegistry, type BuiltinSchemas, type JsonSchema } from './schema-registry';
export { selectErrors } from './select-errors';
export { Validators } from './validators';
