// Writes: POST (create), PUT (replace), PATCH (server-side apply, merge and strategic merge
// patches) and DELETE, each validated, defaulted, recorded in managedFields and stored, or, with
// dryRun=All, answered without being stored.
import { mergeValue, recordUpdate, serverSideApply } from '../apply/merge';
import { readBody, sendJson, booleanParam, integerParam } from '../http/request';
import { alreadyExists, badRequest, conflict, invalid, notFound, unsupportedMediaType } from '../http/status';
import { clone, deepEqual, isPlainObject, timestamp, type KubeObject } from '../store/object';
import { withDefaults } from '../sim/defaults';
import { deleteObject, type PropagationPolicy } from '../sim/deletion';
import { admit, checkIdentity, fieldValidation, parseObject, warningHeaders } from './admission';
import { atVersion, type ApiContext, type ResourceRequest } from './context';
import { apiVersionOf } from './resource-types';
import { selection } from './read';

function dryRun(request: ResourceRequest): boolean {
  const value = request.query.dryRun;
  if (value !== undefined && value !== 'All')
    throw invalid('meta.k8s.io', 'PatchOptions', '', [
      { reason: 'FieldValueNotSupported', field: 'dryRun', message: `Unsupported value: "${value}": supported values: "All"` },
    ]);
  return value === 'All';
}

function managerOf(request: ResourceRequest, fallback: string): string {
  const manager = request.query.fieldManager || String(request.req.headers['user-agent'] ?? fallback).split('/')[0] || fallback;
  if (manager.length > 128)
    throw invalid('meta.k8s.io', 'PatchOptions', '', [
      { reason: 'FieldValueTooLong', field: 'fieldManager', message: 'Too long: may not be more than 128 bytes' },
    ]);
  return manager;
}

/** Spec changed (anything but metadata and status): the generation moves on. */
function bumpGeneration(before: KubeObject, after: KubeObject): void {
  const { metadata: _a, status: _b, ...x } = before;
  const { metadata: _c, status: _d, ...y } = after;
  after.metadata.generation = (before.metadata.generation ?? 1) + (deepEqual(x, y) ? 0 : 1);
}

function store(
  ctx: ApiContext,
  request: ResourceRequest,
  before: KubeObject | undefined,
  after: KubeObject,
  warnings: string[],
  dry: boolean,
): void {
  const { type } = request;
  if (!before) {
    withDefaults(type.key, after, ctx.sim.random);
    after.metadata.creationTimestamp ??= timestamp(ctx.sim.clock.now());
    after.metadata.generation = 1;
    delete after.metadata.resourceVersion;
    if (ctx.sim.store.get(type.key, after.metadata.namespace, after.metadata.name))
      throw alreadyExists(type.group, type.resource, after.metadata.name);
    const created = dry ? after : ctx.sim.store.create(type.key, after);
    return sendJson(request.res, 201, atVersion(request, created), warningHeaders(warnings));
  }
  after.metadata.uid = before.metadata.uid;
  after.metadata.creationTimestamp = before.metadata.creationTimestamp;
  const saved = dry ? after : ctx.sim.store.update(type.key, after);
  sendJson(request.res, 200, atVersion(request, saved), warningHeaders(warnings));
}

export async function createObject(ctx: ApiContext, request: ResourceRequest): Promise<void> {
  const body = parseObject(
    await readBody(request.req),
    /yaml/.test(String(request.req.headers['content-type'])),
    String(request.req.headers['content-type'] ?? ''),
  );
  const object = checkIdentity(request, body);
  if (!object.metadata.name && object.metadata.generateName)
    object.metadata.name = `${object.metadata.generateName}${ctx.sim.random.suffix()}`;
  const mode = fieldValidation(request);
  const dry = dryRun(request);
  const warnings = admit(ctx, request, object, clone(object), mode, false);
  if (ctx.sim.store.get(request.type.key, object.metadata.namespace, object.metadata.name))
    throw alreadyExists(request.type.group, request.type.resource, object.metadata.name);
  recordUpdate(undefined, object, managerOf(request, 'unknown'), object.apiVersion, timestamp(ctx.sim.clock.now()));
  store(ctx, request, undefined, object, warnings, dry);
}

