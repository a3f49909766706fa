// Turns validation errors into findings a user can act on: each on the smallest right range
// (an unknown key on the key, a wrong value on the value, a missing field on its parent's key),
// each message naming the kind and the path, with the likely intent when there is one.
import type { ErrorObject } from 'ajv';
import type { ScalarNode, YamlDocument } from '../document';
import { didYouMean } from '../did-you-mean';
import type { Finding, Fix } from '../types';
import { describeExpectedType, describeValue, typeHint } from './describe-value';
import { entryOf, formatPath, keySpanOf, locate, parsePointer, spanOf, type Located } from './locate';
import { selectErrors } from './select-errors';
import { QUANTITY_PATTERN } from './translate';

interface Context {
  document: YamlDocument;
  /** What the document is, for messages: `PyTorchJob`, or the title of a user's schema. */
  label: string;
}

function where(context: Context, segments: string[]): string {
  const path = formatPath(segments);
  return path ? `${context.label} ${path}` : context.label;
}

function finding(context: Context, span: [number, number], code: string, message: string, fixes?: Fix[]): Finding {
  const result: Finding = { range: context.document.lines.range(span[0], span[1]), severity: 'error', code, message };
  if (fixes?.length) result.fixes = fixes;
  return result;
}

/** Plain scalars YAML 1.1 would read as something other than a string. */
const NOT_A_STRING = /^(y|yes|n|no|true|false|on|off|null|~)$/i;

/**
 * The fix that writes `suggestion` in place of a scalar (a key or a value), in the scalar's
 * quotes; none for block scalars and values over several lines, where the intent is less plain.
 */
function replaceFix(context: Context, node: ScalarNode, suggestion: string): Fix[] {
  const written = context.document.text.slice(node.start, node.end);
  if (/[\r\n]/.test(written) || /^[|>]/.test(written)) return [];
  let newText: string;
  if (written.startsWith("'")) newText = `'${suggestion.replace(/'/g, "''")}'`;
  else if (written.startsWith('"') || !/^[A-Za-z_][\w./-]*$/.test(suggestion) || NOT_A_STRING.test(suggestion))
    newText = JSON.stringify(suggestion);
  else newText = suggestion;
  const range = context.document.lines.range(node.start, node.end);
  return [{ title: `Change to "${suggestion}"`, edits: [{ range, newText }], preferred: true }];
}

