// The scalar values of the protobuf text format as the parser reads them: numbers (with a leading
// `-`, and inf/nan spelled as identifiers), identifiers (enum values, booleans) and adjacent strings,
// which concatenate. The message and list grammar builds on it (pbtxt-parser.ts).
import type { PbScalar } from './pbtxt-ast';
import type { Token } from './pbtxt-lexer';
import { isSymbol, TokenCursor } from './pbtxt-cursor';
import { messages } from './pbtxt-messages';

const NUMERIC_IDENTIFIERS = /^(inf|infinity|nan)$/i;

export class ScalarParser extends TokenCursor {
  constructor(
    protected readonly text: string,
    tokens: Token[],
  ) {
    super(tokens);
  }

  /** Parses a scalar: `-`, a number, an identifier, or adjacent strings. Null when unreadable (reported). */
  protected parseScalar(): PbScalar | null {
    const first = this.next();
    let token = first;
    const negative = isSymbol(first, '-');
    if (negative) {
      token = this.peek();
      const numeric =
        token.kind === 'integer' || token.kind === 'float' || (token.kind === 'identifier' && NUMERIC_IDENTIFIERS.test(token.text));
      if (token.kind === 'invalid') {
        this.next();
        return null;
      }
      if (!numeric) {
        this.report(first.start, first.end, 'pbtxt/unexpected-token', messages.expectedNumberAfterMinus(token));
        if ((token.kind === 'identifier' || token.kind === 'string') && token.line === first.line && !this.atFieldStart()) this.next();
        return null;
      }
      this.next();
    }
    if (token.kind === 'invalid') return null;
    const kind = token.kind as PbScalar['token'];
    const scalar: PbScalar = { kind: 'scalar', start: first.start, end: token.end, token: kind, text: '', negative };
    if (kind === 'string') {
      let value = token.string ?? '';
      while (this.peek().kind === 'string') {
        const more = this.next();
        value += more.string ?? '';
        scalar.end = more.end;
      }
      scalar.string = value;
    } else if (kind === 'identifier') {
      if (NUMERIC_IDENTIFIERS.test(token.text)) scalar.number = /^nan$/i.test(token.text) ? NaN : negative ? -Infinity : Infinity;
    } else {
      scalar.number = negative ? -(token.number ?? 0) : token.number;
      if (token.bigint !== undefined) scalar.bigint = negative ? -token.bigint : token.bigint;
    }
    scalar.text = this.text.slice(scalar.start, scalar.end);
    return scalar;
  }
}
