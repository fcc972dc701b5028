import type { ServerResponse } from 'node:http';
import type { IndexChange } from '../../shared/api/contract';
import { SECURITY_HEADERS } from './security-headers';

/** How an event stream behaves. */
export interface SseChannelOptions {
  /** Interval of the keep-alive comment that stops proxies and idle timers from closing the stream. */
  readonly keepAliveMs?: number;
  /** Streams open at once; more are refused (each holds a socket). */
  readonly maxClients?: number;
}

/**
 * The `GET /api/events` streams: Server-Sent Events carrying IndexChange notices
 * (`data: <json>`), plus a keep-alive comment every 15 s. Counts only, never
 * evidence; the page re-queries what it shows.
 */
export class SseChannel {
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: NodeJS.Timeout;
  private readonly maxClients: number;

  constructor(options: SseChannelOptions = {}) {
    this.maxClients = options.maxClients ?? 64;
    this.timer = setInterval(() => this.write(': keep-alive\n\n'), options.keepAliveMs ?? 15_000);
    this.timer.unref();
  }

  /** Turns a response into an event stream; false (and nothing written) when too many are open. */
  accept(response: ServerResponse): boolean {
    if (this.clients.size >= this.maxClients) return false;
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.socket?.setNoDelay(true);
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
    return true;
  }

  /** Sends one notice to every open stream. */
  broadcast(change: IndexChange): void {
    this.write(`data: ${JSON.stringify(change)}\n\n`);
  }

  /** The number of open streams. */
  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream and stops the keep-alive timer. */
  close(): void {
    clearInterval(this.timer);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
