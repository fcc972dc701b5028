import type Database from 'better-sqlite3';
import { rawTextSql } from '../raw-blocks';

/** A Benson event of the logs, as the report check reads it. */
export interface LoggedBensonEvent {
  readonly id: number;
  readonly kind: string;
  readonly ts: number | null;
  readonly raw: string;
  readonly path: string;
}

/** The index facts a Benson report document is checked against: which events the logs hold. */
export class BensonReportFacts {
  private readonly sighting: Database.Statement;
  private readonly between: Database.Statement;

  constructor(db: Database.Database) {
    this.sighting = db.prepare('SELECT event_id FROM event_sightings WHERE identity = ?');
    // First sightings only: an event in both the log_file and the stdout capture is one event.
    this.between = db.prepare(
      `SELECT e.id, e.kind, e.ts, ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id
       WHERE e.family = 'benson' AND e.same_as IS NULL AND e.kind != ? AND e.ts BETWEEN ? AND ? ORDER BY e.ts, e.id LIMIT ?`,
    );
  }

  /** The id of the logged event with this identity (see eventIdentity), or null when no log holds it. */
  loggedEventId(identity: Buffer): number | null {
    const row = this.sighting.get(identity) as { event_id: number } | undefined;
    return row?.event_id ?? null;
  }

  /** The logged Benson events between two instants (inclusive), other than report documents, at most `limit`. */
  loggedBetween(fromMs: number, toMs: number, reportKind: string, limit: number): LoggedBensonEvent[] {
    return this.between.all(reportKind, fromMs, toMs, limit) as LoggedBensonEvent[];
  }
}
