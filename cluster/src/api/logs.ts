// Pod logs (`/api/v1/namespaces/NS/pods/NAME/log`): a container's current or previous run, with
// `tailLines`, `sinceSeconds`, `sinceTime`, `timestamps`, `limitBytes`, and `follow`, which keeps
// the response open and ends it when the container ends. Errors read as the real server's.
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
  const since = query.sinceTime
    ? Date.parse(query.sinceTime)
    : sinceSeconds !== undefined
      ? ctx.sim.clock.now() - sinceSeconds * 1000
      : -Infinity;
  const timestamps = booleanParam(query.timestamps);
  const format = (line: LogLine) => `${timestamps ? `${nanoTime(line.time)} ` : ''}${line.text}\n`;
  let lines = run.lines.filter((l) => l.time >= since);
  if (tail !== undefined && tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
  let budget = limitBytes !== undefined && limitBytes > 0 ? limitBytes : Infinity;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  const write = (text: string): boolean => {
    if (budget <= 0) return false;
    const chunk = Buffer.from(text).subarray(0, budget);
    budget -= chunk.length;
    res.write(chunk);
    return budget > 0;
  };
  for (const line of lines) if (!write(format(line))) return void res.end();
  if (!booleanParam(query.follow) || previous || run.ended) return void res.end();
  ctx.streams.add(res);
  const stop = ctx.sim.logs.follow(uid, container, (line) => {
    if (line === 'end' || !write(format(line))) {
      stop();
      ctx.streams.delete(res);
      res.end();
    }
  });
  request.req.on('close', () => {
    stop();
    ctx.streams.delete(res);
  });
}
