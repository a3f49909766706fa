// What the API handlers share: the simulated cluster, the resource types, the validator, and
// the parsed request (resource, version, namespace, name, subresource, query, user).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ObjectValidator } from '../apply/validate';
import type { Tokens } from '../http/auth';
import type { LogFaults } from '../http/log-faults';
import type { KubeObject } from '../store/object';
import type { ManualClock } from '../sim/clock';
import type { SimContext } from '../sim/context';
import { apiVersionOf, type ResourceType, type ResourceTypes } from './resource-types';

export interface ApiContext {
  sim: SimContext;
  types: ResourceTypes;
  validator: ObjectValidator;
  tokens: Tokens;
  url: string;
  /** How often watches that allow bookmarks get one (real time). */
  bookmarkMs: number;
  /** Open watch and log streams, closed when the server stops. */
  streams: Set<ServerResponse>;
  /** The clock that /mlinfra-test/ moves, in clusters started for tests only (see http/test-control.ts). */
  testClock?: ManualClock;
  /** Faults in log streams, in clusters started for tests only (see http/log-faults.ts). */
  faults?: LogFaults;
}

export interface ResourceRequest {
  type: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: Record<string, string>;
  user: string;
  req: IncomingMessage;
  res: ServerResponse;
}

/** An object as served at a version: stored objects keep theirs, conversion only renames it. */
export function atVersion(request: { type: ResourceType; version: string }, object: KubeObject): KubeObject {
  return { ...object, apiVersion: apiVersionOf(request.type.group, request.version) };
}
