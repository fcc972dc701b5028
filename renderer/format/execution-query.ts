import type { ApiRequest } from '../../shared/api/contract';
import { EXECUTION_SORTS } from '../../shared/api/contract';
import type { ExecutionIntegrity } from '../../shared/model/execution-integrity';
import type { ExecutionFamily } from '../../shared/model/family';

/** What the executions list is filtered and sorted by. */
export interface ExecutionFilters {
  readonly family: ExecutionFamily | '';
  readonly outcome: 'ok' | 'failed' | 'running' | 'unknown' | '';
  readonly status: string;
  readonly text: string;
  readonly hasProblems: boolean;
  readonly integrity: ExecutionIntegrity | '';
  readonly sort: (typeof EXECUTION_SORTS)[number];
  readonly descending: boolean;
}

/** Everything, oldest first: the order things happened in. */
export const DEFAULT_EXECUTION_FILTERS: ExecutionFilters = { family: '', outcome: '', status: '', text: '', hasProblems: false, integrity: '', sort: 'start', descending: false };

/** Status words the families write (formats.md), offered in the status filter. */
export const KNOWN_STATUSES: readonly string[] = ['COMPLETED', 'COMPLETED_PARTIAL', 'FAILED', 'INCOMPLETE', 'STARTED', 'BLOCKED', 'success', 'failed', 'completed', 'running', 'started', 'accept', 'revise', 'abort'];

/** Labels of the sort keys. */
export const SORT_LABELS: Readonly<Record<(typeof EXECUTION_SORTS)[number], string>> = {
  start: 'Start time',
  end: 'End time',
  events: 'Events',
  failures: 'Failures',
  problems: 'Problems',
  key: 'Key',
};

/** The listExecutions request of a filter state and time range (no cursor, no limit). */
export function executionsRequest(filters: ExecutionFilters, range: { from?: number; to?: number }): ApiRequest<'listExecutions'> {
  const text = filters.text.trim();
  return {
    ...(filters.family !== '' ? { families: [filters.family] } : {}),
    ...(filters.outcome !== '' ? { outcomes: [filters.outcome] } : {}),
    ...(filters.status !== '' ? { statuses: [filters.status] } : {}),
    ...(text !== '' ? { text } : {}),
    ...(filters.hasProblems ? { hasProblems: true } : {}),
    ...(filters.integrity !== '' ? { integrities: [filters.integrity] } : {}),
    ...range,
    sort: filters.sort,
    descending: filters.descending,
  };
}
