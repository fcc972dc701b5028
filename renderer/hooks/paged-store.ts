import type { ApiError } from '../../shared/api/api-result';

/** One page as the list methods answer it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  /** Known for the executions list; other lists grow as they are read. */
  readonly total?: number;
}

/**
 * The rows of one paged list read so far, from its start and from its end. A
 * value: every transition below returns a new one, so a subscriber sees each
 * step and a test can replay them without React.
 */
export interface PagedStore<T> {
  readonly key: string;
  readonly forward: readonly T[];
  readonly forwardCursor: string | null;
  readonly forwardDone: boolean;
  /** The cursor and first index of the last forward page read, to re-read the end of a long list. */
  readonly lastPageCursor: string | null;
  readonly lastPageStart: number | null;
  /** Rows read from the end backwards: backward[0] is the last row. */
  readonly backward: readonly T[];
  readonly backwardCursor: string | null;
  readonly backwardDone: boolean;
  readonly total: number | null;
  readonly wantStart: number;
  readonly wantEnd: number;
  readonly running: boolean;
  /** The index changed since the rows were read: they are to be read again in place. */
  readonly stale: boolean;
  readonly ready: boolean;
  readonly error: ApiError | null;
  /** Counts the transitions, so memoized rows re-render on every page. */
  readonly version: number;
}

/** A list before its first page. */
export function emptyStore<T>(key: string): PagedStore<T> {
  return {
    key, forward: [], forwardCursor: null, forwardDone: false, lastPageCursor: null, lastPageStart: null, backward: [], backwardCursor: null,
    backwardDone: false, total: null, wantStart: 0, wantEnd: 0, running: false, stale: false, ready: false, error: null, version: 0,
  };
}

/** The row at `index`, from whichever end has read it. */
export function rowAt<T>(store: Pick<PagedStore<T>, 'forward' | 'backward' | 'total'>, index: number): T | undefined {
  if (index < 0) return undefined;
  if (index < store.forward.length) return store.forward[index];
  if (store.total === null) return undefined;
  const fromEnd = store.total - 1 - index;
  return fromEnd >= 0 && fromEnd < store.backward.length ? store.backward[fromEnd] : undefined;
}

/** How many rows the list shows: none before the first page, then the total when known, else those read (+1 while more exist). */
export function visibleCount<T>(store: Pick<PagedStore<T>, 'ready' | 'total' | 'forward' | 'forwardDone'>): number {
  if (!store.ready) return 0;
  return store.total !== null ? store.total : store.forward.length + (store.forwardDone ? 0 : 1);
}

/**
 * Which end to read next to cover the wanted range, and how many pages that end
 * is away; null when the range is covered (or nothing more exists).
 */
export function pagesToCover<T>(
  store: Pick<PagedStore<T>, 'forward' | 'backward' | 'total' | 'forwardDone' | 'backwardDone' | 'wantStart' | 'wantEnd'>,
  pageSize: number,
  reversible: boolean,
): { reverse: boolean; pages: number } | null {
  if (store.forwardDone || store.backwardDone) return null;
  const lastKnown = store.total === null ? store.wantEnd : Math.min(store.wantEnd, store.total - 1);
  const firstMissing = Math.max(store.wantStart, store.forward.length);
  const lastMissing = store.total === null ? lastKnown : Math.min(lastKnown, store.total - 1 - store.backward.length);
  if (firstMissing > lastMissing) return null;
  const forwardPages = Math.ceil((lastMissing + 1 - store.forward.length) / pageSize);
  if (!reversible || store.total === null) return { reverse: false, pages: forwardPages };
  const backwardPages = Math.ceil((store.total - firstMissing - store.backward.length) / pageSize);
  return backwardPages < forwardPages ? { reverse: true, pages: backwardPages } : { reverse: false, pages: forwardPages };
}

/** What the pager does next: re-read after a change, read a page from one end, or nothing. */
export type NextRead = { readonly refresh: true } | { readonly refresh: false; readonly reverse: boolean; readonly cursor: string | null } | null;

/** The next read: a change is re-read first, the first page before anything else, then what the wanted range lacks. */
export function nextRead<T>(store: PagedStore<T>, pageSize: number, reversible: boolean): NextRead {
  if (store.stale) return { refresh: true };
  const next = store.ready ? pagesToCover(store, pageSize, reversible) : { reverse: false, pages: 1 };
  if (next === null) return null;
  return { refresh: false, reverse: next.reverse, cursor: next.reverse ? store.backwardCursor : store.forwardCursor };
}

