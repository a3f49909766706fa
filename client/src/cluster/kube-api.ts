// Requests to one context's API server. @kubernetes/client-node's KubeConfig applies the
// context's credentials (token, client certificate, exec plugin, CA, proxy) to each request and
// its Watch streams watch events; bodies are read here as plain JSON, so that objects look the same
// from a list and from a watch and a failure keeps the server's Status message, or as a stream
// (pod logs) that the caller can cancel. Nothing here logs a header, a token or a certificate.
import * as http from 'node:http';
import * as https from 'node:https';
import { ClusterError, errorFromNetwork, errorFromResponse, toClusterError } from './errors';
import type { Transport, WatchQuery } from './informer';
import type { WatchEvent } from './object-store';
import type { ListPage, ListQuery } from './paging';
import type { KubeConfig, Library } from './library';

export interface RequestCounters {
  requests: number;
  lists: number;
  watches: number;
}

/** A list's or watch's label and field selectors, as the API takes them. */
export interface Selectors {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: string;
  contentType?: string;
  timeoutMs?: number;
}

export interface StreamOptions extends RequestOptions {
  /** Aborting it cancels the request: before the answer, or while the body streams. */
  signal?: AbortSignal;
}

/**
 * A response body read as it arrives. Iterating ends when the server ends the body or on cancel,
 * and throws a ClusterError when the connection is lost. Read it to its end or cancel it: a stream
 * left alone keeps its connection open.
 */
export interface ResponseStream extends AsyncIterable<Buffer> {
  readonly status: number;
  readonly contentType: string | undefined;
  /** Closes the connection; iteration then ends without an error. */
  cancel(): void;
  /** Resolves once the connection is closed, whoever closed it. */
  readonly closed: Promise<void>;
}

const USER_AGENT = 'mlinfra-vscode';

interface Prepared {
  url: URL;
  requestOptions: https.RequestOptions;
}

function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' });
}

/** Cancelled by the caller: not the cluster's failure. */
export function cancelledError(): ClusterError {
  return new ClusterError('the request was cancelled', 'cancelled');
}

export class KubeApi {
  constructor(
    private readonly config: KubeConfig,
    private readonly WatchClass: Library['Watch'],
    readonly counters: RequestCounters,
  ) {}

  get server(): string {
    return this.config.getCurrentCluster()?.server ?? '(no server)';
  }

  url(path: string, query: RequestOptions['query'] = {}): URL {
    const url = new URL(this.server.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  /** The URL and options of a request, with the context's credentials applied. */
  private async prepare(method: string, path: string, options: RequestOptions, accept: string): Promise<Prepared> {
    this.counters.requests++;
    const headers: Record<string, string> = { Accept: accept, 'User-Agent': USER_AGENT };
    if (options.contentType) headers['Content-Type'] = options.contentType;
    // Node sends a DELETE body neither chunked nor with a length unless told its length.
    if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const requestOptions: https.RequestOptions = { method, headers };
    try {
      const url = this.url(path, options.query);
      // Runs the context's exec plugin or auth provider if it has one: only ever on a request.
      await this.config.applyToHTTPSOptions(requestOptions);
      return { url, requestOptions };
    } catch (error) {
      throw toClusterError(error, this.server);
    }
  }

  /** One request; resolves with the parsed JSON body, rejects with a ClusterError. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const { url, requestOptions } = await this.prepare(method, path, options, 'application/json');
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, requestOptions, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(errorFromNetwork(error, this.server)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(errorFromResponse(status, text, res.statusMessage));
          try {
            resolve(text ? JSON.parse(text) : undefined);
          } catch {
            reject(errorFromResponse(status, '', `the server answered ${path} with something other than JSON`));
          }
        });
      });
      const timeoutMs = options.timeoutMs ?? 30000;
      req.setTimeout(timeoutMs, () => req.destroy(timeoutError(timeoutMs)));
      req.on('error', (error) => reject(errorFromNetwork(error, this.server)));
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  /**
   * A request whose body is read as the server sends it (`follow=true` logs). Resolves once the
   * server answered a success; rejects with a ClusterError (a non-2xx answer: its Status message).
   * `options.timeoutMs` bounds the wait for the answer, not the body, which may stream for hours.
   */
  async stream(method: string, path: string, options: StreamOptions = {}): Promise<ResponseStream> {
    if (options.signal?.aborted) throw cancelledError();
    const { url, requestOptions } = await this.prepare(method, path, options, '*/*');
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, requestOptions);
      let cancelled = false;
      const cancel = () => {
        cancelled = true;
        req.destroy();
      };
      options.signal?.addEventListener('abort', cancel, { once: true });
      const closed = new Promise<void>((done) => req.once('close', () => done()));
      void closed.then(() => options.signal?.removeEventListener('abort', cancel));
      const server = this.server;
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => reject(errorFromResponse(status, Buffer.concat(chunks).toString('utf8'), res.statusMessage)));
          res.on('error', (error) => reject(cancelled ? cancelledError() : errorFromNetwork(error, server)));
          return;
        }
        // The answer came: from now on the body may be quiet for as long as the server likes.
        req.setTimeout(0);
        resolve({
          status,
          contentType: res.headers['content-type'],
          closed,
          cancel,
          async *[Symbol.asyncIterator]() {
            try {
              for await (const chunk of res) yield chunk as Buffer;
            } catch (error) {
              // Closed on purpose: the end of the stream, not a failure. A connection lost is one.
              if (!cancelled) throw errorFromNetwork(error, server);
            } finally {
              // A reader that stops early (break, throw) closes the connection.
              if (!res.complete) cancel();
            }
          },
        });
      });
      const timeoutMs = options.timeoutMs ?? 30000;
      req.setTimeout(timeoutMs, () => req.destroy(timeoutError(timeoutMs)));
      // After the answer, a failure reaches the reader through the body instead.
      req.on('error', (error) => reject(cancelled ? cancelledError() : errorFromNetwork(error, server)));
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  /**
   * List and watch of the collection at `path` (`/api/v1/namespaces/ml/pods`), narrowed by `selectors`
   * (`{ fieldSelector: 'involvedObject.kind=Pod' }`) when given.
   */
  transport(path: string, given: Selectors = {}): Transport {
    const selectors = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Selectors;
    return {
      list: async (query: ListQuery) => {
        this.counters.lists++;
        return (await this.request('GET', path, {
          query: { ...selectors, limit: query.limit, continue: query.continue },
        })) as ListPage;
      },
      watch: async (query: WatchQuery, onEvent: (event: WatchEvent) => void, onDone: (error?: unknown) => void) => {
        this.counters.watches++;
        const watch = new this.WatchClass(this.config);
        let ended = false;
        const done = (error?: unknown) => {
          if (ended) return;
          ended = true;
          onDone(error ?? undefined);
        };
        const controller = await watch.watch(
          path,
          { ...selectors, ...query },
          (type: string, object: unknown) => onEvent({ type, object } as WatchEvent),
          done,
        );
        return {
          stop: () => {
            ended = true;
            controller.abort();
          },
        };
      },
    };
  }
}
