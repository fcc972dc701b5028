import { apiResultSchema, fail, type ApiResult } from '../../shared/api/api-result';
import { API, API_METHODS, indexChangeSchema, type ApiMethod, type IndexChange, type InspectorBridge } from '../../shared/api/contract';


/** The part of an HTTP answer the bridge reads; `fetch`'s Response has it. */
export interface FetchAnswer {
  readonly status: number;
  text(): Promise<string>;
}

/** A `fetch`-shaped function: the browser's, Node's, or a test double. */
export type FetchLike = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'omit' | 'same-origin'; cache: 'no-store' }) => Promise<FetchAnswer>;

/** The part of an EventSource the bridge uses. */
export interface EventSourceLike {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  close(): void;
}

/** An `EventSource`-shaped constructor. */
export type EventSourceConstructorLike = new (url: string) => EventSourceLike;

/** Where the `serve` server is and the token it printed. */
export interface HttpBridgeOptions {
  /** The server's origin, e.g. `http://127.0.0.1:5173`; '' for the page's own origin. */
  readonly baseUrl: string;
  /**
   * The bearer token, or null for a page of `serve` itself: its browser session
   * cookie (HttpOnly, set when the printed URL was opened) authenticates it, so
   * the token is in no URL, script or storage of the page.
   */
  readonly token: string | null;
  /** Defaults to the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Defaults to the global `EventSource`. */
  readonly EventSource?: EventSourceConstructorLike;
}

/**
 * The InspectorBridge of browser mode: one function per method of the contract,
 * generated from API_METHODS, each POSTing its request as JSON with the bearer
 * token (or the session cookie) and resolving to the answer parsed against the contract. Network errors
 * and answers that are not the envelope resolve to an `internal` failure: it
 * never rejects. Change notices come from one EventSource, opened on the first
 * subscription and closed after the last unsubscribe.
 */
export function createHttpBridge(options: HttpBridgeOptions): InspectorBridge {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchLike = options.fetch ?? globalValue<FetchLike>('fetch');
  const call = async (method: ApiMethod, request: unknown): Promise<ApiResult<unknown>> => {
    let status = 0;
    let text: string;
    try {
      if (!fetchLike) return failure('no fetch function is available');
      const answer = await fetchLike(`${baseUrl}/api/${method}`, {
        method: 'POST',
        headers: options.token === null ? { 'Content-Type': 'application/json' } : { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request ?? {}),
        credentials: options.token === null ? 'same-origin' : 'omit',
        cache: 'no-store',
      });
      status = answer.status;
      text = await answer.text();
    } catch (error) {
      return failure(`${method}: the server could not be reached: ${messageOf(error)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return failure(`${method}: the server answered HTTP ${status} without JSON`);
    }
    const parsed = apiResultSchema(API[method].response).safeParse(json);
    return parsed.success ? parsed.data : failure(`${method}: the server's answer (HTTP ${status}) does not match the contract`);
  };
  const methods = Object.fromEntries(API_METHODS.map((method) => [method, (request: unknown) => call(method, request)]));
  const eventsUrl = options.token === null ? `${baseUrl}/api/events` : `${baseUrl}/api/events?token=${encodeURIComponent(options.token)}`;
  const changes = new ChangeSubscription(eventsUrl, options.EventSource ?? globalValue<EventSourceConstructorLike>('EventSource'));
  return Object.freeze({ ...methods, onIndexChanged: (listener: (change: IndexChange) => void) => changes.subscribe(listener) }) as unknown as InspectorBridge;
}

/** Listeners of change notices sharing one lazily opened event stream. */
class ChangeSubscription {
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private source: EventSourceLike | null = null;

  constructor(
    private readonly url: string,
    private readonly EventSourceClass: EventSourceConstructorLike | undefined,
  ) {}

  subscribe(listener: (change: IndexChange) => void): () => void {
    // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
    const entry = (change: IndexChange): void => listener(change);
    this.listeners.add(entry);
    this.open();
    return () => {
      if (!this.listeners.delete(entry)) return;
      if (this.listeners.size === 0) {
        this.source?.close();
        this.source = null;
      }
    };
  }

  private open(): void {
    if (this.source !== null || this.EventSourceClass === undefined) return;
    const source = new this.EventSourceClass(this.url);
    source.onmessage = (event) => {
      let json: unknown;
      try {
        json = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const change = indexChangeSchema.safeParse(json);
      if (!change.success) return;
      for (const listener of [...this.listeners]) listener(change.data);
    };
    this.source = source;
  }
}

function failure(message: string): ApiResult<never> {
  return fail('internal', message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A global of the page (or of Node), looked up without assuming a DOM or Node type library. */
function globalValue<T>(name: 'fetch' | 'EventSource'): T | undefined {
  const value = (globalThis as Record<string, unknown>)[name];
  if (typeof value !== 'function') return undefined;
  return (name === 'fetch' ? (value as (...args: unknown[]) => unknown).bind(globalThis) : value) as T;
}
