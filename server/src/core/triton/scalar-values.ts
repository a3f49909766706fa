// Whether a scalar written in a Triton config fits its field's proto type, and if not, the
// message to show, in the words of protobuf's own text format parser where it has them.
import { didYouMean } from '../did-you-mean';
import type { PbScalar } from './pbtxt-ast';
import type { ProtoEnum } from './proto-schema';

const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

const BOOLEANS = new Set(['true', 'True', 't', 'false', 'False', 'f', '1', '0']);

function integerValue(scalar: PbScalar): bigint | undefined {
  if (scalar.bigint !== undefined) return scalar.bigint;
  return scalar.number !== undefined && Number.isInteger(scalar.number) ? BigInt(scalar.number) : undefined;
}

/** What is wrong with a scalar, and the replacement of its text that fixes it when that is mechanical. */
export interface ScalarProblem {
  message: string;
  fix?: { title: string; newText: string };
}

const removeQuotes = (message: string, scalar: PbScalar): ScalarProblem => ({
  message,
  fix: { title: 'Remove the quotes', newText: scalar.string ?? '' },
});

/** A problem with a scalar for a field of this type, or undefined when it fits. */
export function scalarProblem(scalar: PbScalar, field: string, type: string, enumType: ProtoEnum | undefined): ScalarProblem | undefined {
  const problem = scalarMessage(scalar, field, type, enumType);
  return typeof problem === 'string' ? { message: problem } : problem;
}

function scalarMessage(scalar: PbScalar, field: string, type: string, enumType: ProtoEnum | undefined): ScalarProblem | string | undefined {
  const written = scalar.text;
  if (enumType) {
    if (scalar.token === 'integer') return undefined; // proto3 accepts numbers of unknown values
    if (scalar.token === 'string' && (scalar.string ?? '') in enumType.values) {
      return removeQuotes(`Field "${field}" takes an enumeration value, written without quotes: ${scalar.string}.`, scalar);
    }
    if (scalar.token !== 'identifier')
      return `Field "${field}" takes an enumeration value such as ${enumType.names[1] ?? enumType.names[0]}, not ${written}.`;
    if (written in enumType.values) return undefined;
    const suggestion = didYouMean(written, enumType.names);
    const message = `Unknown enumeration value of "${written}" for field "${field}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
    return suggestion ? { message, fix: { title: `Change to ${suggestion}`, newText: suggestion } } : message;
  }
  if (type === 'bool') return BOOLEANS.has(written) ? undefined : `Invalid value for boolean field "${field}". Value: "${written}".`;
  if (type === 'string' || type === 'bytes') {
    if (scalar.token === 'string') return undefined;
    return {
      message: `Field "${field}" takes a string: write it in quotes ("${written}").`,
      fix: { title: 'Add quotes', newText: `"${written}"` },
    };
  }
  if (type === 'float' || type === 'double') {
    return scalar.number !== undefined ? undefined : `Field "${field}" takes a number, not ${written}.`;
  }
  const range = INTEGER_RANGES[type];
  if (!range) return undefined;
  if (scalar.token !== 'integer') {
    return scalar.token === 'string' && /^-?\d+$/.test(scalar.string ?? '')
      ? removeQuotes(`Field "${field}" takes an integer: remove the quotes from ${written}.`, scalar)
      : `Field "${field}" takes an integer, not ${written}.`;
  }
  const value = integerValue(scalar);
  if (value === undefined) return undefined;
  if (value < range[0] || value > range[1]) {
    return range[0] === 0n && value < 0n
      ? `Field "${field}" takes a non-negative integer (${type}), not ${written}.`
      : `Integer out of range for field "${field}" (${type}): ${written}.`;
  }
  return undefined;
}
