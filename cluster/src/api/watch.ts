// Watches: a stream of newline-delimited JSON events (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR).
// Without a resourceVersion (or "0") the current objects come first as ADDED; with one, the kept
// changes after it; one older than the kept window gets an ERROR event with 410 Expired.
import { integerParam, booleanParam } from '../http/request';
import { badRequest } from '../http/status';
import type { KubeObject } from '../store/object';
import type { Change, ChangeType } from '../store/store';
import { printerFor, toTable } from '../table/table';
import { atVersion, type ApiContext, type ResourceRequest } from './context';
import { answerFormat, selection } from './read';
import { apiVersionOf } from './resource-types';

export function watchObjects(ctx: ApiContext, request: ResourceRequest): void {
  const { type, res } = request;
  const store = ctx.sim.store;
  const selected = selection(request);
  const inScope = (o: KubeObject) =>
    (request.namespace === undefined || o.metadata.namespace === request.namespace) &&
    (!request.name || o.metadata.name === request.name) &&
    selected(o);
  const timeoutSeconds = integerParam('timeoutSeconds', request.query.timeoutSeconds);
  const rvText = request.query.resourceVersion;
  if (rvText !== undefined && rvText !== '' && !/^\d+$/.test(rvText))
    throw badRequest(`resourceVersion: Invalid value: "${rvText}": must be a non-negative integer`);
  const table = answerFormat(request) === 'Table';
  const printer = printerFor(type, request.version);
  const asEvent = (eventType: ChangeType, object: KubeObject) => {
    const served = atVersion(request, object);
    const payload = table
      ? toTable(printer, [served], ctx.sim.clock.now(), 'Metadata', { resourceVersion: object.metadata.resourceVersion })
      : served;
    return `${JSON.stringify({ type: eventType, object: payload })}\n`;
  };

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  ctx.streams.add(res);
  const pending: Change[] = [];
  let replaying = true;
  const stopListening = store.onChange((change) => {
    if (change.resource !== type.key) return;
    if (replaying) pending.push(change);
    else if (inScope(change.object)) res.write(asEvent(change.type, change.object));
  });
  const timers: NodeJS.Timeout[] = [];
  const finish = () => {
    stopListening();
    timers.forEach((t) => clearTimeout(t));
    ctx.streams.delete(res);
    if (!res.writableEnded) res.end();
  };
  request.req.on('close', finish);
  res.on('close', finish);

  let from = store.resourceVersion;
  if (!rvText || rvText === '0') {
    for (const object of store.list(type.key, request.namespace).filter(inScope)) res.write(asEvent('ADDED', object));
  } else {
    const changes = store.changesSince(type.key, Number(rvText));
    if (changes === 'expired') {
      const status = {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `too old resource version: ${rvText} (${store.compactedRevision + 1})`,
        reason: 'Expired',
        code: 410,
      };
      res.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
      return finish();
    }
    for (const change of changes) if (inScope(change.object)) res.write(asEvent(change.type, change.object));
    from = Math.max(from, ...changes.map((c) => c.resourceVersion));
  }
  replaying = false;
  for (const change of pending) if (change.resourceVersion > from && inScope(change.object)) res.write(asEvent(change.type, change.object));

  if (booleanParam(request.query.allowWatchBookmarks)) {
    const bookmark = () => {
      const object = {
        kind: type.kind,
        apiVersion: apiVersionOf(type.group, request.version),
        metadata: { resourceVersion: String(store.resourceVersion) },
      };
      res.write(`${JSON.stringify({ type: 'BOOKMARK', object })}\n`);
      timers.push(setTimeout(bookmark, ctx.bookmarkMs).unref());
    };
    timers.push(setTimeout(bookmark, ctx.bookmarkMs).unref());
  }
  if (timeoutSeconds !== undefined && timeoutSeconds > 0) timers.push(setTimeout(finish, timeoutSeconds * 1000).unref());
}
