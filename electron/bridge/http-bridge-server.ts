import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type ApiResult } from '../../shared/api/api-result';
import { isApiMethod, type IndexChange } from '../../shared/api/contract';
import { createBridgeToken, tokenMatches } from './bridge-token';
import { readJsonBody } from './read-json-body';
import { isJsonContentType, refuseForeignRequest, refuseWithoutToken, type Refusal } from './request-guard';
import { SECURITY_HEADERS } from './security-headers';
import { sessionCookieName, setCookieHeader, withoutToken, type SessionCookie } from './session-cookie';
import { SseChannel } from './sse-channel';
import { NOT_BUILT_PAGE, resolveStaticPath } from './static-files';

/** The only interface the server listens on: the bridge is for the browser on this machine. */
export const LOOPBACK = '127.0.0.1';

/** What the server serves: an opened folder's API and its change notices (a FolderInspector). */
export interface BridgeTarget {
  readonly service: { call(method: string, request: unknown): Promise<ApiResult<unknown>> };
  onChange(listener: (change: IndexChange) => void): () => void;
}

/** How to start the server. */
export interface HttpBridgeServerOptions {
  readonly target: BridgeTarget;
  /** The secret every API request must carry. */
  readonly token: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built renderer (dist/renderer); files are served from strictly inside it. */
  readonly staticRoot: string;
  /** Interval of the event stream's keep-alive comment (15 s). */
  readonly keepAliveMs?: number;
}

const EVENTS_PATH = '/api/events';

/**
 * The browser bridge: serves the built renderer and the API contract over HTTP
 * on 127.0.0.1 only. `POST /api/<method>` forwards the JSON body to the
 * InspectorService (which validates it) and answers with its envelope;
 * `GET /api/events` streams change notices. Every API request needs the token,
 * or the session cookie a page of this server got for it (see startSession);
 * requests from other hosts, origins or sites are refused first.
 */
export class HttpBridgeServer {
  private readonly events: SseChannel;
  private readonly unsubscribe: () => void;
  private readonly session: SessionCookie;

  private constructor(
    private readonly server: Server,
    private readonly options: HttpBridgeServerOptions,
  ) {
    this.events = new SseChannel({ keepAliveMs: options.keepAliveMs });
    this.session = { name: sessionCookieName(this.port), value: createBridgeToken() };
    this.unsubscribe = options.target.onChange((change) => this.events.broadcast(change));
  }

  /** Starts listening on 127.0.0.1; resolves once the port is bound. */
  static async start(options: HttpBridgeServerOptions): Promise<HttpBridgeServer> {
    const server = createServer();
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, LOOPBACK, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    const bridge = new HttpBridgeServer(server, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      bridge.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendText(response, 500, 'internal error');
        else response.destroy(error instanceof Error ? error : undefined);
      });
    });
    return bridge;
  }

  /** The bound port. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The URL to open, token included. */
  get url(): string {
    return `http://${LOOPBACK}:${this.port}/?token=${this.options.token}`;
  }

  /** The number of open event streams. */
  get eventStreams(): number {
    return this.events.size;
  }

  /** Ends the event streams, drops every connection and stops listening. */
  async close(): Promise<void> {
    this.unsubscribe();
    this.events.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? '';
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const api = path === '/api' || path.startsWith('/api/');
    const foreign = refuseForeignRequest(request.headers, this.port, api);
    if (foreign) return api ? sendRefusal(response, foreign) : sendText(response, foreign.status, foreign.message);
    const queryToken = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)).get('token');
    if (!api && queryToken !== null && (request.method === 'GET' || request.method === 'HEAD')) return this.startSession(response, target, queryToken);
    if (!api) return this.serveStatic(request, response, path);
    if (path === EVENTS_PATH) {
      const unauthorized = refuseWithoutToken(this.options.token, request.headers, queryToken, this.session);
      if (unauthorized) return sendRefusal(response, unauthorized);
      if (request.method !== 'GET') return sendEnvelope(response, 405, fail('invalid_request', 'the event stream is read with GET'), { Allow: 'GET' });
      if (!this.events.accept(response)) sendEnvelope(response, 503, fail('internal', 'too many event streams are open'));
      return;
    }
    const unauthorized = refuseWithoutToken(this.options.token, request.headers, null, this.session);
    if (unauthorized) return sendRefusal(response, unauthorized);
    if (request.method !== 'POST') return sendEnvelope(response, 405, fail('invalid_request', 'API methods are called with POST'), { Allow: 'POST' });
    const method = path.slice('/api/'.length);
    if (!isApiMethod(method)) return sendEnvelope(response, 404, fail('not_found', `unknown method ${JSON.stringify(method.slice(0, 100))}`));
    if (!isJsonContentType(request.headers['content-type'])) return sendEnvelope(response, 415, fail('invalid_request', 'the body must be application/json'));
    const body = await readJsonBody(request);
    if (body.kind === 'too-large') return sendEnvelope(response, 413, fail('invalid_request', 'the body is larger than 1 MiB'), { Connection: 'close' });
    if (body.kind === 'invalid') return sendEnvelope(response, 400, fail('invalid_request', body.message));
    const result = await this.options.target.service.call(method, body.value);
    sendEnvelope(response, statusOf(result), result);
  }

  /**
   * A page opened with `?token=`: the right token becomes the session cookie,
   * and either way the browser is sent to the same address without it, so the
   * token leaves the address bar before the page runs and is never in history.
   * A wrong token sets nothing; the page then explains how to connect.
   */
  private startSession(response: ServerResponse, target: string, queryToken: string): void {
    const cookie: Record<string, string> = tokenMatches(this.options.token, queryToken) ? { 'Set-Cookie': setCookieHeader(this.session) } : {};
    sendText(response, 303, 'see other', { ...cookie, Location: withoutToken(target) });
  }

  private serveStatic(request: IncomingMessage, response: ServerResponse, path: string): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    const file = resolveStaticPath(this.options.staticRoot, path);
    if (file.kind === 'not-found') return sendText(response, 404, 'not found');
    if (file.kind === 'not-built') return sendBody(response, 200, 'text/html; charset=utf-8', NOT_BUILT_PAGE, request.method === 'HEAD');
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    if (request.method === 'HEAD') return void response.end();
    const stream = createReadStream(file.path);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }
}

/**
 * The HTTP status of an API answer: 200 for a value and for typed failures the
 * page handles as data, except the ones HTTP has a word for.
 */
export function statusOf(result: ApiResult<unknown>): number {
  if (result.ok) return 200;
  switch (result.error.code) {
    case 'invalid_request':
      return 400;
    case 'not_found':
      return 404;
    case 'unauthorized':
      return 401;
    default:
      return 200;
  }
}

function sendRefusal(response: ServerResponse, refusal: Refusal): void {
  sendEnvelope(response, refusal.status, fail('unauthorized', refusal.message), refusal.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
}

function sendEnvelope(response: ServerResponse, status: number, result: ApiResult<unknown>, headers: Record<string, string> = {}): void {
  sendBody(response, status, 'application/json; charset=utf-8', JSON.stringify(result), false, headers);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  sendBody(response, status, 'text/plain; charset=utf-8', `${text}\n`, false, headers);
}

function sendBody(response: ServerResponse, status: number, contentType: string, body: string, headOnly: boolean, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': contentType, 'Content-Length': String(bytes.length), 'Cache-Control': 'no-store' });
  response.end(headOnly ? undefined : bytes);
}
