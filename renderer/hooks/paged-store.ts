import type { ApiError } from '../../shared/api/api-result';

/** The rows of one paged list read so far, from its start and from its end. */
export interface PagedStore<T> {
  readonly key: string;
  forward: T[];
  forwardCursor: string | null;
  forwardDone: boolean;
  /** The cursor and first index of the last forward page read, to re-read the end of a long list. */
  lastPageCursor: string | null;
  lastPageStart: number | null;
  /** Rows read from the end backwards: backward[0] is the last row. */
  backward: T[];
  backwardCursor: string | null;
  backwardDone: boolean;
  total: number | null;
  wantStart: number;
  wantEnd: number;
  running: boolean;
  stale: boolean;
  ready: boolean;
  error: ApiError | null;
}

/** The row at `index`, from whichever end has read it. */
export function rowAt<T>(store: Pick<PagedStore<T>, 'forward' | 'backward' | 'total'>, index: number): T | undefined {
  if (index < 0) return undefined;
  if (index < store.forward.length) return store.forward[index];
  if (store.total === null) return undefined;
  const fromEnd = store.total - 1 - index;
  return fromEnd >= 0 && fromEnd < store.backward.length ? store.backward[fromEnd] : undefined;
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
