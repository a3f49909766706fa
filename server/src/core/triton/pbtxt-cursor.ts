// The parser's view of the token stream: lookahead, consumption, error collection, and the
// token tests the grammar and the recovery share.
import type { Token } from './pbtxt-lexer';
import type { RawError } from './pbtxt-literals';

export const isSymbol = (t: Token, ...texts: string[]): boolean => t.kind === 'symbol' && texts.includes(t.text);
export const isOpen = (t: Token): boolean => isSymbol(t, '{', '<');
export const isClose = (t: Token): boolean => isSymbol(t, '}', '>');
/** A token that can start a scalar value (an invalid number counts: it was reported already). */
export const startsValue = (t: Token): boolean => (t.kind !== 'symbol' && t.kind !== 'eof') || isSymbol(t, '-');

export class TokenCursor {
  private pos = 0;
  readonly errors: RawError[] = [];

  constructor(private readonly tokens: Token[]) {}

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
  }

  protected next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  protected report(start: number, end: number, code: string, message: string): void {
    this.errors.push({ start, end, code, message });
  }

  /** An identifier followed by what may follow a field name: the start of the next field. */
  protected atFieldStart(ahead = 0): boolean {
    return this.peek(ahead).kind === 'identifier' && isSymbol(this.peek(ahead + 1), ':', '{', '<', '[');
  }
}
