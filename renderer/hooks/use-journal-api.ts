import { useEffect } from 'react';
import type { ApiRequest, ApiResponse } from '../../shared/api/contract';
import { useJournalRevision } from '../state/journal-revision-context';
import { useApi, type ApiState } from './use-api';

/** The journal's read methods. */
type JournalReadMethod = 'getJournal' | 'listNotes';

/** `useApi` for the journal: also re-queried after this window writes an entry, so every place a note shows follows at once. */
export function useJournalApi<M extends JournalReadMethod>(method: M, request: ApiRequest<M> | null): ApiState<ApiResponse<M>> {
  const state = useApi(method, request);
  const { revision } = useJournalRevision();
  const { reload } = state;
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  return state;
}