export async function replaceObject(ctx: ApiContext, request: ResourceRequest): Promise<void> {
  const { type } = request;
  const body = parseObject(
    await readBody(request.req),
    /yaml/.test(String(request.req.headers['content-type'])),
    String(request.req.headers['content-type'] ?? ''),
  );
  const object = checkIdentity(request, body);
  const before = ctx.sim.store.get(type.key, request.namespace, request.name as string);
  if (!before) throw notFound(type.group, type.resource, request.name as string);
  const rv = object.metadata.resourceVersion;
  if (rv && rv !== before.metadata.resourceVersion)
    throw conflict(
      type.group,
      type.resource,
      object.metadata.name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  const mode = fieldValidation(request);
  const dry = dryRun(request);
  if (request.subresource === 'status') object.spec = before.spec;
  else if (type.subresources.includes('status')) object.status = before.status;
  const warnings = admit(ctx, request, object, clone(object), mode, false);
  bumpGeneration(before, object);
  recordUpdate(before, object, managerOf(request, 'unknown'), object.apiVersion, timestamp(ctx.sim.clock.now()));
  store(ctx, request, before, object, warnings, dry);
}

/** RFC 7386 merge patch, with keyed lists (containers by name) merged item by item as strategic merge does. */
function applyMergePatch(target: unknown, patch: unknown, strategic: boolean, name = ''): unknown {
  if (!isPlainObject(patch))
    return strategic && Array.isArray(patch) && Array.isArray(target) ? mergeValue(target, patch, name) : clone(patch);
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value, strategic, key);
  }
  return result;
}

