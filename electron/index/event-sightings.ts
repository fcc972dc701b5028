import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PendingEvent } from './ingest-batch';

/** A batch's event, the id it is stored under and the execution it joins (a CHECKPOINT's is the PAC open in its file). */
export interface PlacedEvent {
  readonly pending: PendingEvent;
  readonly eventId: number;
  readonly key: string | null;
}

/**
 * Finds events that the index already holds from another file: ChainBridge writes
 * every telemetry event both to its log_file and, as `[TELEMETRY] {json}`, to
 * stdout, and an incident folder often holds both (producers.md). Such an event is
 * one event seen in two places: the first sighting counts, later ones point at it.
 * Only Benson events are matched, by their type, time, PAC and every value: a
 * repeat within one file is a real repeat and counts, and two PACs' identical
 * checkpoints at one instant are two events.
 */
export class EventSightings {
  private readonly lookup: Database.Statement;
  private readonly insert: Database.Statement;

  constructor(db: Database.Database) {
    this.lookup = db.prepare('SELECT event_id, source_id FROM event_sightings WHERE identity = ?');
    this.insert = db.prepare('INSERT INTO event_sightings (identity, event_id, source_id) VALUES (?, ?, ?)');
  }

  /** For each event of the batch already seen in another file, the id of its first sighting; records the new first sightings. */
  sameAs(placed: readonly PlacedEvent[]): Map<number, number> {
    const sameAs = new Map<number, number>();
    const inBatch = new Map<string, { event_id: number; source_id: number }>();
    for (const { pending, eventId, key } of placed) {
      if (pending.event.family !== 'benson') continue;
      const identity = eventIdentity(pending.event.family, pending.event.kind, pending.event.timestampMs, key, pending.searchText);
      const hex = identity.toString('hex');
      const known = inBatch.get(hex) ?? (this.lookup.get(identity) as { event_id: number; source_id: number } | undefined);
      if (known === undefined) {
        this.insert.run(identity, eventId, pending.sourceId);
        inBatch.set(hex, { event_id: eventId, source_id: pending.sourceId });
      } else if (known.source_id !== pending.sourceId) {
        sameAs.set(eventId, known.event_id);
      }
    }
    return sameAs;
  }
}

/** What makes two lines the same event: family, type, time, execution and every value (the searchable text holds them all, in order). */
export function eventIdentity(family: string, kind: string, timestampMs: number | null, executionKey: string | null, searchText: string): Buffer {
  return createHash('sha256').update(`${family}\u0000${kind}\u0000${timestampMs ?? ''}\u0000${executionKey ?? ''}\u0000${searchText}`).digest();
}
