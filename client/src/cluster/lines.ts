// The lines of a streamed text body (pod logs, as the server sends them): UTF-8 decoded across
// chunk boundaries, split at newlines; a last line without a newline comes when the body ends.
// Stopping early (break) stops the body too, which closes its connection.

export async function* lines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of chunks) {
    rest += decoder.decode(chunk, { stream: true });
    for (let newline = rest.indexOf('\n'); newline >= 0; newline = rest.indexOf('\n')) {
      yield rest.slice(0, newline).replace(/\r$/, '');
      rest = rest.slice(newline + 1);
    }
  }
  rest += decoder.decode();
  if (rest) yield rest;
}
