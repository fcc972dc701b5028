import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../shared/api/api-result';
import { useIndexRevision } from '../state/index-revision-context';
import { pagesToCover, rowAt as storeRowAt, type PagedStore } from './paged-store';

/** One page as the list methods answer it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  /** Known for the executions list; other lists grow as they are read. */
  readonly total?: number;
}

/** Fetches one page after `cursor`, in list order or (when `reverse`) from the end backwards. */
export type PageFetcher<T> = (cursor: string | null, limit: number, reverse: boolean) => Promise<ApiResult<Page<T>>>;

/** A list too long to hold, read page by page as it is scrolled. */
export interface PagedRows<T> {
  /** How many rows the list shows: the total when known, otherwise those read so far (+1 while more exist). */
  readonly count: number;
  readonly total: number | null;
  /** The row at an index, or undefined while its page is not read yet. */
  readonly rowAt: (index: number) => T | undefined;
  /** True once the first page arrived for the current request. */
  readonly ready: boolean;
  /** True while pages are being fetched. */
  readonly fetching: boolean;
  readonly error: ApiError | null;
  /** Asks for the rows `start..end` (inclusive); pages are fetched in order until they are covered. */
  readonly ensureRange: (start: number, end: number) => void;
  /** Changes on every new page, so memoized rows re-render. */
  readonly version: number;
}

/** What the hook needs to know about a list. */
export interface PagedRowsOptions<T> {
  /** Identifies the request (filters, sort); a new key starts the list over. Null: nothing to list yet. */
  readonly key: string | null;
  readonly fetchPage: PageFetcher<T>;
  readonly pageSize: number;
  /** The list can be read from its end (the sort can be reversed), so a jump to the bottom is one page. */
  readonly reversible: boolean;
}

/**
 * Keyset-paged rows for a virtualized list. Pages are read as the visible range
 * asks for them, from whichever end is fewer pages away; when the index changes
 * the pages read so far are re-read in place, so rows, scroll position and
 * selection survive live updates.
 */
export function usePagedRows<T>(options: PagedRowsOptions<T>): PagedRows<T> {
  const { key, pageSize, reversible } = options;
  const { revision } = useIndexRevision();
  const fetchRef = useRef(options.fetchPage);
  fetchRef.current = options.fetchPage;
  const storeRef = useRef<PagedStore<T> | null>(null);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);

  const pump = useCallback(
    async (store: PagedStore<T>): Promise<void> => {
      if (store.running) return;
      store.running = true;
      bump();
      try {
        while (storeRef.current === store) {
          if (store.stale) {
            store.stale = false;
            if (!(await refresh(store, fetchRef.current, pageSize))) break;
            bump();
            continue;
          }
          const next = store.ready ? pagesToCover(store, pageSize, reversible) : { reverse: false, pages: 1 };
          if (next === null) break;
          const reverse = next.reverse;
          const result = await fetchRef.current(reverse ? store.backwardCursor : store.forwardCursor, pageSize, reverse);
          if (storeRef.current !== store) break;
          if (!result.ok) {
            store.error = result.error;
            break;
          }
          store.error = null;
          const page = result.value;
          if (page.total !== undefined) store.total = page.total;
          if (reverse) {
            store.backward.push(...page.items);
            store.backwardCursor = page.nextCursor;
            store.backwardDone = page.nextCursor === null;
          } else {
            store.lastPageCursor = store.forwardCursor;
            store.lastPageStart = store.forward.length;
            store.forward.push(...page.items);
            store.forwardCursor = page.nextCursor;
            store.forwardDone = page.nextCursor === null;
          }
          if (store.forwardDone || store.backwardDone) settleEnds(store);
          store.ready = true;
          bump();
        }
      } finally {
        store.running = false;
        bump();
      }
    },
    [bump, pageSize, reversible],
  );

  useEffect(() => {
    if (key === null) {
      storeRef.current = null;
      bump();
      return;
    }
    const store = emptyStore<T>(key);
    storeRef.current = store;
    void pump(store);
    return () => {
      if (storeRef.current === store) storeRef.current = null;
    };
  }, [key, pump, bump]);

  useEffect(() => {
    const store = storeRef.current;
    if (revision === 0 || store === null || !store.ready) return;
    store.stale = true;
    void pump(store);
  }, [revision, pump]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const store = storeRef.current;
      if (store === null) return;
      store.wantStart = Math.max(0, start);
      store.wantEnd = Math.max(store.wantStart, end);
      if (store.ready && pagesToCover(store, pageSize, reversible) !== null) void pump(store);
    },
    [pump, pageSize, reversible],
  );

  const store = storeRef.current !== null && storeRef.current.key === key ? storeRef.current : null;
  const rowAt = useCallback((index: number) => (store === null ? undefined : storeRowAt(store, index)), [store]);
  const count = store === null ? 0 : store.total !== null ? store.total : store.forward.length + (store.forwardDone ? 0 : 1);
  return {
    count: store?.ready ? count : 0,
    total: store?.total ?? null,
    rowAt,
    ready: store?.ready ?? false,
    fetching: store?.running ?? false,
    error: store?.error ?? null,
    ensureRange,
    version,
  };
}

