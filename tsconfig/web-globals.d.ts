// The web-standard globals the pure code may use (they exist in Node, browsers and workers alike),
// declared here because the pure projects load no @types/node. Only what the code calls.

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly hash: string;
  toString(): string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
