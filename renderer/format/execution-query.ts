import type { ApiRequest } from '../../shared/api/contract';
import { EXECUTION_SORTS } from '../../shared/api/contract';
import type { ExecutionFamily } from '../../shared/model/family';

/** What the executions list is filtered and sorted by. */
export interface ExecutionFilters {
  readonly family: ExecutionFamily | '';
  readonly outcome: 'ok' | 'failed' | 'running' | 'unknown' | '';
  readonly status: string;
  readonly text: string;
  readonly hasProblems: boolean;
  /** Against the known-good baseline of each execution's plan: '' for any. */
  readonly baseline: 'diverges' | 'same' | 'baseline' | '';
  readonly sort: (typeof EXECUTION_SORTS)[number];
  readonly descending: boolean;
}

/** Everything, oldest first: the order things happened in. */
export const DEFAULT_EXECUTION_FILTERS: ExecutionFilters = { family: '', outcome: '', status: '', text: '', hasProblems: false, baseline: '', sort: 'start', descending: false };

/** Status words the families write (formats.md), offered in the status filter. */
export const KNOWN_STATUSES: readonly string[] = ['COMPLETED', 'COMPLETED_PARTIAL', 'FAILED', 'INCOMPLETE', 'STARTED', 'BLOCKED', 'success', 'failed', 'completed', 'running', 'started', 'accept', 'revise', 'abort'];

/** The baseline filter's choices and their labels. */
export const BASELINE_FILTERS = ['diverges', 'same', 'baseline'] as const;

/** Labels of the baseline filter's choices. */
export const BASELINE_FILTER_LABELS: Readonly<Record<(typeof BASELINE_FILTERS)[number], string>> = {
  diverges: 'Diverges from its baseline',
  same: 'Same as its baseline',
  baseline: 'Is a baseline',
};

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
    ...(filters.baseline !== '' ? { baseline: [filters.baseline] } : {}),
    ...range,
    sort: filters.sort,
    descending: filters.descending,
  };
}
