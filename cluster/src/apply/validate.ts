// Checks an object against the schema of its kind, the same generated schemas the language server
// uses (through the analysis core's registry and compiled validators), and words each problem as
// kube-apiserver does: `spec.x: Invalid value: "string": spec.x in body must be of type integer: "string"`.
import type { ErrorObject } from 'ajv';
import { SchemaRegistry, selectErrors, Validators } from '../../../server/src/core/schema/index';
import type { StatusCause } from '../http/status';
import { isPlainObject, type KubeObject } from '../store/object';
import { schemaFiles } from './schema-files';

export interface ValidationResult {
  /** Paths of fields the schema does not declare (`spec.foo`), for strict field validation. */
  unknown: string[];
  /** Everything else wrong, as Status causes. */
  causes: StatusCause[];
}

/** JSON pointer segments to a Kubernetes field path: `spec.containers[0].image`. */
export function fieldPath(segments: string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function segmentsOf(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value as Go's field errors print it: strings quoted, numbers and booleans bare, the rest as JSON. */
export function goValue(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function cause(error: ErrorObject): StatusCause {
  const segments = segmentsOf(error.instancePath);
  const field = fieldPath(segments);
  const value = error.data;
  const p = error.params as Record<string, unknown>;
  const invalid = (why: string): StatusCause => ({
    reason: 'FieldValueInvalid',
    message: `Invalid value: ${goValue(value)}: ${field} in body ${why}`,
    field,
  });
  switch (error.keyword) {
    case 'required':
      return { reason: 'FieldValueRequired', message: 'Required value', field: fieldPath([...segments, String(p.missingProperty)]) };
    case 'type': {
      const expected = Array.isArray(p.type) ? p.type.join(',') : String(p.type);
      const actual = typeName(value);
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${actual}": ${field} in body must be of type ${expected}: "${actual}"`,
        field,
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(goValue).join(', ');
      return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${goValue(value)}: supported values: ${allowed}`, field };
    }
    case 'pattern':
      return invalid(`should match '${String(p.pattern)}'`);
    case 'minimum':
    case 'exclusiveMinimum':
      return invalid(`should be greater than ${error.keyword === 'minimum' ? 'or equal to ' : ''}${String(p.limit)}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return invalid(`should be less than ${error.keyword === 'maximum' ? 'or equal to ' : ''}${String(p.limit)}`);
    case 'minLength':
      return invalid(`should be at least ${String(p.limit)} chars long`);
    case 'maxLength':
      return { reason: 'FieldValueTooLong', message: `Too long: may not be more than ${String(p.limit)} bytes`, field };
    case 'minItems':
      return invalid(`should have at least ${String(p.limit)} items`);
    case 'maxItems':
      return {
        reason: 'FieldValueTooMany',
        message: `Too many: ${Array.isArray(value) ? value.length : 0}: must have at most ${String(p.limit)} items`,
        field,
      };
    case 'uniqueItems':
      return {
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: ${goValue(Array.isArray(value) ? value[Number(p.j)] : value)}`,
        field: `${field}[${String(p.j)}]`,
      };
    default:
      return invalid(String(error.message ?? 'is invalid'));
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The name rule ObjectMeta validation applies to nearly every kind. */
function nameCauses(object: KubeObject): StatusCause[] {
  const name = object.metadata?.name;
  if (typeof name !== 'string' || name === '')
    return [{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }];
  if (name.length <= 253 && DNS_SUBDOMAIN.test(name)) return [];
  return [
    {
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message:
        `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric ` +
        `characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', ` +
        `regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    },
  ];
}

/** Built-in kinds refuse two containers (or volumes) of one name, as core validation does. */
function duplicateCauses(value: unknown, path: string[], causes: StatusCause[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => duplicateCauses(item, [...path, String(i)], causes));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (['containers', 'initContainers', 'volumes'].includes(key) && Array.isArray(child)) {
      const seen = new Set<string>();
      child.forEach((item, i) => {
        const name = isPlainObject(item) ? item.name : undefined;
        if (typeof name !== 'string') return;
        if (seen.has(name))
          causes.push({
            reason: 'FieldValueDuplicate',
            message: `Duplicate value: "${name}"`,
            field: `${fieldPath([...path, key, String(i)])}.name`,
          });
        seen.add(name);
      });
    }
    duplicateCauses(child, [...path, key], causes);
  }
}

export class ObjectValidator {
  private readonly validators: Validators;

  constructor(schemasDir: string) {
    this.validators = new Validators(new SchemaRegistry(schemaFiles(schemasDir)));
  }

  /** Validates an object (without its status, which controllers write) against the schema `schemaId`. */
  validate(schemaId: string | undefined, object: KubeObject, builtin: boolean): ValidationResult {
    const result: ValidationResult = { unknown: [], causes: nameCauses(object) };
    if (!schemaId) return result;
    const { status: _status, ...checked } = object;
    for (const error of selectErrors(this.validators.validate(schemaId, checked))) {
      if (error.keyword === 'additionalProperties') {
        result.unknown.push(fieldPath([...segmentsOf(error.instancePath), String(error.params.additionalProperty)]));
      } else {
        result.causes.push(cause(error));
      }
    }
    if (builtin) duplicateCauses(checked.spec, ['spec'], result.causes);
    return result;
  }
}

/** Removes the fields at `paths` (as `validate` reports them) from an object: pruning, as for CRDs. */
export function prune(object: KubeObject, paths: string[]): void {
  for (const path of paths) {
    const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
    const last = segments.pop() as string;
    let parent: unknown = object;
    for (const s of segments) parent = (parent as Record<string, unknown> | undefined)?.[s];
    if (isPlainObject(parent)) delete parent[last];
  }
}
