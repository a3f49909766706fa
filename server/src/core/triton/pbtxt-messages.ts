// The parser's error messages, modelled on protobuf's own (`Expected ":", found "x".`), and
// the token descriptions they quote.
import type { Token } from './pbtxt-lexer';

const MAX_QUOTED = 40;

/** How a message names a token: `"foo"`, `string "abc"`, `end of file`. */
export function describe(token: Token): string {
  if (token.kind === 'eof') return 'end of file';
  const text = token.text.length > MAX_QUOTED ? `${token.text.slice(0, MAX_QUOTED)}…` : token.text;
  return token.kind === 'string' ? `string ${text}` : `"${text}"`;
}

export const closerOf = (open: string): string => (open === '<' ? '>' : '}');
export const openerOf = (close: string): string => (close === '>' ? '<' : '{');

export const messages = {
  unclosedMessage: (open: string) => `Unclosed "${open}": this message is never closed with "${closerOf(open)}".`,
  unclosedList: () => 'Unclosed "[": this list is never closed with "]".',
  extraCloser: (close: string) => `Unexpected "${close}": there is no open "${openerOf(close)}" for it to close.`,
  mismatched: (open: string, close: string) =>
    `Expected "${closerOf(open)}", found "${close}": this message was opened with "${open}", so it must ` +
    `be closed with "${closerOf(open)}".`,
  expectedFieldName: (found: Token) => `Expected field name, found ${describe(found)}. Field names are identifiers such as max_batch_size.`,
  expectedColon: (found: Token) => `Expected ":", found ${describe(found)}.`,
  missingValueAfterColon: (name: string, found: Token) => `Expected a value after "${name}:", found ${describe(found)}.`,
  missingValueAfterName: (name: string, found: Token) =>
    `Expected ":" or "{" after "${name}", found ${describe(found)}: "${name}" has no value.`,
  expectedNumberAfterMinus: (found: Token) => `Expected a number after "-", found ${describe(found)}.`,
  expectedListValue: (found: Token) => `Expected a value, found ${describe(found)}.`,
  trailingComma: () => 'Expected a value, found "]": remove the "," before it.',
  expectedCommaOrClose: (found: Token) => `Expected "," or "]", found ${describe(found)}.`,
  tooDeep: (limit: number) => `Message is nested too deeply: more than ${limit} levels.`,
};
