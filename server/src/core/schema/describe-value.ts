// Words for values and types in schema messages: what the user wrote, and what was expected,
// with the hint that fixes the usual YAML surprises (quoted numbers, `yes` read as a boolean).
import type { YamlNode } from '../document';

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

export function describeExpectedType(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map(String);
  if (types.includes('string') && (types.includes('number') || types.includes('integer'))) {
    return types.includes('integer') && !types.includes('number') ? 'an integer or a string' : 'a number or a string';
  }
  const words = types.map((t) => TYPE_WORDS[t] ?? t);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/**
 * A sentence that tells how to write the value so that YAML reads it as the expected type; none when the
 * schema (`pattern`, `enum`) would refuse the value quoted too (`for: 5` where a duration such as 5m is due).
 */
export function typeHint(node: YamlNode | null, source: string, expected: unknown, schema?: unknown): string {
  if (node?.kind !== 'scalar') return '';
  const types = (Array.isArray(expected) ? expected : String(expected).split(',')).map(String);
  const written = source.slice(node.start, node.end);
  if (wantsString(types) && !node.quoted && node.value !== null && typeof node.value !== 'string' && stringFits(written, schema)) {
    const reading = typeof node.value === 'boolean' && !/^(true|false)$/i.test(written) ? ` (YAML reads ${written} as ${node.value})` : '';
    return ` Quote it${reading}: "${written}".`;
  }
  if (node.quoted && typeof node.value === 'string' && unquotedWouldFit(node.value, types)) return ' Remove the quotes.';
  return '';
}

function stringFits(text: string, schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return true;
  const { pattern, enum: values } = schema as { pattern?: unknown; enum?: unknown };
  if (Array.isArray(values) && !values.includes(text)) return false;
  if (typeof pattern !== 'string') return true;
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return true;
  }
}

function wantsString(types: string[]): boolean {
  return types.includes('string') && !types.includes('number') && !types.includes('integer') && !types.includes('boolean');
}

function unquotedWouldFit(value: string, types: string[]): boolean {
  if (types.includes('integer') && /^[-+]?\d+$/.test(value)) return true;
  if (types.includes('number') && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return true;
  return types.includes('boolean') && /^(true|false)$/.test(value);
}