function propertyNames(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/** Where a document says what it is: the span of `kind`, else of its first key. */
function rootSpan(context: Context): [number, number] {
  const root = context.document.root;
  if (root?.kind !== 'map' || root.entries.length === 0) return [0, 0];
  const entry = entryOf(root, 'kind') ?? root.entries[0];
  return [entry.key.start, entry.key.end];
}

function unknownField(context: Context, error: ErrorObject, segments: string[], suggestions: Set<string>): Finding | undefined {
  const name = String(error.params.additionalProperty);
  const parent = locate(context.document.root, segments);
  const entry = parent.node?.kind === 'map' ? entryOf(parent.node, name) : undefined;
  if (!entry) return undefined;
  const suggestion = didYouMean(name, propertyNames(error.parentSchema));
  if (suggestion) suggestions.add(`${error.instancePath}/${suggestion}`);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : '.';
  // Renaming onto a key the mapping has already would only make a duplicate key.
  const taken = parent.node?.kind === 'map' && entryOf(parent.node, suggestion ?? '') !== undefined;
  const fixes = suggestion && !taken ? replaceFix(context, entry.key, suggestion) : undefined;
  return finding(
    context,
    [entry.key.start, entry.key.end],
    'schema/unknown-field',
    `Unknown field "${name}" in ${where(context, segments)}${hint}`,
    fixes,
  );
}

function missingField(context: Context, error: ErrorObject, segments: string[]): Finding {
  const name = String(error.params.missingProperty);
  const parent = locate(context.document.root, segments);
  const span = segments.length ? keySpanOf(parent, context.document.text) : rootSpan(context);
  return finding(context, span, 'schema/missing-field', `Missing required field "${name}" in ${where(context, segments)}.`);
}

function valueFinding(context: Context, error: ErrorObject, segments: string[], located: Located): Finding {
  const { document } = context;
  const span = located.node === null ? keySpanOf(located, document.text) : spanOf(located, document.text);
  const subject = where(context, segments);
  const value = error.data;
  switch (error.keyword) {
    case 'type': {
      const hint = typeHint(located.node, document.text, error.params.type, error.parentSchema);
      const expected = describeExpectedType(error.params.type);
      return finding(
        context,
        span,
        'schema/wrong-type',
        `${subject} must be ${expected}, not ${describeValue(value)}.${hint}`,
        quotingFix(context, located, hint),
      );
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed.filter(Boolean)) : undefined;
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      const shown = allowed.map((v) => (/^[\w./-]+$/.test(v) ? v : JSON.stringify(v)));
      const fixes = suggestion && located.node?.kind === 'scalar' ? replaceFix(context, located.node, suggestion) : undefined;
      return finding(
        context,
        span,
        'schema/invalid-value',
        `${JSON.stringify(value)} is not allowed for ${subject}; use one of ${shown.join(', ')}.${hint}`,
        fixes,
      );
    }
    case 'const':
      return finding(
        context,
        span,
        'schema/invalid-value',
        `${subject} must be ${JSON.stringify(error.params.allowedValue)}, not ${JSON.stringify(value)}.`,
      );
    case 'pattern':
      return finding(context, span, 'schema/invalid-value', patternMessage(JSON.stringify(value), String(error.params.pattern), subject));
    case 'anyOf':
    case 'oneOf':
      return alternativesFinding(context, error, subject, span);
    default: {
      const limit = LIMITS[error.keyword]?.(error.params.limit as number);
      if (limit) return finding(context, span, 'schema/invalid-value', `${subject} ${limit}.`);
      return finding(
        context,
        span,
        'schema/invalid-value',
        `${subject} ${error.message ?? 'is not valid'}${value !== undefined && typeof value !== 'object' ? ` (it is ${JSON.stringify(value)})` : ''}.`,
      );
    }
  }
}

/** The fix a type hint describes: quote a value YAML reads as a number or boolean, or unquote one. */
function quotingFix(context: Context, located: Located, hint: string): Fix[] | undefined {
  const node = located.node;
  if (node?.kind !== 'scalar') return undefined;
  const written = context.document.text.slice(node.start, node.end);
  const range = context.document.lines.range(node.start, node.end);
  if (hint.startsWith(' Quote it')) return [{ title: 'Add quotes', edits: [{ range, newText: JSON.stringify(written) }], preferred: true }];
  if (hint === ' Remove the quotes.')
    return [{ title: 'Remove the quotes', edits: [{ range, newText: String(node.value) }], preferred: true }];
  return undefined;
}

/** A value that does not match a pattern, in words where the pattern is a well-known one. */
function patternMessage(value: string, pattern: string, subject: string): string {
  if (pattern === QUANTITY_PATTERN)
    return `${value} is not a quantity, as ${subject} must be: write a number with an optional suffix, such as 2, 500m or 64Gi.`;
  const words = PATTERN_WORDS[pattern];
  if (words) return `${value} is not ${words}, as ${subject} must be.`;
  return `${value} does not match the pattern ${pattern} that ${subject} must follow.`;
}

