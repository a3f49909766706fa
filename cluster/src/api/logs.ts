// Pod logs (`/api/v1/namespaces/NS/pods/NAME/log`): a container's current or previous run, with
// `tailLines`, `sinceSeconds`, `sinceTime` (in whole seconds, as the kubelet gets it), `timestamps`,
// `limitBytes`, and `follow`, which keeps the response open and ends it when the container ends.
// Errors read as the real server's. A test cluster's faults (http/log-faults.ts) cut responses.
import { badRequest, notFound } from '../http/status';
import { booleanParam, integerParam } from '../http/request';
import type { LogLine } from '../sim/log-store';
import type { ApiContext, ResourceRequest } from './context';

/* eslint-disable @typescript-eslint/no-explicit-any -- statuses are read as JSON */

/** RFC 3339 with nanoseconds, as the container runtime stamps lines. */
function nanoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function podLogs(ctx: ApiContext, request: ResourceRequest): void {
  const { namespace, name, query, res } = request;
  const pod = ctx.sim.store.get('/pods', namespace, name as string);
  if (!pod) throw notFound('', 'pods', name as string);
  const containers: string[] = (pod.spec?.containers ?? []).map((c: any) => c.name);
  let container = query.container;
  if (!container) {
    if (containers.length !== 1)
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`);
    container = containers[0];
  }
  if (!containers.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  const status = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === container);
  const previous = booleanParam(query.previous);
  const uid = pod.metadata.uid as string;
  const run = ctx.sim.logs.run(uid, container, previous ? 1 : 0);
  if (previous && (!run || !status?.restartCount))
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  if (!run) {
    if (!pod.spec?.nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
    throw badRequest(
      `container "${container}" in pod "${name}" is waiting to start: ${status?.state?.waiting?.reason ?? 'ContainerCreating'}`,
    );
  }
  const tail = integerParam('tailLines', query.tailLines);
  const sinceSeconds = integerParam('sinceSeconds', query.sinceSeconds);
  const limitBytes = integerParam('limitBytes', query.limitBytes);
  if (query.sinceTime && Number.isNaN(Date.parse(query.sinceTime)))
    throw badRequest(`sinceTime: Invalid value: "${query.sinceTime}": must be an RFC3339 time`);
  // The API server hands sinceTime to the kubelet in whole seconds (metav1.Time as a query
  // parameter): the lines of that whole second come, whatever fraction the client sent.
  const since = query.sinceTime
    ? Math.floor(Date.parse(query.sinceTime) / 1000) * 1000
    : sinceSeconds !== undefined
      ? ctx.sim.clock.now() - sinceSeconds * 1000
      : -Infinity;
  const timestamps = booleanParam(query.timestamps);
  const follow = booleanParam(query.follow);
  const refusal = ctx.faults?.refusal();
  if (refusal) throw refusal;
  const cut = ctx.faults?.cut(follow && !previous);
  const format = (line: LogLine) => `${timestamps ? `${nanoTime(line.time)} ` : ''}${line.text}\n`;
  let lines = run.lines.filter((l) => l.time >= since);
  if (tail !== undefined && tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  let budget = limitBytes !== undefined && limitBytes > 0 ? limitBytes : Infinity;
  let written = 0;
  let corked = false;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  let dropped = false;
  const done = () => dropped || res.destroyed || res.writableEnded;
  /** Writes a line; false once the response is done (limitBytes reached, or a fault cut it). */
  const write = (text: string): boolean => {
    if (budget <= 0 || done()) return false;
    let chunk = Buffer.from(text).subarray(0, budget);
    budget -= chunk.length;
    if (!corked) {
      // Lines printed together leave in one chunk.
      corked = true;
      res.cork();
      process.nextTick(() => {
        corked = false;
        res.uncork();
      });
    }
    if (cut && written + chunk.length >= cut.afterBytes) {
      chunk = chunk.subarray(0, cut.afterBytes - written);
      if (chunk.length) res.write(chunk);
      ctx.faults?.cutMade(cut);
      // A clean end, as the kubelet ends a stream at its limit; or the connection dropped mid-body.
      if (cut.clean) res.end();
      else {
        dropped = true;
        res.socket?.end();
      }
      return false;
    }
    written += chunk.length;
    res.write(chunk);
    return budget > 0;
  };
  for (const line of lines) if (!write(format(line))) return void (done() || res.end());
  if (!follow || previous || run.ended) return void res.end();
  ctx.streams.add(res);
  const stop = ctx.sim.logs.follow(uid, container, (line) => {
    if (line === 'end' || !write(format(line))) {
      stop();
      ctx.streams.delete(res);
      if (!done()) res.end();
    }
  });
  request.req.on('close', () => {
    stop();
    ctx.streams.delete(res);
  });
}
