// Reads the allowed values of a Kubernetes string field from its description ("One of Always,
// OnFailure, Never."), conservatively: a wrong enum would flag valid manifests as errors.

/**
 * Phrases that introduce a complete list of values. Each must start a sentence or follow a comma
 * (so that it is about the field itself: not "The key must be one of ..."), be followed directly
 * by the list, and the list must end the sentence.
 */
const LEAD_INS = [
  'one of',
  'it can be',
  'must be one of',
  'must be',
  'can be',
  'supports',
  'valid values are',
  'valid options are',
  'valid operators are',
  'valid effects are',
  'valid policies are',
  'allowed values are',
];

const LEAD_IN = new RegExp(`(?:^|[.:]\\s+|\\n\\s*|,\\s+)(?:${LEAD_INS.join('|')}):?\\s+`, 'gi');

/** A value: a bare CamelCase-like word (starting upper-case), or any identifier word in quotes. */
const VALUE = /^(?:"([A-Za-z][A-Za-z0-9]*)"|'([A-Za-z][A-Za-z0-9]*)'|`([A-Za-z][A-Za-z0-9]*)`|([A-Z][A-Za-z0-9]*))(?: \(default\))?/;
const SEPARATOR = /^(?:, (?:and |or )?| and | or )/;
/** What may follow the last value: the end of the sentence, of the line, or of the text. */
const END = /^(?:\.(?:\s|$)|\s*\n|$)/;
/** A next sentence that reads like more values ("... DoesNotExist. Gt, and Lt.") makes the list ambiguous. */
const CONTINUATION = /^\s*["'`]?[A-Za-z][A-Za-z0-9]*["'`]?(?:,| and | or |\.)/;

/** The list of values at the start of `text`, when it is a complete list ending a sentence. */
function listAt(text: string): string[] | undefined {
  const values: string[] = [];
  let rest = text;
  let joined = false;
  for (;;) {
    const value = VALUE.exec(rest);
    if (!value) return undefined;
    values.push(value[1] ?? value[2] ?? value[3] ?? value[4]);
    rest = rest.slice(value[0].length);
    const separator = SEPARATOR.exec(rest);
    if (!separator) break;
    if (joined) return undefined; // a value after "and"/"or": not a simple list
    joined = /and |or /.test(separator[0]);
    rest = rest.slice(separator[0].length);
  }
  const end = END.exec(rest);
  if (!end || values.length < 2) return undefined;
  if (end[0].startsWith('.') && CONTINUATION.test(rest.slice(end[0].length))) return undefined;
  return values;
}

/** "Empty means match all taint effects.": the empty string is a documented value too. */
const EMPTY_MEANS = /(?:^|[.:]\s+|\n\s*)Empty means\b/;

/**
 * The allowed values named by a description, or undefined unless exactly one unambiguous list
 * is found: introduced by one of LEAD_INS, at least two values, every value an identifier-like
 * word (bare ones must start upper-case, quoted ones may not), the list ending the sentence, and
 * no second, different list anywhere in the description. "" is added when a sentence starts
 * with "Empty means".
 */
export function enumFromDescription(description: unknown): string[] | undefined {
  if (typeof description !== 'string') return undefined;
  const found = new Map<string, string[]>();
  for (const match of description.matchAll(LEAD_IN)) {
    const values = listAt(description.slice(match.index + match[0].length));
    if (values) found.set(values.join('\n'), values);
  }
  if (found.size !== 1) return undefined;
  const [values] = found.values();
  return EMPTY_MEANS.test(description) ? [...values, ''] : values;
}
