import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderInspector } from '../../../electron/api/folder-inspector';
import { createBridgeToken } from '../../../electron/bridge/bridge-token';
import { HttpBridgeServer } from '../../../electron/bridge/http-bridge-server';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';

/** One exec-event line for a watched file. */
export function execLine(trace: string): string {
  return `{"trace_id":"${trace}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}\n`;
}

/** A `serve` server running in-process over a generated fixture folder, with a fake renderer build. */
export interface ServeHarness {
  readonly folder: string;
  /** A file the test can append to; it is watched. */
  readonly liveFile: string;
  /** A file next to the static root that must never be served. */
  readonly secretFile: string;
  readonly staticRoot: string;
  readonly inspector: FolderInspector;
  readonly server: HttpBridgeServer;
  readonly token: string;
  readonly port: number;
  readonly origin: string;
  close(): Promise<void>;
}

/** The body of the fake renderer's index.html and script, to recognise them in answers. */
export const FAKE_INDEX = '<!doctype html><title>fake renderer</title><script type="module" src="/assets/app.js"></script>\n';
export const FAKE_SCRIPT = 'console.log("fake renderer");\n';
export const SECRET = 'this file is outside the static root\n';

/**
 * Starts the server on port 0 against a fresh fixture folder, watching it. Its
 * temporary folders live until `close` (tempFolder's `after` would remove them
 * at the end of a `before` hook).
 */
export async function startServeHarness(options: { readonly built?: boolean; readonly keepAliveMs?: number } = {}): Promise<ServeHarness> {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'ei-serve-')));
  const tempFolder = (name: string): string => {
    mkdirSync(join(base, name));
    return join(base, name);
  };
  const folder = tempFolder('folder');
  writeFixtureFolder(folder, { seed: 4 });
  const liveFile = join(folder, 'live', 'exec.jsonl');
  mkdirSync(join(folder, 'live'));
  writeFileSync(liveFile, execLine('live-0'));
  const web = tempFolder('web');
  const staticRoot = join(web, 'renderer');
  const secretFile = join(web, 'secret.txt');
  writeFileSync(secretFile, SECRET);
  mkdirSync(join(staticRoot, 'assets'), { recursive: true });
  if (options.built !== false) {
    writeFileSync(join(staticRoot, 'index.html'), FAKE_INDEX);
    writeFileSync(join(staticRoot, 'assets', 'app.js'), FAKE_SCRIPT);
  }
  const dataDir = tempFolder('data');
  const inspector = await FolderInspector.open({ folder, dbPath: join(dataDir, 'index.sqlite'), dataDir, watch: true });
  const token = createBridgeToken();
  let server: HttpBridgeServer;
  try {
    server = await HttpBridgeServer.start({ target: inspector, token, port: 0, staticRoot, keepAliveMs: options.keepAliveMs });
  } catch (error) {
    await inspector.close();
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  const port = server.port;
  return {
    folder,
    liveFile,
    secretFile,
    staticRoot,
    inspector,
    server,
    token,
    port,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      await inspector.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** An answer read over a raw socket. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * One HTTP request with the path sent exactly as given (fetch and URL would
 * normalise `..` and `%2e%2e` before they reach the server) and any Host header.
 */
export function rawRequest(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${port}`, ...init.headers };
    const req = httpRequest({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A JSON API call with the bearer token, over a raw socket. */
export function apiRequest(harness: ServeHarness, method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(harness.port, `/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * A minimal EventSource for Node 20 (which has none): GETs the URL, splits the
 * stream into events and hands each `data` to `onmessage`. No reconnection: a
 * test that sees a drop must not be rescued by a retry.
 */
export class NodeEventSource {
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  /** Resolves with the HTTP status once the answer's head arrived. */
  readonly opened: Promise<number>;
  /** Every comment line received (keep-alives), in order. */
  readonly comments: string[] = [];
  private readonly req: ReturnType<typeof httpRequest>;

  constructor(url: string, headers: Record<string, string> = {}) {
    let resolveOpened: (status: number) => void = () => undefined;
    this.opened = new Promise((resolve) => (resolveOpened = resolve));
    this.req = httpRequest(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, (res) => {
      resolveOpened(res.statusCode ?? 0);
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.comments.push(line);
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length > 0) this.onmessage?.({ data: data.join('\n') });
        }
      });
      res.on('error', () => undefined);
    });
    this.req.on('error', () => resolveOpened(0));
    this.req.end();
  }

  close(): void {
    this.req.destroy();
  }
}