/** The patterns Kubernetes names use, in words. */
const PATTERN_WORDS: Record<string, string> = {
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$': 'a DNS label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
  '^[a-z]([-a-z0-9]*[a-z0-9])?$':
    'a DNS-1035 label (lowercase letters, digits and "-", starting with a letter and ending with a letter or digit)',
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$':
    'a DNS subdomain (lowercase letters, digits, "-" and ".", each part starting and ending with a letter or digit)',
  '^/.*': 'an absolute path (starting with "/")',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Size limits in words, where ajv's own wording reads badly. */
const LIMITS: Record<string, (limit: number) => string> = {
  minProperties: (n) => (n === 1 ? 'must not be empty' : `needs at least ${plural(n, 'field')}`),
  maxProperties: (n) => `takes at most ${plural(n, 'field')}`,
  minItems: (n) => (n === 1 ? 'must not be an empty list' : `needs at least ${plural(n, 'item')}`),
  maxItems: (n) => `takes at most ${plural(n, 'item')}`,
  minLength: (n) => (n === 1 ? 'must not be empty' : `must be at least ${plural(n, 'character')} long`),
  maxLength: (n) => `must be at most ${plural(n, 'character')} long`,
};

function alternativesFinding(context: Context, error: ErrorObject, subject: string, span: [number, number]): Finding {
  const branchErrors = (error.params.branchErrors ?? []) as ErrorObject[];
  const required = [...new Set(branchErrors.filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty)))];
  if (branchErrors.length === 0) {
    return finding(
      context,
      span,
      'schema/invalid-value',
      `${subject} fits more than one of its allowed forms; remove the fields that make it ambiguous.`,
    );
  }
  if (required.length === branchErrors.length) {
    return finding(
      context,
      span,
      'schema/missing-field',
      `${subject} needs one of the fields ${required.map((r) => `"${r}"`).join(', ')}.`,
    );
  }
  return finding(context, span, 'schema/invalid-value', `${subject} does not fit any of its allowed forms.`);
}

/**
 * An empty value (`env:`) reads as no value at all for the API server: fine where the field is
 * optional, a missing field where it is required. Errors about such values become that.
 */
function emptyValueFindings(
  context: Context,
  errors: ErrorObject[],
  isRequired: (path: string[]) => boolean,
): { findings: Finding[]; rest: ErrorObject[] } {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const rest = errors.filter((error) => {
    if (error.data !== null || error.instancePath === '') return true;
    const segments = parsePointer(error.instancePath);
    const located = locate(context.document.root, segments);
    const empty = located.node === null || (located.node.kind === 'scalar' && located.node.value === null);
    if (!located.entry || !empty) return true;
    if (!reported.has(error.instancePath) && isRequired(segments)) {
      const name = segments[segments.length - 1];
      const key = located.entry.key;
      findings.push(
        finding(
          context,
          [key.start, key.end],
          'schema/missing-field',
          `Required field "${name}" in ${where(context, segments.slice(0, -1))} has no value.`,
        ),
      );
    }
    reported.add(error.instancePath);
    return false;
  });
  return { findings, rest };
}

/** Findings for one document's validation errors, with ranges local to the document. */
export function schemaFindings(
  errors: readonly ErrorObject[],
  document: YamlDocument,
  label: string,
  isRequired: (path: string[]) => boolean = () => false,
): Finding[] {
  const context: Context = { document, label };
  const empty = emptyValueFindings(context, selectErrors(errors), isRequired);
  // A value outside an enum is one mistake, whatever its type: report the enum, not the type too.
  const enumPaths = new Set(empty.rest.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const selected = empty.rest.filter((e) => !(e.keyword === 'type' && enumPaths.has(e.instancePath)));
  const suggestions = new Set<string>();
  const findings: Finding[] = [...empty.findings];
  for (const error of selected.filter((e) => e.keyword === 'additionalProperties')) {
    const result = unknownField(context, error, parsePointer(error.instancePath), suggestions);
    if (result) findings.push(result);
  }
  for (const error of selected.filter((e) => e.keyword !== 'additionalProperties')) {
    const segments = parsePointer(error.instancePath);
    if (error.keyword === 'required') {
      // A misspelled key already says which field it should have been: one finding, not two.
      if (!suggestions.has(`${error.instancePath}/${String(error.params.missingProperty)}`))
        findings.push(missingField(context, error, segments));
      continue;
    }
    findings.push(valueFinding(context, error, segments, locate(document.root, segments)));
  }
  return dedupe(findings);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.range.start.line}:${f.range.start.character}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
