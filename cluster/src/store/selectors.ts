// Label and field selectors, parsed as the API server parses them and matched against objects.
// Label selectors: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`.
// Field selectors: `path=value`, `path==value`, `path!=value`, over the fields each resource supports.
import { badRequest } from '../http/status';
import type { KubeObject } from './object';

export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: 'gt' | 'lt'; value: number };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key)) throw badRequest(`unable to parse requirement: invalid label key "${key}" in selector "${selector}"`);
  return key;
}

function checkValue(value: string, selector: string): string {
  if (!VALUE.test(value) || value.length > 63)
    throw badRequest(`unable to parse requirement: invalid label value "${value}" in selector "${selector}"`);
  return value;
}

/** Parses a label selector; throws a 400 Status error on bad syntax. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  if (selector.trim() === '') return [];
  return splitTopLevel(selector).map((part): LabelRequirement => {
    if (part === '') throw badRequest(`unable to parse requirement: found ',', expected: identifier in selector "${selector}"`);
    let m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(part);
    if (m) {
      const values = m[3].split(',').map((v) => checkValue(v.trim(), selector));
      return { key: checkKey(m[1], selector), op: m[2] as 'in' | 'notin', values };
    }
    m = /^(!?)\s*([^=!<>\s]+)$/.exec(part);
    if (m) return { key: checkKey(m[2], selector), op: m[1] ? '!' : 'exists' };
    m = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(\S*)$/.exec(part);
    if (!m)
      throw badRequest(`unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt in selector "${selector}"`);
    const key = checkKey(m[1], selector);
    if (m[2] === '<' || m[2] === '>') {
      const value = Number(m[3]);
      if (!Number.isInteger(value))
        throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer in selector "${selector}"`);
      return { key, op: m[2] === '>' ? 'gt' : 'lt', value };
    }
    return { key, op: m[2] === '!=' ? 'notin' : 'in', values: [checkValue(m[3], selector)] };
  });
}

export function matchesLabels(requirements: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
        return has && Number(l[r.key]) > r.value;
      case 'lt':
        return has && Number(l[r.key]) < r.value;
    }
  });
}

export interface FieldRequirement {
  field: string;
  equal: boolean;
  value: string;
}

/** The fields each built-in resource can be selected by, beyond metadata.name and metadata.namespace. */
const FIELDS: Record<string, string[]> = {
  '/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  '/events': [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  '/nodes': ['spec.unschedulable'],
  '/namespaces': ['status.phase'],
  'batch/jobs': ['status.successful'],
};

/** Splits on unescaped commas and unescapes `\,` `\=` `\\`, as fields.ParseSelector does. */
function splitEscaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) current += text[++i];
    else if (text[i] === separator) {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts;
}

/** Parses a field selector for a resource; unknown fields are refused as the real server refuses them. */
export function parseFieldSelector(selector: string, resourceKey: string, custom: boolean): FieldRequirement[] {
  if (selector.trim() === '') return [];
  const allowed = ['metadata.name', 'metadata.namespace', ...(FIELDS[resourceKey] ?? [])];
  return splitEscaped(selector, ',').map((part) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    const field = m[1].trim();
    if (!allowed.includes(field)) {
      if (custom) throw badRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
      throw badRequest(`field label not supported: ${field}`);
    }
    return { field, equal: m[2] !== '!=', value: m[3] };
  });
}

function fieldValue(object: KubeObject, field: string): string {
  if (field === 'source') return String(object.source?.component ?? '');
  let value: unknown = object;
  for (const part of field.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (field === 'spec.hostNetwork' || field === 'spec.unschedulable') return String(value === true);
  if (field === 'status.successful') return String(object.status?.succeeded ?? 0);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- field selectors name scalar fields
  return value === undefined || value === null ? '' : String(value);
}

export function matchesFields(requirements: FieldRequirement[], object: KubeObject): boolean {
  return requirements.every((r) => (fieldValue(object, r.field) === r.value) === r.equal);
}