function emptyStore<T>(key: string): PagedStore<T> {
  return {
    key,
    forward: [],
    forwardCursor: null,
    forwardDone: false,
    lastPageCursor: null,
    lastPageStart: null,
    backward: [],
    backwardCursor: null,
    backwardDone: false,
    total: null,
    wantStart: 0,
    wantEnd: 0,
    running: false,
    stale: false,
    ready: false,
    error: null,
  };
}

/** Once either end reached the other, the whole list is in `forward`. */
function settleEnds<T>(store: PagedStore<T>): void {
  if (store.forwardDone) {
    store.total = store.forward.length;
    store.backward = [];
    store.backwardDone = false;
    store.backwardCursor = null;
  } else if (store.backwardDone) {
    store.forward = [...store.backward].reverse();
    store.forwardDone = true;
    store.lastPageCursor = null;
    store.lastPageStart = null;
    store.forwardCursor = null;
    store.total = store.forward.length;
    store.backward = [];
    store.backwardDone = false;
    store.backwardCursor = null;
  }
}

/** The most pages re-read from the top on a change; a longer list re-reads its last page only. */
const MAX_REFRESH_PAGES = 10;

/**
 * Re-reads after a change: a short list from the top, a long one from the start
 * of its last page read (an append-only file grows there). False when it failed.
 */
async function refresh<T>(store: PagedStore<T>, fetchPage: PageFetcher<T>, pageSize: number): Promise<boolean> {
  const deep = store.forward.length > MAX_REFRESH_PAGES * pageSize && store.lastPageStart !== null;
  let cursor: string | null = deep ? store.lastPageCursor : null;
  const start = deep ? (store.lastPageStart ?? 0) : 0;
  const pages = deep ? 1 : Math.max(1, Math.ceil(store.forward.length / pageSize));
  const fresh: T[] = [];
  let done = false;
  let total: number | null = null;
  let lastPageCursor = cursor;
  let lastPageStart = start;
  for (let page = 0; page < pages && !done; page += 1) {
    lastPageCursor = cursor;
    lastPageStart = start + fresh.length;
    const result = await fetchPage(cursor, pageSize, false);
    if (!result.ok) {
      store.error = result.error;
      return false;
    }
    fresh.push(...result.value.items);
    cursor = result.value.nextCursor;
    done = cursor === null;
    if (result.value.total !== undefined) total = result.value.total;
  }
  store.forward = [...store.forward.slice(0, start), ...fresh];
  store.forwardCursor = cursor;
  store.forwardDone = done;
  store.lastPageCursor = lastPageCursor;
  store.lastPageStart = lastPageStart;
  store.backward = [];
  store.backwardCursor = null;
  store.backwardDone = false;
  store.total = done ? store.forward.length : total;
  store.error = null;
  return true;
}
