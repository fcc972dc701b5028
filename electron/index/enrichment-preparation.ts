import type Database from 'better-sqlite3';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { DerivedRows, IndexFamilyRules } from './family-rules';
import { RawTexts } from './raw-texts';
import type { PlainSearchText, Renormalize } from './renormalize';

/** The events a step of the enrichment reaches after a mark, in id order, with what their full text and derived rows come from. */
export const EVENTS_AFTER_SQL = `SELECT e.id, e.source_id, e.family, e.part, e.execution_id, e.same_as, e.raw_block, e.raw_at, e.raw_len, s.path
  FROM events e JOIN sources s ON s.id = e.source_id WHERE e.id > ? ORDER BY e.id LIMIT ?`;

/** An event as a step of the enrichment reads it (EVENTS_AFTER_SQL). */
export interface StoredEvent {
  readonly id: number;
  readonly source_id: number;
  readonly family: string;
  readonly part: number;
  readonly execution_id: number | null;
  readonly same_as: number | null;
  readonly raw_block: number | null;
  readonly raw_at: number;
  readonly raw_len: number;
  readonly path: string;
}

/** An event as it was stored when it was prepared, and the producer zone its path was read in then. */
export interface SentEvent {
  readonly id: number;
  readonly family: string;
  readonly part: number;
  readonly same_as: number | null;
  readonly raw_block: number | null;
  readonly raw_at: number;
  readonly raw_len: number;
  readonly path: string;
  readonly zone: string | null;
}

/** An event's full text, and the rows its family derives from it (null when it derives none here: a plain family's, or a copy of another event). */
export interface ReadyEvent {
  readonly searchText: string;
  readonly derived: DerivedRows | null;
}

/** One step's events as they were read, and for each what the step writes (null: nothing, its raw text is gone or no longer reads as an event). */
export interface PreparedStep {
  readonly events: readonly SentEvent[];
  readonly prepared: readonly (ReadyEvent | null)[];
}

/**
 * Derives, on another thread and its own read-only connection, what the
 * enrichment's next steps will write (full text, derived rows) with the very
 * code the writer's thread runs (readyEvent): most of a step's time is this
 * work, and the second core idles once the scan is done. It reads the events
 * itself, so the writer sends only where to start (sending them cost the
 * writer as much as it saved). `renormalizeIn` is the ingest's reader for a
 * zone per path (renormalize-raw.ts).
 */
export class EnrichmentPreparation {
  private readonly statements;
  /** The last event id of the step prepared before: where the next one continues. */
  private lastId = 0;

  constructor(
    db: Database.Database,
    private readonly renormalizeIn: (zoneOf: (sourcePath: string) => string | null) => Renormalize,
    private readonly plainSearchText: PlainSearchText,
    private readonly families: IndexFamilyRules,
  ) {
    this.statements = {
      eventsAfter: db.prepare(EVENTS_AFTER_SQL),
      block: db.prepare('SELECT data FROM raw_blocks WHERE id = ?').pluck(),
    };
  }

  /** The next step's events after `afterId` (after the step prepared before when null), at most `limit`, read in the zones `zoneOf` gives. */
  next(afterId: number | null, limit: number, zoneOf: (sourcePath: string) => string | null): PreparedStep {
    const rows = this.statements.eventsAfter.all(afterId ?? this.lastId, limit) as StoredEvent[];
    this.lastId = rows[rows.length - 1]?.id ?? afterId ?? this.lastId;
    const zoneNow = zonesOnce(zoneOf);
    const renormalize = this.renormalizeIn(zoneNow);
    const raw = new RawTexts(this.statements.block);
    const rowsOf = (event: NormalizedEvent): DerivedRows => this.families[event.family].derivedRows(event);
    const events: SentEvent[] = [];
    const prepared: (ReadyEvent | null)[] = [];
    for (const row of rows) {
      events.push({ id: row.id, family: row.family, part: row.part, same_as: row.same_as, raw_block: row.raw_block, raw_at: row.raw_at, raw_len: row.raw_len, path: row.path, zone: zoneNow(row.path) });
      prepared.push(readyEvent(row, raw, renormalize, this.plainSearchText, rowsOf));
    }
    return { events, prepared };
  }
}

/**
 * What the enrichment writes for a stored event, derived from its raw line:
 * its search text, and the rows its family derives (none for a plain family's
 * event, or a copy of another: same_as). Null when its raw text is gone or no
 * longer reads as an event. The writer's thread and the worker's both run this.
 */
export function readyEvent(
  row: StoredEvent,
  raw: RawTexts,
  renormalize: Renormalize,
  plainSearchText: PlainSearchText,
  derivedRowsOf: (event: NormalizedEvent) => DerivedRows,
): ReadyEvent | null {
  const text = raw.of(row);
  if (text === null) return null;
  // Most events of a plain family need only their search text, which their line gives without normalizing it again.
  const plain = row.part === 0 ? plainSearchText(text, row.family) : null;
  if (plain !== null) return { searchText: plain, derived: null };
  const again = renormalize(text, row.path, row.part);
  if (again === null) return null;
  return { searchText: again.searchText, derived: row.same_as === null ? derivedRowsOf(again.event) : null };
}

/**
 * A step prepared on another thread (EnrichmentPreparation), as the writer
 * uses it. Each event is used only while it is stored exactly as it was read,
 * in the zone its path is read in now: a scan between the two may have taken
 * events back, and a reviewer may have changed a producer zone. Any other
 * event is derived by the writer as before, so a stale answer costs time,
 * never a wrong row.
 */
export class PreparedEnrichment {
  private readonly byId = new Map<number, { readonly sent: SentEvent; readonly ready: ReadyEvent | null }>();
  /** Each path's zone as read at the step (one step uses these, in one transaction). */
  private readonly zoneNow: (sourcePath: string) => string | null;

  constructor(
    step: PreparedStep,
    zoneOf: (sourcePath: string) => string | null,
  ) {
    this.zoneNow = zonesOnce(zoneOf);
    if (step.prepared.length !== step.events.length) throw new Error(`${step.prepared.length} events prepared for ${step.events.length} read`);
    step.events.forEach((sent, i) => this.byId.set(sent.id, { sent, ready: step.prepared[i] ?? null }));
  }

  /** What was prepared for this stored event: undefined when nothing was, or when it is no longer stored or zoned as it was read. */
  of(row: StoredEvent): ReadyEvent | null | undefined {
    const found = this.byId.get(row.id);
    if (found === undefined) return undefined;
    const sent = found.sent;
    const same =
      sent.family === row.family && sent.part === row.part && sent.same_as === row.same_as && sent.raw_block === row.raw_block &&
      sent.raw_at === row.raw_at && sent.raw_len === row.raw_len && sent.path === row.path && sent.zone === this.zoneNow(row.path);
    return same ? found.ready : undefined;
  }
}

/** `zoneOf`, asked once per path: it matches the path against the settings, and a step has thousands of events of a few paths. */
function zonesOnce(zoneOf: (sourcePath: string) => string | null): (sourcePath: string) => string | null {
  const zones = new Map<string, string | null>();
  return (path) => {
    let zone = zones.get(path);
    if (zone === undefined) zones.set(path, (zone = zoneOf(path)));
    return zone;
  };
}
