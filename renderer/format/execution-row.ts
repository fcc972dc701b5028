import type { z } from 'zod';
import type { executionRowSchema } from '../../shared/api/views';
import { claimedStatus, integrityText } from './integrity-text';
import { formatCount } from './numbers';
import { formatDuration, formatTimestamp } from './time';

/** One row of the executions list, as the API sends it. */
export type ExecutionRow = z.infer<typeof executionRowSchema>;

/** The text of each cell of an executions list row. */
export interface ExecutionRowCells {
  readonly family: string;
  readonly key: string;
  readonly label: string | null;
  readonly status: string;
  /** The status badge's tone: never green for a record that cannot be trusted. */
  readonly statusTone: 'ok' | 'bad' | 'warn' | 'neutral';
  readonly integrity: string;
  readonly integrityTone: 'ok' | 'bad' | 'warn' | 'neutral';
  readonly start: string;
  readonly duration: string;
  readonly events: string;
  readonly failures: string;
  readonly problems: string;
}

/** Formats only what is on screen: the virtualized list calls this per visible row. */
export function executionRowCells(row: ExecutionRow): ExecutionRowCells {
  // The integrity cell beside it says "untrusted"; the status itself only loses its green.
  const status = claimedStatus(row.status ?? row.outcome, statusTone(row.status ?? row.outcome), row.integrity);
  const integrity = integrityText(row.integrity);
  return {
    family: row.family,
    key: row.key,
    label: row.label !== null && row.label !== row.key ? row.label : null,
    status: row.status ?? row.outcome,
    statusTone: status.tone,
    integrity: integrity.short,
    integrityTone: integrity.tone,
    start: formatTimestamp(row.startMs),
    duration: formatDuration(row.durationMs),
    events: formatCount(row.eventCount),
    failures: row.failureCount === 0 ? '' : formatCount(row.failureCount),
    problems: row.problemCount === 0 ? '' : formatCount(row.problemCount),
  };
}

/** One sentence a screen reader says for a row. */
export function executionRowLabel(row: ExecutionRow): string {
  const cells = executionRowCells(row);
  const parts = [`${cells.family} ${cells.key}`, cells.status, `started ${cells.start}`, `${cells.events} events`];
  if (row.failureCount > 0) parts.push(`${cells.failures} failed`);
  if (row.problemCount > 0) parts.push(`${cells.problems} problems`);
  if (row.integrity !== 'not_applicable') parts.push(`integrity: ${cells.integrity}`);
  return parts.join(', ');
}

/** The tone of an outcome badge. */
export function outcomeTone(outcome: string | null | undefined): 'ok' | 'bad' | 'warn' | 'neutral' {
  switch (outcome) {
    case 'ok':
      return 'ok';
    case 'failed':
      return 'bad';
    case 'running':
      return 'warn';
    default:
      return 'neutral';
  }
}

/** The tone of a status word from any family (COMPLETED, FAILED, PASS, success, BLOCKED…). */
export function statusTone(status: string | null | undefined): 'ok' | 'bad' | 'warn' | 'neutral' {
  const upper = (status ?? '').toUpperCase();
  if (['COMPLETED', 'SUCCESS', 'PASS', 'OK', 'ACCEPT', 'INTACT', 'MATCH', 'VALID'].includes(upper)) return 'ok';
  if (['FAILED', 'FAIL', 'BLOCKED', 'ABORT', 'BROKEN', 'MISMATCH', 'COMPROMISED', 'ERROR', 'INVALID'].includes(upper)) return 'bad';
  if (['COMPLETED_PARTIAL', 'INCOMPLETE', 'STARTED', 'RUNNING', 'REVISE', 'DEGRADED', 'ELEVATED', 'WARNING'].includes(upper)) return 'warn';
  return 'neutral';
}
