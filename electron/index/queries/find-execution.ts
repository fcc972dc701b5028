import type Database from 'better-sqlite3';
import { parseExecutionId } from '../../../shared/model/execution-id';

/** Resolves API execution ids (`<family>:<key>`) to executions rows. */
export class ExecutionLookup {
  private readonly byKey: Database.Statement;

  constructor(db: Database.Database) {
    this.byKey = db.prepare('SELECT id FROM executions WHERE family = ? AND key = ?').pluck();
  }

  /** The row id of an execution, or null when the id is malformed or the index has no such execution. */
  rowIdOf(executionId: string): number | null {
    const parsed = parseExecutionId(executionId);
    if (parsed === null) return null;
    return (this.byKey.get(parsed.family, parsed.key) as number | undefined) ?? null;
  }
}
