import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ApiError } from '../../shared/api/api-result';
import { useIndexRevision } from '../state/index-revision-context';
import { PagedList, type PageFetcher } from './paged-list';
import { rowAt as storeRowAt, visibleCount, type PagedStore } from './paged-store';


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

const noList = (): (() => void) => () => undefined;
const noStore = (): null => null;

/**
 * Keyset-paged rows for a virtualized list. Pages are read as the visible range
 * asks for them, from whichever end is fewer pages away; when the index changes
 * the pages read so far are re-read in place, so rows, scroll position and
 * selection survive live updates. The reading is PagedList's, the transitions
 * paged-store's; this hook only binds them to React.
 */
export function usePagedRows<T>(options: PagedRowsOptions<T>): PagedRows<T> {
  const { key, pageSize, reversible } = options;
  const { revision } = useIndexRevision();
  const fetchRef = useRef(options.fetchPage);
  fetchRef.current = options.fetchPage;
  const list = useMemo(
    () => (key === null ? null : new PagedList<T>(key, (cursor, limit, reverse) => fetchRef.current(cursor, limit, reverse), pageSize, reversible)),
    [key, pageSize, reversible],
  );
  const listRef = useRef(list);
  listRef.current = list;

  useEffect(() => {
    if (list === null) return;
    list.start();
    return () => list.close();
  }, [list]);

  useEffect(() => {
    if (revision !== 0) listRef.current?.indexChanged();
  }, [revision]);

  const store: PagedStore<T> | null = useSyncExternalStore(list?.subscribe ?? noList, list?.getSnapshot ?? noStore);
  const ensureRange = useCallback((start: number, end: number) => listRef.current?.ensureRange(start, end), []);
  const rowAt = useCallback((index: number) => (list === null ? undefined : storeRowAt(list.getSnapshot(), index)), [list]);
  return {
    count: store === null ? 0 : visibleCount(store),
    total: store?.total ?? null,
    rowAt,
    ready: store?.ready ?? false,
    fetching: store?.running ?? false,
    error: store?.error ?? null,
    ensureRange,
    version: store?.version ?? 0,
  };
}
