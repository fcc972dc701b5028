import { useCallback } from 'react';
import { navigateTo } from './use-hash-route';
import type { PagedRows } from './use-paged-rows';

/** What every paged list needs from its rows: opening a row's route, and whether a row is still loading. */
export function useRowNavigation<T>(rows: PagedRows<T>, routeOf: (row: T) => string): { open: (index: number) => void; isPlaceholder: (index: number) => boolean } {
  const open = useCallback(
    (index: number) => {
      const row = rows.rowAt(index);
      if (row !== undefined) navigateTo(routeOf(row));
    },
    [rows, routeOf],
  );
  const isPlaceholder = useCallback((index: number) => rows.rowAt(index) === undefined, [rows]);
  return { open, isPlaceholder };
}
