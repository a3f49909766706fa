// Complete lines out of a streamed body: UTF-8 decoded across chunks, split at newlines. Unlike
// cluster/lines.ts it keeps a last line without its newline apart, since a stream cut in the middle of
// a line sends that line again, whole, when it resumes; only the end of a container makes it a line.

export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private rest = '';

  /** The lines a chunk completes. */
  push(chunk: Uint8Array): string[] {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
    return lines;
  }

  /** What is left after the last newline: a partial line, or '' after a whole one. */
  partial(): string {
    return this.rest + this.decoder.decode();
  }
}
