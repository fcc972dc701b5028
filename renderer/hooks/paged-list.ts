import type { ApiResult } from '../../shared/api/api-result';
import {
  emptyStore, markStale, nextRead, pageRead, pagesToCover, readFailed, refreshed, refreshPlan, refreshStarted, setRunning, wantRange,
  type Page, type PagedStore, type RefreshPlan, type RefreshResult,
} from './paged-store';

/** Fetches one page after `cursor`, in list order or (when `reverse`) from the end backwards. */
export type PageFetcher<T> = (cursor: string | null, limit: number, reverse: boolean) => Promise<ApiResult<Page<T>>>;

/**
 * One paged list's store for useSyncExternalStore: holds the current
 * PagedStore value, runs the one read loop that moves it through
 * paged-store's transitions, and tells subscribers after each step.
 */
export class PagedList<T> {
  private store: PagedStore<T>;
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(
    key: string,
    private readonly fetchPage: PageFetcher<T>,
    private readonly pageSize: number,
    private readonly reversible: boolean,
  ) {
    this.store = emptyStore(key);
  }

  /** useSyncExternalStore's subscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** useSyncExternalStore's snapshot: the same value until the next transition. */
  readonly getSnapshot = (): PagedStore<T> => this.store;

  /** Starts (or, after `close`, resumes) reading. */
  start(): void {
    this.closed = false;
    void this.pump();
  }

  /** Stops reading: a page that arrives later is dropped. */
  close(): void {
    this.closed = true;
  }

  /** Asks for the rows `start..end` (inclusive); reads pages until they are covered. */
  ensureRange(start: number, end: number): void {
    this.store = wantRange(this.store, start, end);
    if (this.store.ready && pagesToCover(this.store, this.pageSize, this.reversible) !== null) void this.pump();
  }

  /** The index changed: re-reads the rows read so far, in place, so scroll position and selection survive. */
  indexChanged(): void {
    const before = this.store;
    this.store = markStale(before);
    if (this.store !== before) void this.pump();
  }

  private set(store: PagedStore<T>): void {
    this.store = store;
    for (const listener of this.listeners) listener();
  }

  private async pump(): Promise<void> {
    if (this.store.running || this.closed) return;
    this.set(setRunning(this.store, true));
    try {
      for (let next = nextRead(this.store, this.pageSize, this.reversible); next !== null && !this.closed; next = nextRead(this.store, this.pageSize, this.reversible)) {
        if (next.refresh) {
          this.store = refreshStarted(this.store);
          const plan = refreshPlan(this.store, this.pageSize);
          const result = await this.reread(plan);
          if (this.closed) break;
          if (!result.ok) {
            this.set(readFailed(this.store, result.error));
            break;
          }
          this.set(refreshed(this.store, plan, result.value));
          continue;
        }
        const result = await this.fetchPage(next.cursor, this.pageSize, next.reverse);
        if (this.closed) break;
        if (!result.ok) {
          this.set(readFailed(this.store, result.error));
          break;
        }
        this.set(pageRead(this.store, result.value, next.reverse));
      }
    } finally {
      this.set(setRunning(this.store, false));
    }
  }

  /** Reads the pages a refresh plan names, stopping at the list's end. */
  private async reread(plan: RefreshPlan): Promise<ApiResult<RefreshResult<T>>> {
    const rows: T[] = [];
    let cursor = plan.cursor;
    let total: number | null = null;
    let lastPageCursor = cursor;
    let lastPageStart = plan.start;
    for (let page = 0; page < plan.pages; page += 1) {
      lastPageCursor = cursor;
      lastPageStart = plan.start + rows.length;
      const result = await this.fetchPage(cursor, this.pageSize, false);
      if (!result.ok) return result;
      rows.push(...result.value.items);
      cursor = result.value.nextCursor;
      if (result.value.total !== undefined) total = result.value.total;
      if (cursor === null) break;
    }
    return { ok: true, value: { rows, cursor, total, lastPageCursor, lastPageStart } };
  }
}
