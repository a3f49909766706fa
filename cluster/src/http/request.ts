// Small HTTP helpers: read a body (bounded), answer JSON or a Status, and read what the client
// accepts (kubectl asks for Table, aggregated discovery, or protobuf with JSON as the fallback).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, StatusError, type Status } from './status';

const MAX_BODY = 8 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(badRequest(`the request body is too large: more than ${MAX_BODY} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    ...headers,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendStatus(res: ServerResponse, error: StatusError | Status): void {
  const status = error instanceof StatusError ? error.status : error;
  sendJson(res, status.code, status);
}

export interface MediaType {
  type: string;
  params: Record<string, string>;
}

/** The media types of an Accept header, in the client's order. */
export function acceptedTypes(accept: string | undefined): MediaType[] {
  return (accept ?? '*/*').split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    return {
      type: type.toLowerCase(),
      params: Object.fromEntries(params.map((p) => p.split('=').map((s) => s.trim()) as [string, string])),
    };
  });
}

/** Whether the client asks for an object of `as` (Table, APIGroupDiscoveryList, ...) in group `g`, among JSON answers. */
export function wants(accept: string | undefined, as: string, group: string, versions: string[]): string | undefined {
  for (const media of acceptedTypes(accept)) {
    if (media.type !== 'application/json' && media.type !== '*/*') continue;
    if (media.params.as === as && media.params.g === group && versions.includes(media.params.v)) return media.params.v;
    // The first plain JSON answer the client takes ends the search: the client prefers it.
    if (!media.params.as && media.type === 'application/json') return undefined;
  }
  return undefined;
}

/** Query parameters as a map (the last value wins). */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

export function booleanParam(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

export function integerParam(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badRequest(`invalid ${name}: "${value}" is not an integer`);
  return n;
}