/** The rows `start..end` (inclusive) are on screen and wanted. */
export function wantRange<T>(store: PagedStore<T>, start: number, end: number): PagedStore<T> {
  const wantStart = Math.max(0, start);
  return { ...store, wantStart, wantEnd: Math.max(wantStart, end) };
}

/** The pager started or stopped reading. */
export function setRunning<T>(store: PagedStore<T>, running: boolean): PagedStore<T> {
  return { ...store, running, version: store.version + 1 };
}

/** The index changed: rows read so far are to be read again (nothing to do before the first page). */
export function markStale<T>(store: PagedStore<T>): PagedStore<T> {
  return store.ready ? { ...store, stale: true } : store;
}

/** A read failed: the rows stay, the error shows. */
export function readFailed<T>(store: PagedStore<T>, error: ApiError): PagedStore<T> {
  return { ...store, error, version: store.version + 1 };
}

/** A page arrived from one end. */
export function pageRead<T>(store: PagedStore<T>, page: Page<T>, reverse: boolean): PagedStore<T> {
  const total = page.total !== undefined ? page.total : store.total;
  const next: PagedStore<T> = reverse
    ? { ...store, total, backward: [...store.backward, ...page.items], backwardCursor: page.nextCursor, backwardDone: page.nextCursor === null }
    : {
        ...store, total, lastPageCursor: store.forwardCursor, lastPageStart: store.forward.length, forward: [...store.forward, ...page.items],
        forwardCursor: page.nextCursor, forwardDone: page.nextCursor === null,
      };
  return { ...settleEnds(next), ready: true, error: null, version: store.version + 1 };
}

/** Once either end reached the other, the whole list is in `forward`. */
function settleEnds<T>(store: PagedStore<T>): PagedStore<T> {
  const noBackward = { backward: [], backwardDone: false, backwardCursor: null };
  if (store.forwardDone) return { ...store, ...noBackward, total: store.forward.length };
  if (store.backwardDone) {
    const forward = [...store.backward].reverse();
    return { ...store, ...noBackward, forward, forwardDone: true, lastPageCursor: null, lastPageStart: null, forwardCursor: null, total: forward.length };
  }
  return store;
}

/** The most pages re-read from the top on a change; a longer list re-reads its last page only. */
const MAX_REFRESH_PAGES = 10;

/** Where a re-read after a change starts and how many pages it reads. */
export interface RefreshPlan {
  readonly cursor: string | null;
  readonly start: number;
  readonly pages: number;
}

/** A short list is re-read from the top, a long one from the start of its last page read (an append-only file grows there). */
export function refreshPlan<T>(store: PagedStore<T>, pageSize: number): RefreshPlan {
  const deep = store.forward.length > MAX_REFRESH_PAGES * pageSize && store.lastPageStart !== null;
  return {
    cursor: deep ? store.lastPageCursor : null,
    start: deep ? (store.lastPageStart ?? 0) : 0,
    pages: deep ? 1 : Math.max(1, Math.ceil(store.forward.length / pageSize)),
  };
}

/** What a re-read found: the rows from the plan's start, where it stopped, and where its last page began. */
export interface RefreshResult<T> {
  readonly rows: readonly T[];
  readonly cursor: string | null;
  readonly total: number | null;
  readonly lastPageCursor: string | null;
  readonly lastPageStart: number;
}

/** The re-read rows replace those from the plan's start on; what was read from the end is dropped. The change is taken in. */
export function refreshed<T>(store: PagedStore<T>, plan: RefreshPlan, result: RefreshResult<T>): PagedStore<T> {
  const done = result.cursor === null;
  const forward = [...store.forward.slice(0, plan.start), ...result.rows];
  return {
    ...store, forward, forwardCursor: result.cursor, forwardDone: done, lastPageCursor: result.lastPageCursor, lastPageStart: result.lastPageStart,
    backward: [], backwardCursor: null, backwardDone: false, total: done ? forward.length : result.total, error: null, version: store.version + 1,
  };
}

/** The change was seen; a re-read is under way (a change during it marks the store stale again). */
export function refreshStarted<T>(store: PagedStore<T>): PagedStore<T> {
  return { ...store, stale: false };
}
