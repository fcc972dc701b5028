import type Database from 'better-sqlite3';
import type { ApiResponse } from '../../../shared/api/contract';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import { EVENT_COLUMNS, EVENT_TABLES, toEventRow, type StoredEvent } from './list-events';
import { rawTextSql } from '../raw-blocks';
import { PROBLEM_COLUMNS, PROBLEM_TABLES, toProblemRow, type StoredProblem } from './list-problems';
import { lineObject } from '../../../shared/formats/line-payload';

/** Re-derives an event from its raw text (the `part`-th event of its line) with the reader's own code; null when the text is no event. */
export type NormalizeRaw = (raw: string, part: number) => NormalizedEvent | null;

/** One event in full: its raw line as stored, parsed, normalized again, and its problems. */
export class EventDetails {
  private readonly event: Database.Statement;
  private readonly problems: Database.Statement;

  /** `normalize` is passed in so that the index does not depend on the ingest code it serves. */
  constructor(
    db: Database.Database,
    private readonly normalize: NormalizeRaw,
  ) {
    this.event = db.prepare(`SELECT ${EVENT_COLUMNS}, e.part, ${rawTextSql('e')} AS raw FROM ${EVENT_TABLES} WHERE e.id = ?`);
    // problems has no event_id index, but every problem about an event carries that event's source and line.
    this.problems = db.prepare(`SELECT ${PROBLEM_COLUMNS} FROM ${PROBLEM_TABLES} WHERE p.source_id = ? AND p.line = ? AND p.event_id = ? ORDER BY p.id`);
  }

  /** The event with this id, or null when the index has none. */
  get(id: number): ApiResponse<'getEvent'> | null {
    const row = this.event.get(id) as (StoredEvent & { part: number; raw: string }) | undefined;
    if (row === undefined) return null;
    const again = this.normalize(row.raw, row.part);
    return {
      event: toEventRow(row),
      raw: row.raw,
      parsed: lineObject(row.raw),
      // The stored event was normalized from this very text, so `again` is null only if the normalizers changed since.
      normalized: again === null
        ? { family: row.family, kind: row.kind, executionKey: row.execution_key, timestampMs: row.ts, status: row.status, errorCode: row.error_code, actor: row.actor, failed: row.failed !== 0 }
        : {
            family: again.family, kind: again.kind, executionKey: again.executionKey, timestampMs: again.timestampMs, status: again.status,
            errorCode: again.errorCode, actor: again.actor, failed: again.failed,
          },
      problems: (this.problems.all(row.source_id, row.line, id) as StoredProblem[]).map(toProblemRow),
      // Filled in by the API for a Benson report document, which it checks against the logs.
      bensonReport: null,
    };
  }
}