export async function patchObject(ctx: ApiContext, request: ResourceRequest): Promise<void> {
  const { type } = request;
  const contentType = String(request.req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  if (contentType === 'application/apply-patch+yaml') return applyObject(ctx, request);
  if (contentType !== 'application/merge-patch+json' && contentType !== 'application/strategic-merge-patch+json')
    throw unsupportedMediaType(contentType);
  const patch = parseObject(await readBody(request.req), false);
  const before = ctx.sim.store.get(type.key, request.namespace, request.name as string);
  if (!before) throw notFound(type.group, type.resource, request.name as string);
  const mode = fieldValidation(request);
  const dry = dryRun(request);
  const served = atVersion(request, before);
  const after = applyMergePatch(served, patch, contentType.includes('strategic')) as KubeObject;
  after.metadata.name = before.metadata.name;
  after.metadata.namespace = before.metadata.namespace;
  if (request.subresource === 'status') after.spec = before.spec;
  else if (type.subresources.includes('status')) after.status = before.status;
  const warnings = admit(ctx, request, after, clone(after), mode, false);
  bumpGeneration(before, after);
  recordUpdate(before, after, managerOf(request, 'unknown'), after.apiVersion, timestamp(ctx.sim.clock.now()));
  store(ctx, request, before, after, warnings, dry);
}

async function applyObject(ctx: ApiContext, request: ResourceRequest): Promise<void> {
  const { type } = request;
  if (!request.query.fieldManager)
    throw invalid('meta.k8s.io', 'PatchOptions', '', [
      { reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' },
    ]);
  const manager = managerOf(request, 'unknown');
  const config = checkIdentity(request, parseObject(await readBody(request.req), true));
  const mode = fieldValidation(request);
  const dry = dryRun(request);
  const force = booleanParam(request.query.force);
  const live = ctx.sim.store.get(type.key, request.namespace, request.name as string);
  const served = live ? atVersion(request, live) : undefined;
  const configCopy = clone(config);
  const merged = serverSideApply({
    live: served,
    config: configCopy,
    manager,
    apiVersion: apiVersionOf(type.group, request.version),
    force,
    time: timestamp(ctx.sim.clock.now()),
  });
  if (live) merged.status = live.status;
  else delete merged.status;
  const warnings = admit(ctx, request, merged, config, mode, true);
  if (live) bumpGeneration(live, merged);
  store(ctx, request, live, merged, warnings, dry);
}

function propagation(request: ResourceRequest, body: Record<string, unknown>): PropagationPolicy {
  const value = (body.propagationPolicy ?? request.query.propagationPolicy) as string | undefined;
  if (body.orphanDependents === true || request.query.orphanDependents === 'true') return 'Orphan';
  if (value === undefined) return request.type.key === 'batch/jobs' ? 'Orphan' : 'Background';
  if (value !== 'Background' && value !== 'Foreground' && value !== 'Orphan')
    throw badRequest(
      `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${value}": supported ` +
        `values: "Foreground", "Background", "Orphan"`,
    );
  return value;
}

async function deleteOptions(request: ResourceRequest): Promise<Record<string, unknown>> {
  const text = await readBody(request.req);
  return text.trim() ? parseObject(text, false) : {};
}

export async function deleteOne(ctx: ApiContext, request: ResourceRequest): Promise<void> {
  const { type } = request;
  const options = await deleteOptions(request);
  const policy = propagation(request, options);
  const grace = (options.gracePeriodSeconds as number | undefined) ?? integerParam('gracePeriodSeconds', request.query.gracePeriodSeconds);
  const object = ctx.sim.store.get(type.key, request.namespace, request.name as string);
  if (!object) throw notFound(type.group, type.resource, request.name as string);
  const preconditionUid = (options.preconditions as { uid?: string } | undefined)?.uid;
  if (preconditionUid && preconditionUid !== object.metadata.uid)
    throw conflict(
      type.group,
      type.resource,
      object.metadata.name,
      `Precondition failed: UID in precondition: ${preconditionUid}, UID in object meta: ${object.metadata.uid}`,
    );
  if ((options.dryRun as string[] | undefined)?.includes('All') || dryRun(request))
    return sendJson(request.res, 200, atVersion(request, object));
  if (type.key === '/namespaces') return deleteNamespace(ctx, request, object);
  const result = deleteObject(ctx.sim.store, ctx.sim.clock, type.key, object, policy, grace);
  sendJson(request.res, 200, atVersion(request, result ?? object));
}

/** Deleting a namespace deletes everything in it, then the namespace. */
function deleteNamespace(ctx: ApiContext, request: ResourceRequest, namespace: KubeObject): void {
  const name = namespace.metadata.name;
  const terminating = ctx.sim.store.mutate('/namespaces', undefined, name, (ns) => {
    ns.metadata.deletionTimestamp = timestamp(ctx.sim.clock.now());
    ns.status = { phase: 'Terminating' };
  });
  for (const type of ctx.types.all.filter((t) => t.namespaced)) {
    for (const object of ctx.sim.store.list(type.key, name)) ctx.sim.store.remove(type.key, name, object.metadata.name);
  }
  ctx.sim.store.remove('/namespaces', undefined, name);
  sendJson(request.res, 200, atVersion(request, terminating ?? namespace));
}

export async function deleteCollection(ctx: ApiContext, request: ResourceRequest): Promise<void> {
  const { type } = request;
  const options = await deleteOptions(request);
  const policy = propagation(request, options);
  const selected = selection(request);
  const deleted = ctx.sim.store.list(type.key, request.namespace).filter(selected);
  if (!dryRun(request)) for (const object of deleted) deleteObject(ctx.sim.store, ctx.sim.clock, type.key, object, policy);
  sendJson(request.res, 200, {
    kind: type.listKind,
    apiVersion: apiVersionOf(type.group, request.version),
    metadata: { resourceVersion: String(ctx.sim.store.resourceVersion) },
    items: deleted.map((o) => atVersion(request, o)),
  });
}
