import { createContext, useContext } from 'react';
import type { IndexChange } from '../../shared/api/contract';

/** How often the index changed since the window opened, and the last notice. */
export interface IndexRevision {
  /** Increments on every (throttled) notice that changed data; data hooks re-query when it moves. */
  readonly revision: number;
  /** Increments on every (throttled) notice, progress-only ones included; the indexing status follows it. */
  readonly progressRevision: number;
  readonly last: IndexChange | null;
}

/** The live revision of the index. */
export const IndexRevisionContext = createContext<IndexRevision>({ revision: 0, progressRevision: 0, last: null });

/** The live revision of the index. */
export function useIndexRevision(): IndexRevision {
  return useContext(IndexRevisionContext);
}
