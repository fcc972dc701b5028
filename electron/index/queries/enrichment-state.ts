import type Database from 'better-sqlite3';

/** The enrichment's mark as an SQL expression (0 when it was never set), for statements that compare event ids with it. */
export const ENRICHED_THROUGH_SQL = "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'enriched_through'), 0)";

/**
 * The full-text mark as an SQL expression: every event up to it has its full
 * text. Never behind the enriched mark, which an index written before the
 * mark existed has alone.
 */
export const TEXT_THROUGH_SQL = `max(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'text_through'), 0), ${ENRICHED_THROUGH_SQL})`;

/** How far the enrichment has got, by event id (migration 012). */
export interface EnrichmentMarks {
  /** Every event with an id up to this one has its full text (never behind enrichedThrough). */
  readonly textThrough: number;
  /** Every event with an id up to this one has its full text and derived rows. */
  readonly enrichedThrough: number;
  /** Every execution with an event up to this one has had its cross-event checks. */
  readonly checkedThrough: number;
  /** The highest event id stored. */
  readonly lastEventId: number;
}

/**
 * Reads how far the enrichment after a scan has got (index-enrichment.ts): for
 * the writer, and for a reader that must know whether an execution's steps,
 * spans and checks are in before it answers about them.
 */
export class EnrichmentState {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      mark: db.prepare('SELECT CAST(value AS INTEGER) AS value FROM meta WHERE key = ?').pluck(),
      lastEventId: db.prepare('SELECT coalesce(max(id), 0) FROM events').pluck(),
      lastEventOfExecution: db.prepare('SELECT max(id) FROM events WHERE execution_id = ?').pluck(),
      aheadOf: db.prepare('SELECT through FROM enriched_ahead WHERE execution_id = ?').pluck(),
      planWaits: db.prepare(
        `SELECT 1 FROM executions x JOIN plan_events p ON p.plan_id = x.plan_id
         WHERE x.id = ? AND p.derived_ahead = 0 AND p.event_id > ${ENRICHED_THROUGH_SQL} LIMIT 1`,
      ).pluck(),
    };
  }

  /** The marks as committed. */
  marks(): EnrichmentMarks {
    const enrichedThrough = this.mark('enriched_through');
    return {
      textThrough: Math.max(this.mark('text_through'), enrichedThrough),
      enrichedThrough,
      checkedThrough: this.mark('checked_through'),
      lastEventId: this.statements.lastEventId.get() as number,
    };
  }

  /** True when some stored event still waits for its full text, derived rows or checks. */
  pending(): boolean {
    const marks = this.marks();
    return marks.enrichedThrough < marks.lastEventId || marks.checkedThrough < marks.enrichedThrough;
  }

  /** The id of an execution's last event, or null when it has none. */
  lastEventOf(executionId: number): number | null {
    return (this.statements.lastEventOfExecution.get(executionId) as number | null | undefined) ?? null;
  }

  /** The event id up to which an execution was enriched ahead of the marks (0 when it was not). */
  aheadOf(executionId: number): number {
    return (this.statements.aheadOf.get(executionId) as number | undefined) ?? 0;
  }

  /**
   * True when an execution's detail would read rows the enrichment has not
   * written yet: its last event is past the checked mark, and it was not
   * enriched ahead (derived rows and checks) through it; or a document of its
   * plan (steps, rollback hints, declared side effects) is past the enriched
   * mark and was not derived ahead.
   */
  executionWaits(executionId: number): boolean {
    if (this.statements.planWaits.get(executionId) !== undefined) return true;
    const last = this.lastEventOf(executionId);
    if (last === null) return false;
    return last > this.marks().checkedThrough && last > this.aheadOf(executionId);
  }

  private mark(key: 'text_through' | 'enriched_through' | 'checked_through'): number {
    return (this.statements.mark.get(key) as number | undefined) ?? 0;
  }
}
