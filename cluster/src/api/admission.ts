// What every write goes through before it is stored: the body read as an object of the right
// kind, name and namespace, then validated against its schema with the request's
// fieldValidation (Strict rejects unknown fields, Warn answers them as warnings, Ignore prunes).
import { parse } from 'yaml';
import { prune } from '../apply/validate';
import { badRequest, invalid, unsupportedMediaType } from '../http/status';
import { isPlainObject, type KubeObject } from '../store/object';
import type { ApiContext, ResourceRequest } from './context';
import { apiVersionOf } from './resource-types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function fieldValidation(request: ResourceRequest): FieldValidation {
  const value = request.query.fieldValidation ?? 'Warn';
  if (value !== 'Strict' && value !== 'Warn' && value !== 'Ignore') {
    throw invalid(
      'meta.k8s.io',
      `${request.req.method === 'PATCH' ? 'Patch' : request.req.method === 'POST' ? 'Create' : 'Update'}Options`,
      '',
      [
        {
          reason: 'FieldValueNotSupported',
          field: 'fieldValidation',
          message: `Unsupported value: "${value}": supported values: "Ignore", "Warn", "Strict"`,
        },
      ],
    );
  }
  return value;
}

/** Reads a request body as an object: JSON, or YAML where the content type allows it. */
export function parseObject(text: string, yaml: boolean, contentType = ''): Record<string, unknown> {
  // Protobuf is not spoken here; a 415 makes client-go send JSON instead.
  if (/protobuf|cbor/.test(contentType)) throw unsupportedMediaType(contentType);
  let value: unknown;
  try {
    value = yaml ? parse(text) : JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `${yaml ? 'error decoding YAML' : "couldn't get version/kind; json parse error"}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (!isPlainObject(value))
    throw badRequest(
      `the request body must be an object, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  return value;
}

/** Checks that a body is an object of the endpoint's kind, named as the URL names it, in its namespace. */
export function checkIdentity(request: ResourceRequest, body: Record<string, unknown>): KubeObject {
  const { type, version } = request;
  const expected = apiVersionOf(type.group, version);
  if (typeof body.kind !== 'string' || body.kind === '')
    throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body).slice(0, 200)}'`);
  if (typeof body.apiVersion !== 'string' || body.apiVersion === '')
    throw badRequest(`Object 'apiVersion' is missing in '${JSON.stringify(body).slice(0, 200)}'`);
  if (body.kind !== type.kind || body.apiVersion !== expected)
    throw badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${expected})`);
  const metadata = isPlainObject(body.metadata) ? body.metadata : {};
  body.metadata = metadata;
  if (request.name && metadata.name !== undefined && metadata.name !== request.name)
    throw badRequest(`the name of the object (${String(metadata.name)}) does not match the name on the URL (${request.name})`);
  if (request.name) metadata.name = request.name;
  if (type.namespaced) {
    if (metadata.namespace !== undefined && metadata.namespace !== request.namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    metadata.namespace = request.namespace;
  } else delete metadata.namespace;
  return body as unknown as KubeObject;
}

/** Validates an object for a write; returns the warnings to answer with. Throws 400 or 422 Status errors. */
export function admit(
  ctx: ApiContext,
  request: ResourceRequest,
  object: KubeObject,
  unknownIn: KubeObject,
  mode: FieldValidation,
  apply: boolean,
): string[] {
  const { type, version } = request;
  const schemaId = type.schemaIds[version];
  const unknown = ctx.validator.validate(schemaId, unknownIn, !type.custom).unknown;
  const warnings: string[] = [];
  if (unknown.length && mode === 'Strict') {
    if (apply) {
      const gvk = `${apiVersionOf(type.group, version).replace(/^v1$/, '/v1')}, Kind=${type.kind}`;
      const list = unknown.map((p) => `.${p}: field not declared in schema`);
      throw badRequest(`failed to create typed patch object (${gvk}): ${list.length === 1 ? list[0] : `errors:\n  ${list.join('\n  ')}`}`);
    }
    throw badRequest(`strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`);
  }
  if (unknown.length && mode === 'Warn') warnings.push(...unknown.map((p) => `unknown field "${p}"`));
  if (unknown.length) {
    prune(object, unknown);
    if (unknownIn !== object) prune(unknownIn, unknown);
  }
  const { causes } = ctx.validator.validate(schemaId, object, !type.custom);
  if (causes.length) throw invalid(type.group, type.kind, object.metadata.name ?? '', causes);
  return warnings;
}

/** The Warning headers of a response (RFC 7234 code 299, as the API server sends them). */
export function warningHeaders(warnings: string[]): Record<string, string[]> {
  return warnings.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) } : {};
}
