// Test-only requests under /mlinfra-test/: a harness that started the cluster on a ManualClock
// (startCluster({ testControl: true })) moves simulated time over HTTP, so a suite running in
// another process (the extension host) reaches "two minutes later" at once instead of sleeping.
// Served only to clusters started that way; the demo of `npm start` and `npm run cluster` has no
// such path (404), since anyone holding its admin token could otherwise fast-forward it.
//
//   GET  /mlinfra-test/clock                  → { now, pendingTimers }
//   POST /mlinfra-test/clock/advance?seconds=N → the same, after every timer due within N seconds ran
//   GET  /mlinfra-test/faults                 → what the log faults did: { requests, drops, ends, errors }
//   POST /mlinfra-test/faults                 → new log fault settings (a LogFaultSettings body), counts reset
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ManualClock } from '../sim/clock';
import type { LogFaults, LogFaultSettings } from './log-faults';
import { timestamp } from '../store/object';
import { ADMIN_USER } from './auth';
import { readBody, sendJson } from './request';
import { badRequest, forbiddenPath, methodNotAllowed, pathNotFound } from './status';

export const TEST_CONTROL_PREFIX = 'mlinfra-test';

/** Simulated time a single request may move: more than any scenario needs, less than a runaway loop. */
const MAX_ADVANCE_SECONDS = 24 * 3600;

export interface ClockReport {
  /** Simulated time, RFC 3339. */
  now: string;
  /** Timers still waiting (pulls, log lines, exits, TTLs). */
  pendingTimers: number;
}

function report(clock: ManualClock): ClockReport {
  return { now: timestamp(clock.now()), pendingTimers: clock.pending() };
}

function secondsParam(value: string | null): number {
  const seconds = Number(value ?? '');
  if (value === null || value.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
    throw badRequest(`seconds must be a number from 0 to ${MAX_ADVANCE_SECONDS}, not "${value ?? ''}"`);
  }
  return seconds;
}

/** Reads or sets the log faults (the administrator only sets them). */
async function serveFaults(faults: LogFaults, user: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET') return sendJson(res, 200, faults.counts);
  if (req.method !== 'POST') throw methodNotAllowed();
  if (user !== ADMIN_USER) throw forbiddenPath(user, 'post', path);
  try {
    faults.configure(JSON.parse((await readBody(req)) || '{}') as LogFaultSettings);
  } catch (error) {
    throw badRequest(`log fault settings: ${(error as Error).message}`);
  }
  sendJson(res, 200, faults.counts);
}

/**
 * Serves a request under /mlinfra-test/ from an authenticated `user`. Without a test clock the
 * path does not exist; with one only the administrator may move time or set faults (the other user only reads).
 */
export async function serveTestControl(
  clock: ManualClock | undefined,
  faults: LogFaults | undefined,
  user: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!clock) throw pathNotFound();
  const path = url.pathname.replace(/\/+$/, '');
  if (path === `/${TEST_CONTROL_PREFIX}/faults` && faults) return serveFaults(faults, user, path, req, res);
  if (path === `/${TEST_CONTROL_PREFIX}/clock`) {
    if (req.method !== 'GET') throw methodNotAllowed();
    return sendJson(res, 200, report(clock));
  }
  if (path === `/${TEST_CONTROL_PREFIX}/clock/advance`) {
    if (req.method !== 'POST') throw methodNotAllowed();
    if (user !== ADMIN_USER) throw forbiddenPath(user, 'post', path);
    // Timers run in order inside advance(); the watch events they cause are written to their
    // streams before this answer, so a client that sees the answer has been sent the changes.
    clock.advance(secondsParam(url.searchParams.get('seconds')) * 1000);
    return sendJson(res, 200, report(clock));
  }
  throw pathNotFound();
}
