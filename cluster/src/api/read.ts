// GET of one object and of lists: selectors, paging, and Table or PartialObjectMetadata when the
// client asks for them instead of the objects.
import { badRequest, notFound } from '../http/status';
import { sendJson, wants } from '../http/request';
import { decodeContinue, expiredContinue, page } from '../store/paging';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from '../store/selectors';
import { clone, type KubeObject } from '../store/object';
import { printerFor, toTable, type IncludeObject } from '../table/table';
import { atVersion, type ApiContext, type ResourceRequest } from './context';
import { apiVersionOf } from './resource-types';

/** The objects a list or watch request selects, by its label and field selectors. */
export function selection(request: ResourceRequest): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(request.query.labelSelector ?? '');
  const fields = parseFieldSelector(request.query.fieldSelector ?? '', request.type.key, request.type.custom);
  return (object) => matchesLabels(labels, object.metadata.labels) && matchesFields(fields, object);
}

function includeObject(request: ResourceRequest): IncludeObject {
  const value = request.query.includeObject ?? 'Metadata';
  if (!['None', 'Metadata', 'Object'].includes(value))
    throw badRequest(`includeObject: Unsupported value: "${value}": supported values: "None", "Metadata", "Object"`);
  return value as IncludeObject;
}

/** What the client wants back: a Table, partial metadata, or the objects themselves. */
export function answerFormat(request: ResourceRequest): 'Table' | 'Partial' | 'Object' {
  const accept = request.req.headers.accept;
  if (wants(accept, 'Table', 'meta.k8s.io', ['v1', 'v1beta1'])) return 'Table';
  if (wants(accept, request.name ? 'PartialObjectMetadata' : 'PartialObjectMetadataList', 'meta.k8s.io', ['v1', 'v1beta1']))
    return 'Partial';
  return 'Object';
}

function partial(object: KubeObject) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export function getObject(ctx: ApiContext, request: ResourceRequest): void {
  const { type, namespace, name } = request;
  const object = ctx.sim.store.get(type.key, namespace, name as string);
  if (!object) throw notFound(type.group, type.resource, name as string);
  const format = answerFormat(request);
  const served = atVersion(request, object);
  if (format === 'Table')
    return sendJson(
      request.res,
      200,
      toTable(printerFor(type, request.version), [served], ctx.sim.clock.now(), includeObject(request), {
        resourceVersion: object.metadata.resourceVersion,
      }),
    );
  sendJson(request.res, 200, format === 'Partial' ? partial(served) : served);
}

export function listObjects(ctx: ApiContext, request: ResourceRequest): void {
  const { type } = request;
  const store = ctx.sim.store;
  const limit = request.query.limit ? Number(request.query.limit) : undefined;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw badRequest(`invalid limit: "${request.query.limit}"`);
  let rv = store.resourceVersion;
  let after: string | undefined;
  if (request.query.continue) {
    const token = decodeContinue(request.query.continue);
    if (token.rv < store.compactedRevision) throw expiredContinue();
    rv = token.rv;
    after = token.start;
  }
  const selected = selection(request);
  const objects = store.view(type.key, request.namespace).filter(selected);
  const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const result = page(objects, keyOf, limit, after, rv);
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (result.continue) metadata.continue = result.continue;
  // The real server counts the rest only when no selector filters it.
  if (result.remaining !== undefined && !request.query.labelSelector && !request.query.fieldSelector)
    metadata.remainingItemCount = result.remaining;
  const items = result.items.map((o) => atVersion(request, clone(o)));
  const format = answerFormat(request);
  if (format === 'Table')
    return sendJson(
      request.res,
      200,
      toTable(printerFor(type, request.version), items, ctx.sim.clock.now(), includeObject(request), metadata),
    );
  if (format === 'Partial')
    return sendJson(request.res, 200, {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      items: items.map(partial),
    });
  sendJson(request.res, 200, { kind: type.listKind, apiVersion: apiVersionOf(type.group, request.version), metadata, items });
}
