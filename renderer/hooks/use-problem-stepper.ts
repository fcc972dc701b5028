import { useCallback, useRef, useState } from 'react';
import type { ApiResult } from '../../shared/api/api-result';
import type { ApiResponse } from '../../shared/api/contract';
import { NEW_SEARCH, problemRoute, searchProblemPage, type ProblemPlace, type StepDirection } from '../format/problem-steps';
import { routeHash } from '../format/route';
import { useBridge } from '../state/bridge-context';
import { callBridge } from '../state/call-bridge';
import { navigateTo } from './use-hash-route';

const PAGE = 500;
/** How many problems a step reads at most (from an event without problems every page is read): a folder with more says so. */
const MAX_PAGES = 40;

/** Steps to the next or previous problem from a place, and says why when there is none. */
export interface ProblemStepper {
  readonly step: (place: ProblemPlace | (() => Promise<ProblemPlace | null>), direction: StepDirection) => void;
  /** What the last step could not do (no further problem, a failed read); null after a step that went somewhere. */
  readonly message: string | null;
}

/**
 * Goes to the problem next to a place in the Problems list's order, reading
 * the list page by page (only as far as needed from a problem), and opens it
 * where it is seen (problemRoute). One step at a time: keys pressed while a
 * step reads are ignored, so a held key never queues a run of jumps.
 */
export function useProblemStepper(): ProblemStepper {
  const bridge = useBridge();
  const [message, setMessage] = useState<string | null>(null);
  const busy = useRef(false);
  const step = useCallback(
    (where: ProblemPlace | (() => Promise<ProblemPlace | null>), direction: StepDirection) => {
      if (busy.current) return;
      busy.current = true;
      void (async () => {
        try {
          const place = typeof where === 'function' ? await where() : where;
          if (place === null) return;
          let search = NEW_SEARCH;
          let cursor: string | null = null;
          for (let page = 0; page < MAX_PAGES && !search.done; page += 1) {
            const result: ApiResult<ApiResponse<'listProblems'>> = await callBridge(bridge, 'listProblems', { limit: PAGE, ...(cursor !== null ? { cursor } : {}) });
            if (!result.ok) {
              setMessage(`The problems could not be read: ${result.error.message}`);
              return;
            }
            search = searchProblemPage(search, result.value.items, place, direction);
            cursor = result.value.nextCursor;
            if (cursor === null) search = { ...search, done: true };
          }
          if (search.found !== null) {
            setMessage(null);
            navigateTo(routeHash(problemRoute(search.found)));
          } else if (!search.done) {
            setMessage(`More than ${PAGE * MAX_PAGES} problems to search from here: open the Problems list.`);
          } else {
            setMessage(direction === 'next' ? 'No next problem.' : 'No previous problem.');
          }
        } finally {
          busy.current = false;
        }
      })();
    },
    [bridge],
  );
  return { step, message };
}
