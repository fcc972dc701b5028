import type { ApiResponse } from '../../shared/api/contract';
import type { Route } from './route';

/** One problem as the problems list sends it. */
export type ProblemRow = ApiResponse<'listProblems'>['items'][number];

/** Which way to step through the problems. */
export type StepDirection = 'next' | 'previous';

/**
 * Where the reviewer is among the problems: at problems (a problem's line, or
 * an event that has problems), or at an event that has none, placed among the
 * problems by the event each of them is about.
 */
export type ProblemPlace = { readonly problemIds: readonly number[] } | { readonly eventId: number };

/** A search for the adjacent problem, read page by page in the problems list's order (by id). */
export interface ProblemSearch {
  /** The best answer so far. */
  readonly found: ProblemRow | null;
  /** True when no later page can change the answer. */
  readonly done: boolean;
}

/** A search that has read nothing yet. */
export const NEW_SEARCH: ProblemSearch = { found: null, done: false };

/**
 * Reads one more page of problems (in list order) into a search for the problem
 * next to `place`. From problems, the list's own order decides, so the search
 * stops as soon as it passes the place; from an event without problems, the
 * problems about events are ordered by their event, and every page is read.
 */
export function searchProblemPage(search: ProblemSearch, rows: readonly ProblemRow[], place: ProblemPlace, direction: StepDirection): ProblemSearch {
  if (search.done) return search;
  let found = search.found;
  if ('problemIds' in place) {
    const anchor = direction === 'next' ? Math.max(...place.problemIds) : Math.min(...place.problemIds);
    for (const row of rows) {
      if (direction === 'next' && row.id > anchor) return { found: row, done: true };
      if (direction === 'previous') {
        if (row.id >= anchor) return { found, done: true };
        found = row;
      }
    }
    return { found, done: false };
  }
  for (const row of rows) {
    if (row.eventId === null) continue;
    if (direction === 'next' && row.eventId > place.eventId && (found === null || row.eventId < (found.eventId ?? Infinity))) found = row;
    if (direction === 'previous' && row.eventId < place.eventId && (found === null || row.eventId >= (found.eventId ?? -Infinity))) found = row;
  }
  return { found, done: false };
}

/** Where a problem is seen: its event among its neighbours, or, for a line that is no event, the line's raw bytes. */
export function problemRoute(row: Pick<ProblemRow, 'id' | 'eventId'>): Route {
  return row.eventId !== null ? { view: 'events', eventId: row.eventId, anchor: row.eventId } : { view: 'problem', problemId: row.id };
}
