import { createContext, useContext } from 'react';
import type { ApiResponse } from '../../shared/api/contract';

/** The notes of the execution on screen, fetched once by its page, for the places inside it that show some (its steps). */
export const ExecutionNotesContext = createContext<ApiResponse<'listNotes'> | undefined>(undefined);

/** The notes of the execution on screen (undefined outside an execution page or while loading). */
export function useExecutionNotes(): ApiResponse<'listNotes'> | undefined {
  return useContext(ExecutionNotesContext);
}
