import type Database from 'better-sqlite3';
import { rawTextSql } from '../raw-blocks';
import { BARE_EVENT_COLUMNS, toBareEvent, type BareEvent, type StoredBareEvent } from './bare-event';

/** One event of an execution as a waterfall places it: time, kind and outcome, without its raw line. */
export type TimelineEvent = BareEvent;

/** One event's raw line, for the few fields a bar label needs (a cycle command's name). */
export interface RawLine {
  readonly id: number;
  readonly raw: string;
}

/**
 * Reads what an execution's waterfall is drawn from that the detail does not
 * read: its events without their raw lines (a mission of 50,000 events would
 * otherwise inflate every line), and the raw lines of a few kinds for labels.
 */
export class WaterfallFacts {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      events: db.prepare(`SELECT ${BARE_EVENT_COLUMNS} FROM events WHERE execution_id = ? ORDER BY ts IS NULL, ts, id LIMIT ?`),
      rawOfKinds: db.prepare(`SELECT e.id, ${rawTextSql('e')} AS raw FROM events e WHERE e.execution_id = ? AND e.kind IN (SELECT value FROM json_each(?)) ORDER BY e.id`),
    };
  }

  /** The execution's first `limit` events in time order (untimed last, ties by id). */
  events(executionRowId: number, limit: number): TimelineEvent[] {
    return (this.statements.events.all(executionRowId, limit) as StoredBareEvent[]).map(toBareEvent);
  }


  /** The raw lines of the execution's events of these kinds, in the order they were read. */
  rawLinesOfKinds(executionRowId: number, kinds: readonly string[]): RawLine[] {
    return this.statements.rawOfKinds.all(executionRowId, JSON.stringify(kinds)) as RawLine[];
  }
}
