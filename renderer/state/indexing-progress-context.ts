import { createContext, useContext } from 'react';
import type { IndexingProgress } from '../../shared/api/indexing-progress';

/**
 * The indexing progress of the summary the window's frame keeps live (null
 * until it has one), for a view deep in the tree that words what it shows by
 * it, without asking for the summary again on every progress notice.
 */
export const IndexingProgressContext = createContext<IndexingProgress | null>(null);

/** The indexing progress the frame last read, or null. */
export function useIndexingProgress(): IndexingProgress | null {
  return useContext(IndexingProgressContext);
}
