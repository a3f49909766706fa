// Resource quantities as Kubernetes reads them (resource.ParseQuantity): a number with an
// optional decimal suffix (`500m`, `2k`), binary suffix (`64Gi`) or exponent (`1e3`). GPU rules
// compare quantities by value (`1` equals `1000m`) and check that they are whole numbers.
import { memoByString } from './memo';
import type { ResourceQuantity } from './workload';

const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXPONENT: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** The value of a quantity written as a YAML number or a string in the quantity grammar; undefined otherwise. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? parseQuantityText(value) : undefined;
}

// Manifests repeat a few quantities (`8`, `64Gi`) thousands of times: parsed once each.
const parseQuantityText = memoByString((value: string): number | undefined => {
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  const [, number, suffix = ''] = match;
  if (suffix in BINARY_EXPONENT) return Number(number) * 2 ** BINARY_EXPONENT[suffix];
  // Through a decimal exponent, so that `500m` reads as exactly the double nearest 0.5.
  const exponent = suffix in DECIMAL_EXPONENT ? DECIMAL_EXPONENT[suffix] : Number(suffix.slice(1));
  return Number(`${number}e${exponent}`);
});

/** The value a request or limit states, when it is a quantity. */
export function quantityValue(quantity: ResourceQuantity): number | undefined {
  return parseQuantity(quantity.value?.value);
}

/** A quantity as the user wrote it (without quotes), for messages: `500m`, `0.5`, `"2"` as `2`. */
export function quantityText(text: string, quantity: ResourceQuantity): string {
  const node = quantity.value;
  if (!node) return '';
  return node.quoted ? String(node.value) : text.slice(node.start, node.end);
}
