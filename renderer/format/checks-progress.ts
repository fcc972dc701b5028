import { stillReading, type IndexingProgress } from '../../shared/api/indexing-progress';

export { stillReading, type IndexingProgress };

/**
 * True while some executions still wait for their cross-event checks: during
 * the scan, then during every stage of the enrichment after it, since the
 * checks are its last.
 */
export function checksPending(progress: IndexingProgress): boolean {
  return stillReading(progress) || progress.enrichment != null;
}

/**
 * What a count of problems must add while checks are pending (null once they
 * are done): the problems found across an execution's events come after its
 * lines, so none found yet is not an answer.
 */
export function pendingChecksNote(progress: IndexingProgress): string | null {
  if (!checksPending(progress)) return null;
  return "The checks across each execution's events (hash chains, repeated or unpaired events) have not finished: more problems may appear.";
}

/** The filters of the executions list that the checks decide. */
export interface CheckedFilters {
  readonly hasProblems: boolean;
  readonly integrity: string;
  readonly sort: string;
}

/**
 * What the executions list must say while the folder is still read (every row
 * covers the lines read so far), or while checks are pending and its filter or
 * order rests on them (problems, a judged integrity): null otherwise. An
 * execution not checked yet may still come to match, or move.
 */
export function executionsListNote(filters: CheckedFilters, progress: IndexingProgress): string | null {
  if (stillReading(progress)) return 'The folder is still being read: each execution, its status and its problems cover the lines read so far, and more may come.';
  if (!checksPending(progress)) return null;
  const judged = filters.hasProblems || filters.sort === 'problems' || filters.integrity === 'intact' || filters.integrity === 'broken' || filters.integrity === 'unhashed';
  if (!judged) return null;
  return 'Not every execution has been checked yet: this list follows the integrity and problems found so far, and may change once the checks are done.';
}

/**
 * What a rollback acknowledgement must say while the folder is still read (null
 * otherwise): the scaffold shown covers the files read so far, and a file read
 * later (its plan's hints, more steps) may change it. The acknowledgement
 * records exactly the scaffold shown, by its hash.
 */
export function acknowledgementNote(progress: Pick<IndexingProgress, 'phase'>): string | null {
  if (!stillReading(progress)) return null;
  return 'The folder is still being read: this scaffold covers what was read so far, and a file read later (its plan, more steps) may change it. Confirming records exactly the scaffold shown.';
}
