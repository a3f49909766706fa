// Translates one Kubernetes OpenAPI schema node (from swagger.json or a CRD's openAPIV3Schema)
// into JSON Schema draft-07 as schemas/README.md describes: int-or-string, quantity, embedded
// resources, closed objects, nullable, and no x-* extension keys.

export type JsonSchema = Record<string, unknown>;

/** The Kubernetes quantity grammar (resource.ParseQuantity), for string values; numbers are fine as numbers. */
export const QUANTITY_PATTERN = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?\\d+))?$';

/** Definition names that become plain schemas instead of their swagger form. */
export const INT_OR_STRING_DEFINITION = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY_DEFINITION = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const OBJECT_META_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** The pattern CRD generators (kubebuilder) put on resource.Quantity fields. */
const CRD_QUANTITY_PATTERNS = new Set([
  QUANTITY_PATTERN,
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
]);

export function isQuantityPattern(pattern: unknown): boolean {
  return typeof pattern === 'string' && CRD_QUANTITY_PATTERNS.has(pattern);
}

/** ASCII punctuation: what RE2 lets a backslash escape to stand for itself. */
const PUNCTUATION = /[!-/:-@[-`{-~]/;
/** The escapes of punctuation a JavaScript `u` pattern accepts: its syntax characters and `/` (and `-` in a class). */
const JS_ESCAPABLE = /[$()*+./?[\\\]^{|}]/;

/**
 * A pattern written for Go's RE2 in a form JavaScript compiles, also as a `u` pattern. RE2's case-insensitive flag
 * `(?i)` at the start (after an optional `^`) has no JavaScript equivalent inside a pattern, so every letter it covers
 * is spelled in both cases instead (`[a-z]` becomes `[a-zA-Z]`, `x` becomes `[xX]`). RE2 lets a backslash escape any
 * punctuation, a `u` pattern only its syntax characters: the others lose their backslash, which means the same
 * (`xn\-\-` becomes `xn--`). Patterns with neither are returned as they are.
 */
export function jsPattern(pattern: string): string {
  const flag = /^(\^?)\(\?i\)/.exec(pattern);
  const fold = (letter: string) => (flag ? letter + otherCase(letter) : letter);
  const rest = flag ? pattern.slice(flag[0].length) : pattern;
  let out = flag ? flag[1] : '';
  let inClass = false;
  for (let at = 0; at < rest.length; at++) {
    const char = rest[at];
    if (char === '\\') {
      const escaped = rest[at + 1] ?? '';
      const plain = PUNCTUATION.test(escaped) && !JS_ESCAPABLE.test(escaped) && !(inClass && escaped === '-');
      out += plain ? escaped : char + escaped;
      at++;
    } else if (inClass && char === ']') {
      inClass = false;
      out += char;
    } else if (inClass) {
      const range = /^([a-zA-Z])-([a-zA-Z])/.exec(rest.slice(at));
      if (range && flag) {
        out += range[0] + otherCase(range[1]) + '-' + otherCase(range[2]);
        at += 2;
      } else {
        out += /[a-zA-Z]/.test(char) ? fold(char) : char;
      }
    } else if (char === '[') {
      inClass = true;
      out += char;
      if (rest[at + 1] === '^') out += rest[++at];
      if (rest[at + 1] === ']') out += rest[++at];
    } else {
      out += /[a-zA-Z]/.test(char) && flag ? `[${fold(char)}]` : char;
    }
  }
  return out;
}

function otherCase(letter: string): string {
  return letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
}

/** `{"type": ["integer", "string"]}`, never anyOf (anyOf makes noisy errors). */
export function intOrString(description?: unknown): JsonSchema {
  return withDescription({ type: ['integer', 'string'] }, description);
}

/** A resource quantity: a number, or a string in the quantity grammar. */
export function quantity(description?: unknown): JsonSchema {
  return withDescription({ type: ['string', 'number'], pattern: QUANTITY_PATTERN }, description);
}

function withDescription(schema: JsonSchema, description: unknown): JsonSchema {
  return typeof description === 'string' ? { description, ...schema } : schema;
}

/** Drops every `x-*` key; everything else is kept as it is. */
export function dropExtensions(node: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith('x-')));
}

export function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** apiVersion, kind and metadata, as every Kubernetes object has them. */
export function embeddedResource(node: JsonSchema, metadataRef: string): JsonSchema {
  const properties = isObject(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? (node.required as string[]) : [];
  return {
    ...node,
    type: 'object',
    properties: {
      ...properties,
      apiVersion: properties.apiVersion ?? { type: 'string' },
      kind: properties.kind ?? { type: 'string' },
      metadata: { $ref: metadataRef },
    },
    required: [...new Set([...required, 'apiVersion', 'kind'])],
  };
}

/**
 * The API server fills in defaults before it validates, so a required field with a default may
 * be left out: it is not required of the user.
 */
function withoutDefaultedRequired(node: JsonSchema, input: JsonSchema): JsonSchema {
  if (!Array.isArray(node.required) || !isObject(input.properties)) return node;
  const properties = input.properties;
  const required = (node.required as string[]).filter((name) => !(isObject(properties[name]) && 'default' in properties[name]));
  if (required.length === node.required.length) return node;
  const { required: _dropped, ...rest } = node;
  return required.length ? { ...rest, required } : rest;
}

/** Objects that list properties are closed unless upstream says otherwise. */
export function closeObject(node: JsonSchema, preserveUnknownFields: boolean): JsonSchema {
  if (!isObject(node.properties) || 'additionalProperties' in node || preserveUnknownFields) return node;
  return { ...node, additionalProperties: false };
}

export interface TranslateOptions {
  /** Rewrites a `$ref` (as upstream wrote it) into the output's form. */
  ref?: (ref: string) => string;
  /** Where ObjectMeta is, for embedded resources. */
  metadataRef: string;
  /** Called after a node is translated, with its path of property names ('[]' for items, '{}' for map values). */
  visit?: (node: JsonSchema, path: readonly string[]) => JsonSchema;
  /** False inside allOf/anyOf/oneOf/not: there `properties` only add checks and must not close the object. */
  closeObjects?: boolean;
}

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];

/** Translates a schema node and everything under it. Pure: returns new objects, never changes its input. */
export function translate(input: unknown, options: TranslateOptions, path: readonly string[] = []): JsonSchema {
  if (!isObject(input)) return {};
  if (typeof input.$ref === 'string') {
    const node = dropExtensions(input);
    if (options.ref) node.$ref = options.ref(input.$ref);
    return options.visit ? options.visit(node, path) : node;
  }
  const preserve = input['x-kubernetes-preserve-unknown-fields'] === true || options.closeObjects === false;
  if (input['x-kubernetes-int-or-string'] === true) {
    const node = intOrStringNode(input);
    return options.visit ? options.visit(node, path) : node;
  }
  let node = dropExtensions(input);
  if (typeof node.pattern === 'string') node.pattern = jsPattern(node.pattern);
  if (isObject(node.properties)) {
    node.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, child]) => [name, translate(child, options, [...path, name])]),
    );
  }
  node = withoutDefaultedRequired(node, input);
  if (isObject(node.items)) node.items = translate(node.items, options, [...path, '[]']);
  if (isObject(node.additionalProperties)) node.additionalProperties = translate(node.additionalProperties, options, [...path, '{}']);
  const checks = { ...options, closeObjects: false, visit: undefined };
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map((child) => translate(child, checks, path));
  }
  if (isObject(node.not)) node.not = translate(node.not, checks, path);
  if (node.nullable === true) {
    delete node.nullable;
    if (typeof node.type === 'string') node.type = [node.type, 'null'];
  } else if ('nullable' in node) {
    delete node.nullable;
  }
  if (input['x-kubernetes-embedded-resource'] === true) node = embeddedResource(node, options.metadataRef);
  node = closeObject(node, preserve);
  return options.visit ? options.visit(node, path) : node;
}

/** A CRD int-or-string field: `anyOf [{type: integer}, {type: string}]` collapsed; a quantity if its pattern says so. */
function intOrStringNode(input: JsonSchema): JsonSchema {
  if (isQuantityPattern(input.pattern)) return { ...keep(input), ...quantity(input.description) };
  const node: JsonSchema = { ...keep(input), ...intOrString(input.description) };
  if (typeof input.pattern === 'string') node.pattern = jsPattern(input.pattern);
  return node;
}

/** The annotations and checks of an int-or-string node that still apply after collapsing it. */
function keep(input: JsonSchema): JsonSchema {
  const kept: JsonSchema = {};
  for (const key of ['default', 'enum', 'format', 'maxLength', 'minLength', 'minimum', 'maximum']) {
    if (key in input) kept[key] = input[key];
  }
  if (kept.format === 'int-or-string') delete kept.format;
  return kept;
}

/** Recursively sorts object keys (arrays keep their order), for byte-identical output. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}
