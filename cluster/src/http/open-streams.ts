// `GET /mlinfra-test/streams`: how many log and watch streams the cluster holds open now, so a
// test can see a logs view's requests end when the view closes. Served only to clusters started
// for tests (with a test clock), like the rest of /mlinfra-test/.
import type { ServerResponse } from 'node:http';
import { sendJson } from './request';
import { methodNotAllowed, pathNotFound } from './status';
import type { ManualClock } from '../sim/clock';

export const OPEN_STREAMS_SEGMENT = 'streams';

/** Log streams are answers to `…/pods/NAME/log`; every other open stream is a watch. */
export function countStreams(streams: Iterable<ServerResponse>): { logs: number; watches: number } {
  let logs = 0;
  let watches = 0;
  for (const res of streams) {
    if (/\/pods\/[^/]+\/log$/.test(new URL(res.req?.url ?? '/', 'https://127.0.0.1').pathname)) logs++;
    else watches++;
  }
  return { logs, watches };
}

export function serveOpenStreams(
  clock: ManualClock | undefined,
  method: string,
  streams: Iterable<ServerResponse>,
  res: ServerResponse,
): void {
  if (!clock) throw pathNotFound();
  if (method !== 'GET') throw methodNotAllowed();
  sendJson(res, 200, countStreams(streams));
}
