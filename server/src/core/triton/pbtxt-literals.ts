// Reads the string and number literals of protobuf text format as protobuf's tokenizer does:
// their extent in the source, their decoded values, and the problems inside them.

/** A problem at source offsets, before conversion to a Finding. */
export interface RawError {
  start: number;
  end: number;
  code: string;
  message: string;
}

export interface StringLiteral {
  end: number;
  value: string;
}

export interface NumberLiteral {
  end: number;
  /** `invalid` when the literal is malformed (the error is reported). */
  kind: 'integer' | 'float' | 'invalid';
  number?: number;
  bigint?: bigint;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '?': 63,
  '\\': 92,
  "'": 39,
  '"': 34,
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
// Character tests by comparison rather than regular expression: every number's characters go through them.
const isHex = (c: string | undefined) => c !== undefined && (isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
const isIdentPart = (c: string | undefined) =>
  c !== undefined && (isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');

function pushUtf8(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

const utf8 = new TextDecoder('utf-8');

function hexRun(src: string, from: number, max: number): number {
  let i = from;
  while (i - from < max && isHex(src[i])) i++;
  return i;
}

/** Reads one escape sequence at `i` (the backslash) into `bytes`; returns the offset after it. */
function readEscape(src: string, i: number, bytes: number[], errors: RawError[]): number {
  const c = src[i + 1];
  if (c in SIMPLE_ESCAPES) {
    bytes.push(SIMPLE_ESCAPES[c]);
    return i + 2;
  }
  if (isOctal(c)) {
    let end = i + 1;
    while (end - i <= 3 && isOctal(src[end])) end++;
    bytes.push(parseInt(src.slice(i + 1, end), 8) & 0xff);
    return end;
  }
  if (c === 'x') {
    const end = hexRun(src, i + 2, 2);
    if (end === i + 2) {
      errors.push({ start: i, end: end, code: 'pbtxt/bad-escape', message: 'Expected hex digits after "\\x" in string literal.' });
    } else bytes.push(parseInt(src.slice(i + 2, end), 16));
    return end;
  }
  if (c === 'u' || c === 'U') {
    const want = c === 'u' ? 4 : 8;
    const end = hexRun(src, i + 2, want);
    let cp = end - (i + 2) === want ? parseInt(src.slice(i + 2, end), 16) : -1;
    if (cp > 0x10ffff) cp = -1;
    if (cp < 0) {
      const message =
        c === 'u'
          ? 'Expected four hex digits after "\\u" in string literal.'
          : 'Expected eight hex digits, up to 0010ffff, after "\\U" in string literal.';
      errors.push({ start: i, end, code: 'pbtxt/bad-escape', message });
      return end;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && src[end] === '\\' && src[end + 1] === 'u') {
      const low = parseInt(src.slice(end + 2, end + 6), 16);
      if (hexRun(src, end + 2, 4) === end + 6 && low >= 0xdc00 && low <= 0xdfff) {
        pushUtf8(bytes, 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00));
        return end + 6;
      }
    }
    pushUtf8(bytes, cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
    return end;
  }
  const cp = src.codePointAt(i + 1)!;
  const end = i + 1 + (cp > 0xffff ? 2 : 1);
  errors.push({
    start: i,
    end,
    code: 'pbtxt/bad-escape',
    message: `Invalid escape sequence "${src.slice(i, end)}" in string literal. Write "\\\\" for a backslash.`,
  });
  pushUtf8(bytes, cp);
  return end;
}

/** Reads a quoted string at `start` (its quote); an unterminated one ends at the line break. */
export function readString(src: string, start: number, errors: RawError[]): StringLiteral {
  const quote = src[start];
  // The common case first: no escape and no lone surrogate before the closing quote, so the value is the text between the quotes.
  const quoteCode = src.charCodeAt(start);
  for (let j = start + 1; j < src.length; j++) {
    const code = src.charCodeAt(j);
    if (code === quoteCode) return { end: j + 1, value: src.slice(start + 1, j) };
    if (code === 10 || code === 13 || code === 92 /* \ */ || (code >= 0xd800 && code <= 0xdfff)) break;
  }
  const bytes: number[] = [];
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === quote) return { end: i + 1, value: utf8.decode(new Uint8Array(bytes)) };
    if (ch === '\n' || ch === '\r') break;
    if (ch === '\\' && i + 1 < src.length && src[i + 1] !== '\n' && src[i + 1] !== '\r') {
      i = readEscape(src, i, bytes, errors);
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    const cp = src.codePointAt(i)!;
    pushUtf8(bytes, cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
    i += cp > 0xffff ? 2 : 1;
  }
  errors.push({
    start,
    end: i,
    code: 'pbtxt/unterminated-string',
    message: `Unterminated string: the closing ${quote} is missing (a string cannot continue past the end of its line).`,
  });
  return { end: i, value: utf8.decode(new Uint8Array(bytes)) };
}

function integerValue(digits: string, radix: 8 | 10 | 16): { number: number; bigint?: bigint } {
  // Up to 15 decimal digits is always a safe integer: no BigInt needed.
  if (radix === 10 && digits.length > 0 && digits.length <= 15) return { number: Number(digits) };
  const prefix = radix === 8 ? '0o' : radix === 16 ? '0x' : '';
  const big = BigInt(prefix + (digits === '' ? '0' : digits));
  const number = Number(big);
  return Number.isSafeInteger(number) ? { number } : { number, bigint: big };
}

/** Reads a number at `start` (a digit, or a dot before a digit). */
export function readNumber(src: string, start: number, errors: RawError[]): NumberLiteral {
  let i = start;
  let isFloat = false;
  let problem: string | undefined;
  let radix: 8 | 10 | 16 = 10;
  const skipDigits = () => {
    while (isDigit(src[i])) i++;
  };
  if (src[i] === '0' && (src[i + 1] === 'x' || src[i + 1] === 'X')) {
    radix = 16;
    i += 2;
    const from = i;
    while (isHex(src[i])) i++;
    if (i === from) problem = '"0x" must be followed by hex digits';
  } else if (src[i] === '0' && isDigit(src[i + 1])) {
    radix = 8;
    i++;
    while (isDigit(src[i])) {
      if (!isOctal(src[i])) problem = 'a number starting with 0 is octal and may use only the digits 0 to 7';
      i++;
    }
  } else {
    if (src[i] === '.') isFloat = true;
    else skipDigits();
    if (src[i] === '.') {
      isFloat = true;
      i++;
      skipDigits();
    }
    if (src[i] === 'e' || src[i] === 'E') {
      isFloat = true;
      i++;
      if (src[i] === '+' || src[i] === '-') i++;
      const from = i;
      skipDigits();
      if (i === from) problem = '"e" must be followed by an exponent';
    }
    if (src[i] === 'f' || src[i] === 'F') {
      isFloat = true;
      i++;
    }
  }
  const after = src[i];
  if (isIdentPart(after) || after === '.') {
    while (isIdentPart(src[i]) || src[i] === '.') i++;
    problem ??=
      after === '.'
        ? isFloat
          ? 'it already has a decimal point or exponent'
          : 'hex and octal numbers must be integers'
        : 'a number cannot be directly followed by letters; add a space or remove them';
  }
  if (problem) {
    errors.push({ start, end: i, code: 'pbtxt/bad-number', message: `Invalid number "${src.slice(start, i)}": ${problem}.` });
    return { end: i, kind: 'invalid' };
  }
  const text = src.slice(start, i);
  if (isFloat) return { end: i, kind: 'float', number: Number(text.replace(/[fF]$/, '')) };
  const digits = radix === 16 ? text.slice(2) : radix === 8 ? text.slice(1) : text;
  return { end: i, kind: 'integer', ...integerValue(digits, radix) };
}
