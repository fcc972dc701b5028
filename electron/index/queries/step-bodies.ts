import type Database from 'better-sqlite3';
import { stepBodiesOf, type RecordOrigin } from '../../../shared/formats/record-step-body';
import { rawTextSql } from '../raw-blocks';

/** A stored step event: the event that carried it, how, and its place among that event's step events. */
export interface StepRef {
  readonly event_id: number;
  readonly origin: RecordOrigin;
  readonly seq: number;
}

/**
 * Reads step event bodies back from their events' raw lines: step_events keeps
 * no copy (it would double the index), and the raw line is exactly what the
 * hash chain covers. Each event's line is parsed once, however many steps a
 * document holds.
 */
export class StepBodies {
  private readonly raw: Database.Statement;

  constructor(db: Database.Database) {
    this.raw = db.prepare(`SELECT ${rawTextSql('e')} AS raw FROM events e WHERE e.id = ?`);
  }

  /** The body of each step, in the order given. A step its line no longer holds reads as `{}`, which no chain accepts. */
  of(steps: readonly StepRef[]): Readonly<Record<string, unknown>>[] {
    const parsed = new Map<number, readonly Readonly<Record<string, unknown>>[]>();
    return steps.map((step) => {
      let bodies = parsed.get(step.event_id);
      if (bodies === undefined) {
        bodies = this.read(step.event_id, step.origin);
        parsed.set(step.event_id, bodies);
      }
      return bodies[step.seq] ?? {};
    });
  }

  private read(eventId: number, origin: RecordOrigin): readonly Readonly<Record<string, unknown>>[] {
    const row = this.raw.get(eventId) as { raw: string | null } | undefined;
    if (row?.raw == null) return [];
    let value: unknown;
    try {
      value = JSON.parse(row.raw);
    } catch {
      return [];
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    return stepBodiesOf(value as Record<string, unknown>, origin);
  }
}
