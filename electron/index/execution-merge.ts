import type { ExecutionDelta } from './execution-delta';
import { insertSql, type InsertRow } from './named-insert';

/** The executions columns a batch's delta fills, in table order; exported for the plain insert. */

export const DELTA_COLUMNS = [
  'family', 'key', 'event_count', 'failure_count', 'problem_count', 'first_ts', 'last_ts', 'status', 'outcome', 'status_rank',
  'status_ts', 'status_event_id', 'label', 'actor', 'product', 'plan_id', 'live_mode', 'open_count', 'close_count',
] as const;

/** One delta as the executions statements bind it. */
export type ExecutionDeltaRow = InsertRow<(typeof DELTA_COLUMNS)[number]>;

/** The stored counts the writer needs back after a merge, to decide on a cross-event check. */
export interface MergedExecution {
  readonly id: number;
  readonly open_count: number;
  readonly close_count: number;
  readonly exec_problems: number;
}

/**
 * True in SQL when the incoming delta's status beats the stored one: a status at
 * all, then a higher rank, a later time, a later event. The same order as
 * addToDelta's within a batch, so where a batch ends never changes the verdict.
 */
const INCOMING_STATUS_WINS =
  '(excluded.status_rank >= 0 AND (excluded.status_rank, excluded.status_ts, excluded.status_event_id) > (status_rank, status_ts, status_event_id))';

/** How each column takes in another delta: counts add up, times widen, the winning status moves as one, the first label stays. */
const MERGE: Readonly<Record<Exclude<(typeof DELTA_COLUMNS)[number], 'family' | 'key'>, string>> = {
  event_count: 'event_count + excluded.event_count',
  failure_count: 'failure_count + excluded.failure_count',
  problem_count: 'problem_count + excluded.problem_count',
  first_ts: 'coalesce(min(first_ts, excluded.first_ts), first_ts, excluded.first_ts)',
  last_ts: 'coalesce(max(last_ts, excluded.last_ts), last_ts, excluded.last_ts)',
  status: `iif(${INCOMING_STATUS_WINS}, excluded.status, status)`,
  outcome: `iif(${INCOMING_STATUS_WINS}, excluded.outcome, outcome)`,
  status_ts: `iif(${INCOMING_STATUS_WINS}, excluded.status_ts, status_ts)`,
  status_event_id: `iif(${INCOMING_STATUS_WINS}, excluded.status_event_id, status_event_id)`,
  status_rank: 'max(status_rank, excluded.status_rank)',
  label: 'coalesce(label, excluded.label)',
  actor: 'coalesce(actor, excluded.actor)',
  product: 'coalesce(product, excluded.product)',
  plan_id: 'coalesce(plan_id, excluded.plan_id)',
  live_mode: 'coalesce(live_mode, excluded.live_mode)',
  open_count: 'open_count + excluded.open_count',
  close_count: 'close_count + excluded.close_count',
};

/** Adds a delta to an execution, creating it when missing; returns the counts of MergedExecution. */
export const MERGE_EXECUTION_SQL = insertSql(
  'executions',
  DELTA_COLUMNS,
  true,
  `ON CONFLICT (family, key) DO UPDATE SET ${Object.entries(MERGE).map(([column, merge]) => `${column} = ${merge}`).join(', ')}
   RETURNING id, open_count, close_count, exec_problems`,
);

/** Empties an execution's delta columns (the counts of cross-event problems kept), before its remaining events are merged again. */
export const RESET_EXECUTION_SQL = `UPDATE executions SET event_count = 0, failure_count = 0, problem_count = exec_problems, first_ts = NULL, last_ts = NULL,
  status = NULL, outcome = 'unknown', status_rank = -1, status_ts = -1, status_event_id = 0, label = NULL, actor = NULL,
  product = NULL, plan_id = NULL, live_mode = NULL, open_count = 0, close_count = 0 WHERE id = ?`;

/** The row both statements bind for one execution's delta. */
export function executionDeltaRow(family: string, key: string, delta: ExecutionDelta): ExecutionDeltaRow {
  const status = delta.status;
  return {
    family, key, event_count: delta.events, failure_count: delta.failures, problem_count: delta.problems,
    first_ts: delta.firstTs, last_ts: delta.lastTs,
    status: status?.status ?? null, outcome: status?.outcome ?? 'unknown', status_rank: status?.rank ?? -1,
    status_ts: delta.statusTs, status_event_id: delta.statusEventId,
    label: delta.label, actor: delta.actor, product: delta.product, plan_id: delta.planId, live_mode: delta.liveMode,
    open_count: delta.opens, close_count: delta.closes,
  };
}
