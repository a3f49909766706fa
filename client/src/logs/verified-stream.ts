// Reads a log answer's lines once the follower knows the answer is for the run it meant (a request
// races a container's restart: the server picks the run as it answers). Until then, the chunks that
// arrive are kept, not read: a connection that drops meanwhile loses nothing that had come.
import type { ResponseStream } from '../cluster/kube-api';
import { LineSplitter } from './line-splitter';

export interface StreamRead {
  /** Whether the answer was for the run meant; when not, nothing of it was read. */
  verified: boolean;
  /** The error that ended the body early, if one did. */
  error?: unknown;
  /** What came after the last newline. */
  partial: string;
}

/**
 * Reads `stream` whole: `check` settles whether it is the run meant; if so `begin` runs, then
 * `line` with each complete line, those that came during the check first.
 */
export async function readVerified(
  stream: ResponseStream,
  check: Promise<boolean>,
  begin: () => void,
  line: (raw: string) => void,
): Promise<StreamRead> {
  const splitter = new LineSplitter();
  const held: Uint8Array[] = [];
  let verdict: boolean | undefined;
  const take = (chunk: Uint8Array) => {
    for (const raw of splitter.push(chunk)) line(raw);
  };
  const checked = check.then((ok) => {
    verdict = ok;
    if (!ok) return stream.cancel();
    begin();
    for (const chunk of held.splice(0)) take(chunk);
  });
  let error: unknown;
  try {
    for await (const chunk of stream) {
      if (verdict === true) take(chunk);
      else if (verdict === undefined) held.push(chunk);
    }
  } catch (thrown) {
    error = thrown;
  }
  await checked;
  return { verified: verdict === true, error, partial: verdict ? splitter.partial() : '' };
}
