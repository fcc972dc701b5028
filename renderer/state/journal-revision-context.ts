import { createContext, useContext } from 'react';

/** How often this window wrote to the review journal, and how to say it did. */
export interface JournalRevision {
  /** Increments after every note, correction, deletion or reviewer change made here; journal views re-query when it moves. */
  readonly revision: number;
  readonly bump: () => void;
}

/** The journal's revision: written entries are no index change, so they have their own signal. */
export const JournalRevisionContext = createContext<JournalRevision>({ revision: 0, bump: () => undefined });

/** The journal's revision. */
export function useJournalRevision(): JournalRevision {
  return useContext(JournalRevisionContext);
}
