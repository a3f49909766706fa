// Resolves plain scalars the way Kubernetes reads YAML (sigs.k8s.io/yaml over go-yaml v2), and
// configures the `yaml` library to resolve them the same way, so both parsers agree by construction.
import type { DocumentOptions, ParseOptions, SchemaOptions, ScalarTag, Tags } from 'yaml';
import type { ScalarValue } from '../document';

/**
 * Whole-value matches, as go-yaml v2's resolve table has them: YAML 1.1 booleans (`yes`, `on`,
 * `n`...), nulls, and the special floats.
 */
const WORDS = new Map<string, ScalarValue>();
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) WORDS.set(word, true);
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) WORDS.set(word, false);
for (const word of ['~', 'null', 'Null', 'NULL']) WORDS.set(word, null);
for (const word of ['.nan', '.NaN', '.NAN']) WORDS.set(word, NaN);
for (const word of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) WORDS.set(word, Infinity);
for (const word of ['-.inf', '-.Inf', '-.INF']) WORDS.set(word, -Infinity);
const LONGEST_WORD = 5;

/** First characters that can start a non-string value; everything else is a string at once. */
const MAY_RESOLVE = new Uint8Array(128);
for (const ch of '~yYnNtTfFoO.+-0123456789') MAY_RESOLVE[ch.charCodeAt(0)] = 1;

/** Go's strconv.ParseInt(s, 0, 64) syntax, after go-yaml removed the underscores. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
/** go-yaml v2's `yamlStyleFloat`, tried when the value is not an integer. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Go's strconv.ParseFloat for values starting with a dot (go-yaml does not strip underscores there). */
const GO_DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Plain decimal digits, the common number: read without a regular expression and its match array. */
function simpleDecimal(text: string): number | undefined {
  const length = text.length;
  if (length > 15 || (text.charCodeAt(0) === 48 /* 0 */ && length > 1)) return undefined;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return undefined;
  }
  return parseInt(text, 10);
}

function goInteger(plain: string): number | undefined {
  const simple = simpleDecimal(plain);
  if (simple !== undefined) return simple;
  const match = GO_INT.exec(plain);
  if (!match) return undefined;
  const [, sign, hex, octal, binary, leadingZeroOctal, decimal] = match;
  const [digits, radix] =
    hex !== undefined
      ? [hex, 16]
      : octal !== undefined
        ? [octal, 8]
        : binary !== undefined
          ? [binary, 2]
          : decimal !== undefined
            ? [decimal, 10]
            : [leadingZeroOctal || '0', 8];
  if (digits.length > 15) {
    // Past 64 bits Go fails to parse the integer: only decimal-looking text then reads as a float.
    const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
    const big = BigInt(prefix + digits) * (sign === '-' ? -1n : 1n);
    const fits = (big >= INT64_MIN && big <= INT64_MAX) || (sign === '' && big <= UINT64_MAX);
    if (!fits) return undefined;
  }
  const magnitude = parseInt(digits, radix);
  // `-0` is the integer 0 in Go; JavaScript would keep the sign.
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** The number a plain scalar starting with a digit, a sign or a dot reads as, if any. */
function goNumber(source: string): number | undefined {
  if (source.charCodeAt(0) === 46 /* . */) return GO_DOT_FLOAT.test(source) ? parseFloat(source) : undefined;
  const plain = source.includes('_') ? source.replace(/_/g, '') : source;
  const integer = goInteger(plain);
  if (integer !== undefined) return integer;
  if (!GO_FLOAT.test(plain)) return undefined;
  const float = parseFloat(plain);
  // Go reports a range error for values past float64, and go-yaml then keeps the text.
  return Number.isFinite(float) ? float : undefined;
}

/**
 * The value of a plain (unquoted, untagged) scalar. Differs from the `yaml` library's stock
 * yaml-1.1 schema where Kubernetes does: `1:30` and `2024-01-01` stay strings (go-yaml has no
 * sexagesimals and keeps timestamps as text), `0o17` is 15, and `.` or `1e400` are strings.
 */
export function resolvePlain(source: string): ScalarValue {
  if (source.length === 0) return null;
  const first = source.charCodeAt(0);
  if (first >= 128 || MAY_RESOLVE[first] === 0) return source;
  if (source.length <= LONGEST_WORD) {
    const word = WORDS.get(source);
    if (word !== undefined) return word;
  }
  if (first >= 97 || (first >= 65 && first <= 90)) return source; // letters: only the words above resolve
  return goNumber(source) ?? source;
}

function numberOf(source: string): number | undefined {
  const value = WORDS.get(source);
  return typeof value === 'number' ? value : /^[-+.0-9]/.test(source) ? goNumber(source) : undefined;
}

/** A RegExp stand-in: the library asks a tag's `test.test(value)` whether it resolves a plain scalar. */
class Matcher extends RegExp {
  constructor(private readonly accepts: (value: string) => boolean) {
    super('(?:)');
  }

  override test(value: string): boolean {
    return this.accepts(value);
  }
}

const INTEGER_SYNTAX = /^[-+]?[0-9]/;

const goIntTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  identify: (value) => Number.isInteger(value),
  test: new Matcher((value) => INTEGER_SYNTAX.test(value) && goInteger(value.replace(/_/g, '')) !== undefined),
  resolve: (value) => goNumber(value),
};

const goFloatTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (value) => typeof value === 'number',
  test: new Matcher((value) => numberOf(value) !== undefined),
  resolve: (value) => numberOf(value),
};

const REPLACED = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:timestamp']);

/** The yaml-1.1 tags with go-yaml's numbers instead of the library's; timestamps only when tagged. */
function kubernetesTags(tags: Tags): Tags {
  return [...tags.filter((tag) => typeof tag === 'string' || !REPLACED.has(tag.tag)), goIntTag, goFloatTag];
}

/** Options for every parse with the `yaml` library. */
export const LIBRARY_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'yaml-1.1',
  customTags: kubernetesTags,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
};
