// Routes each request: health checks, authentication, discovery, OpenAPI, version, then the
// resource endpoints (`/api/v1/...`, `/apis/<group>/<version>/...`) with authorization. Every
// error becomes a Status; nothing a client sends can crash the server. Under /mlinfra-test/, the
// clock of a cluster started for tests (test-control.ts); other clusters answer 404 there.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  aggregatedDiscovery,
  AGGREGATED_CONTENT_TYPE,
  apiGroup,
  apiGroupList,
  apiVersions,
  resourceList,
  versionInfo,
} from '../api/discovery';
import type { ApiContext, ResourceRequest } from '../api/context';
import { podLogs } from '../api/logs';
import { openApiDocument, openApiIndex } from '../api/openapi';
import { getObject, listObjects } from '../api/read';
import { watchObjects } from '../api/watch';
import { createObject, deleteCollection, deleteOne, patchObject, replaceObject } from '../api/write';
import { authenticate, authorize } from './auth';
import { queryOf, sendJson, sendStatus, wants, booleanParam } from './request';
import { forbidden, internalError, methodNotAllowed, pathNotFound, StatusError, unauthorized } from './status';
import { OPEN_STREAMS_SEGMENT, serveOpenStreams } from './open-streams';
import { serveTestControl, TEST_CONTROL_PREFIX } from './test-control';

function parseResource(ctx: ApiContext, segments: string[]): Omit<ResourceRequest, 'query' | 'user' | 'req' | 'res'> | undefined {
  let group = '';
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) [version, rest] = [segments[1], segments.slice(2)];
  else if (segments[0] === 'apis' && segments.length >= 4) [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !['status', 'finalize'].includes(rest[2])) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length) return undefined;
  const type = ctx.types.find(group, version, resource);
  if (!type || (namespace !== undefined && !type.namespaced) || (type.namespaced && name !== undefined && namespace === undefined))
    return undefined;
  if (subresource !== undefined && !type.subresources.includes(subresource)) return undefined;
  return { type, version, namespace, name, subresource };
}

function verbOf(method: string, request: Omit<ResourceRequest, 'req' | 'res' | 'user'>): string | undefined {
  const named = request.name !== undefined;
  switch (method) {
    case 'GET':
      return named ? 'get' : booleanParam(request.query.watch) ? 'watch' : 'list';
    case 'POST':
      return named ? undefined : 'create';
    case 'PUT':
      return named ? 'update' : undefined;
    case 'PATCH':
      return named ? 'patch' : undefined;
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

async function serveResource(ctx: ApiContext, request: ResourceRequest, verb: string): Promise<void> {
  if (request.subresource === 'log') {
    if (verb !== 'get') throw methodNotAllowed();
    return podLogs(ctx, request);
  }
  switch (verb) {
    case 'get':
      return getObject(ctx, request);
    case 'list':
      return listObjects(ctx, request);
    case 'watch':
      return watchObjects(ctx, request);
    case 'create':
      return createObject(ctx, request);
    case 'update':
      return replaceObject(ctx, request);
    case 'patch':
      return patchObject(ctx, request);
    case 'delete':
      return deleteOne(ctx, request);
    default:
      return deleteCollection(ctx, request);
  }
}

function serveDiscovery(ctx: ApiContext, segments: string[], req: IncomingMessage, res: ServerResponse): boolean {
  const path = segments.join('/');
  const aggregated = wants(req.headers.accept, 'APIGroupDiscoveryList', 'apidiscovery.k8s.io', ['v2']);
  if (path === 'api' || path === 'apis') {
    if (aggregated) sendJson(res, 200, aggregatedDiscovery(ctx.types, path === 'api'), { 'Content-Type': AGGREGATED_CONTENT_TYPE });
    else sendJson(res, 200, path === 'api' ? apiVersions(new URL(ctx.url).host) : apiGroupList(ctx.types));
    return true;
  }
  const document =
    path === 'version'
      ? versionInfo()
      : path === 'api/v1'
        ? resourceList(ctx.types, '', 'v1')
        : segments[0] === 'apis' && segments.length === 2
          ? apiGroup(ctx.types, segments[1])
          : segments[0] === 'apis' && segments.length === 3
            ? resourceList(ctx.types, segments[1], segments[2])
            : path === 'openapi/v3'
              ? openApiIndex(ctx.types)
              : path === 'openapi/v3/api/v1'
                ? openApiDocument(ctx.types, '', 'v1')
                : segments[0] === 'openapi' && segments[1] === 'v3' && segments[2] === 'apis' && segments.length === 5
                  ? openApiDocument(ctx.types, segments[3], segments[4])
                  : undefined;
  if (document === undefined) return false;
  sendJson(res, 200, document);
  return true;
}

async function route(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://127.0.0.1');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const path = segments.join('/');
  if (['healthz', 'livez', 'readyz'].includes(path)) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    return void res.end('ok');
  }
  const user = authenticate(req.headers.authorization, ctx.tokens);
  if (!user) throw unauthorized();
  if (segments[0] === TEST_CONTROL_PREFIX && segments[1] === OPEN_STREAMS_SEGMENT && segments.length === 2)
    return serveOpenStreams(ctx.testClock, req.method ?? 'GET', ctx.streams, res);
  if (segments[0] === TEST_CONTROL_PREFIX) return serveTestControl(ctx.testClock, ctx.faults, user, url, req, res);
  if (req.method === 'GET' && serveDiscovery(ctx, segments, req, res)) return;
  const parsed = parseResource(ctx, segments);
  if (!parsed) throw pathNotFound();
  const query = queryOf(url);
  const verb = verbOf(req.method ?? 'GET', { ...parsed, query });
  if (!verb) throw methodNotAllowed();
  const { type, namespace, name, subresource } = parsed;
  if (!authorize(user, { verb, group: type.group, resource: type.resource, subresource, namespace, namespaced: type.namespaced })) {
    throw forbidden(user, verb, type.group, type.resource, namespace, name, subresource);
  }
  await serveResource(ctx, { ...parsed, query, user, req, res }, verb);
}

/** The request listener of the API server. */
export function apiHandler(ctx: ApiContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      const status = error instanceof StatusError ? error : internalError((error as Error).message);
      if (!(error instanceof StatusError)) console.error(`[cluster] ${req.method} ${req.url}: ${(error as Error).stack}`);
      if (res.headersSent) return void res.end();
      sendStatus(res, status);
    });
  };
}
