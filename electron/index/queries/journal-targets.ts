import type Database from 'better-sqlite3';
import { formatExecutionId } from '../../../shared/model/execution-id';
import type { ExecutionFamily } from '../../../shared/model/family';
import { rawTextSql } from '../raw-blocks';
import { originalPath } from '../source-row';
import { ExecutionLookup } from './find-execution';

/** An indexed event's line: its id, execution, place in the folder and raw text as the index holds it. */
export interface TargetLine {
  readonly eventId: number;
  readonly executionId: string | null;
  readonly path: string;
  readonly line: number;
  readonly raw: string;
}

/**
 * The lines a review journal entry is written against, and the event at a
 * recorded place now. Event ids are the index's and change when it is rebuilt,
 * so the journal keeps a line's path, number and hash, and notes are matched
 * back by place (`eventAt`).
 */
export class JournalTargets {
  private readonly executions: ExecutionLookup;
  private readonly byId: Database.Statement;
  private readonly byPlace: Database.Statement;
  private readonly firstOfExecution: Database.Statement;
  private readonly firstOfStep: Database.Statement;

  constructor(db: Database.Database) {
    this.executions = new ExecutionLookup(db);
    const columns = `e.id, e.line, s.path, x.family, x.key, ${rawTextSql('e')} AS raw`;
    const tables = 'events e JOIN sources s ON s.id = e.source_id LEFT JOIN executions x ON x.id = e.execution_id';
    this.byId = db.prepare(`SELECT ${columns} FROM ${tables} WHERE e.id = ?`);
    // A file marked gone or moving keeps its path with a suffix; the path as it is now is preferred.
    this.byPlace = db.prepare(`SELECT ${columns} FROM ${tables} WHERE e.line = @line AND (s.path = @path OR s.path GLOB @moved) ORDER BY s.path = @path DESC, e.id LIMIT 1`);
    // The execution page's order: events without a time first, then by time, ties by id.
    this.firstOfExecution = db.prepare('SELECT id FROM events WHERE execution_id = ? ORDER BY ts IS NOT NULL, ts, id LIMIT 1').pluck();
    // As the execution page shows steps: from the observer stream when there is one, else the document; in emission order.
    this.firstOfStep = db.prepare("SELECT event_id FROM step_events WHERE execution_id = ? AND step_index = ? ORDER BY origin = 'stream' DESC, event_id, seq LIMIT 1").pluck();
  }

  /** The event with this index id, or null. */
  event(eventId: number): TargetLine | null {
    return toTarget(this.byId.get(eventId));
  }

  /** The first event of an execution in the execution page's order, or null when the index has no such execution. */
  executionFirstEvent(executionId: string): TargetLine | null {
    const row = this.executions.rowIdOf(executionId);
    if (row === null) return null;
    const eventId = this.firstOfExecution.get(row) as number | undefined;
    return eventId === undefined ? null : this.event(eventId);
  }

  /** The first event of a record execution's step (by its index), or null when there is no such step. */
  stepFirstEvent(executionId: string, stepIndex: number): TargetLine | null {
    const row = this.executions.rowIdOf(executionId);
    if (row === null) return null;
    const eventId = this.firstOfStep.get(row, stepIndex) as number | undefined;
    return eventId === undefined ? null : this.event(eventId);
  }

  /** The event at a file's line now, or null when the index has none there. */
  eventAt(path: string, line: number): TargetLine | null {
    return toTarget(this.byPlace.get({ line, path, moved: `${path.replace(/[[*?]/g, (c) => `[${c}]`)} (*#*)` }));
  }
}

interface StoredTarget {
  readonly id: number;
  readonly line: number;
  readonly path: string;
  readonly family: ExecutionFamily | null;
  readonly key: string | null;
  readonly raw: string;
}

function toTarget(row: unknown): TargetLine | null {
  if (row === undefined) return null;
  const stored = row as StoredTarget;
  return {
    eventId: stored.id,
    executionId: stored.family === null || stored.key === null ? null : formatExecutionId(stored.family, stored.key),
    path: originalPath(stored.path),
    line: stored.line,
    raw: stored.raw,
  };
}
