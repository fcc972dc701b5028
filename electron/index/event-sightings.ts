import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { rawTextSql } from './raw-blocks';
import type { Family } from '../../shared/model/family';
import type { IndexFamilyRules } from './family-rules';
import type { PendingEvent } from './ingest-batch';
import type { Renormalize } from './renormalize';
import type { ScanFacts } from './scan-facts';

/** A batch's event, the id it is stored under and the execution it joins (a CHECKPOINT's is the PAC open in its file). */
export interface PlacedEvent {
  readonly pending: PendingEvent;
  readonly facts: ScanFacts;
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
 *
 * Most PACs live in one file, where nothing can be seen twice; so sightings are
 * recorded only once a PAC has events in a second file, and then that PAC's
 * events already stored are recorded first.
 */
export class EventSightings {
  private readonly lookup: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly sourcesOfPac: Database.Statement;
  private readonly addPacSource: Database.Statement;
  private readonly storedOfPac: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly renormalize: Renormalize,
    private readonly families: IndexFamilyRules,
  ) {
    this.lookup = db.prepare('SELECT event_id, source_id FROM event_sightings WHERE identity = ?');
    this.insert = db.prepare('INSERT OR IGNORE INTO event_sightings (identity, event_id, source_id) VALUES (?, ?, ?)');
    this.sourcesOfPac = db.prepare('SELECT source_id FROM pac_sources WHERE pac = ?').pluck();
    this.addPacSource = db.prepare('INSERT OR IGNORE INTO pac_sources (pac, source_id) VALUES (?, ?)');
    this.storedOfPac = db.prepare(
      `SELECT e.id, e.source_id, e.part, ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id
       JOIN executions x ON x.id = e.execution_id WHERE x.family = ? AND x.key = ? AND e.same_as IS NULL ORDER BY e.id`,
    );
  }

  /** For each event of the batch already seen in another file, the id of its first sighting; records what later batches need. */
  sameAs(placed: readonly PlacedEvent[]): Map<number, number> {
    const sameAs = new Map<number, number>();
    // Keyed by family and key; pac_sources holds the key alone, which is a PAC id while Benson is the only family that counts once across files.
    const byPac = new Map<string, PlacedEvent[]>();
    for (const p of placed) {
      if (!this.families[p.facts.family].countsOnceAcrossFiles || p.key === null) continue;
      const group = `${p.facts.family}\u0000${p.key}`;
      const events = byPac.get(group);
      if (events === undefined) byPac.set(group, [p]);
      else events.push(p);
    }
    for (const events of byPac.values()) {
      const first = events[0] as PlacedEvent;
      const family = first.facts.family;
      const pac = first.key as string;
      const known = this.sourcesOfPac.all(pac) as number[];
      const fresh = [...new Set(events.map((p) => p.pending.sourceId))].filter((source) => !known.includes(source));
      for (const source of fresh) this.addPacSource.run(pac, source);
      if (known.length + fresh.length < 2) continue;
      // The PAC just reached a second file: what its first file gave must be recognizable too.
      if (known.length === 1 && fresh.length > 0) this.recordStored(family, pac);
      const inBatch = new Map<string, { event_id: number; source_id: number }>();
      for (const { pending, facts, eventId } of events) {
        // A parse worker hands such families' lines back whole (see ParsedLineKind.Whole): their search text is here.
        const identity = eventIdentity(facts.family, facts.kind, facts.timestampMs, pac, pending.searchText);
        const hex = identity.toString('hex');
        const seen = inBatch.get(hex) ?? (this.lookup.get(identity) as { event_id: number; source_id: number } | undefined);
        if (seen === undefined) {
          this.insert.run(identity, eventId, pending.sourceId);
          inBatch.set(hex, { event_id: eventId, source_id: pending.sourceId });
        } else if (seen.source_id !== pending.sourceId) {
          sameAs.set(eventId, seen.event_id);
        }
      }
    }
    return sameAs;
  }

  /** Records the sightings of a PAC's events already stored, read again from their raw lines. */
  private recordStored(family: Family, pac: string): void {
    // Read whole first: the connection cannot insert while a statement iterates.
    for (const row of this.storedOfPac.all(family, pac) as { id: number; source_id: number; part: number; raw: string; path: string }[]) {
      const again = this.renormalize(row.raw, row.path, row.part);
      if (again === null) continue;
      this.insert.run(eventIdentity(again.event.family, again.event.kind, again.event.timestampMs, pac, again.searchText), row.id, row.source_id);
    }
  }
}

/** What makes two lines the same event: family, type, time, execution and every value (the searchable text holds them all, in order). */
export function eventIdentity(family: string, kind: string, timestampMs: number | null, executionKey: string | null, searchText: string): Buffer {
  return createHash('sha256').update(`${family}\u0000${kind}\u0000${timestampMs ?? ''}\u0000${executionKey ?? ''}\u0000${searchText}`).digest();
}
