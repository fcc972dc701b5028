/**
 * One event without its raw line: time, kind and outcome. Comparisons and
 * waterfalls read a whole execution's events this way, so 60,000 of them read
 * in milliseconds instead of inflating every raw line.
 */
export interface BareEvent {
  readonly id: number;
  readonly ts: number | null;
  readonly kind: string;
  readonly status: string | null;
  readonly errorCode: string | null;
  readonly failed: boolean;
  /** The improvement cycle (cycle runs), else null. */
  readonly cycle: number | null;
}

/** The events columns a BareEvent is read from, for a SELECT list. */
export const BARE_EVENT_COLUMNS = 'id, ts, kind, status, error_code, failed, cycle';

/** A row of BARE_EVENT_COLUMNS as SQLite returns it. */
export interface StoredBareEvent {
  readonly id: number;
  readonly ts: number | null;
  readonly kind: string;
  readonly status: string | null;
  readonly error_code: string | null;
  readonly failed: number;
  readonly cycle: number | null;
}

/** A stored row as a BareEvent. */
export function toBareEvent(row: StoredBareEvent): BareEvent {
  return { id: row.id, ts: row.ts, kind: row.kind, status: row.status, errorCode: row.error_code, failed: row.failed !== 0, cycle: row.cycle };
}
