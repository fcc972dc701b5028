import type { NormalizedEvent } from '../../shared/model/normalized-event';

/**
 * Re-derives an event from its stored raw text, for recomputing executions after a
 * file is re-read and for taking back the full text it was indexed with. The
 * ingest passes its own line reader, so the index never imports the ingest.
 * `part` is the event's place in its line (events.part: 0 but for a line of
 * many events, an OTLP request's spans); null when the line has no such part.
 */
export type Renormalize = (raw: string, sourcePath: string, part: number) => { event: NormalizedEvent; label: string | null; searchText: string } | null;

/**
 * The search text of a stored event straight from its raw line, for an event
 * whose family reads a line as one event and searches all of it; null when the
 * event must be re-derived whole (Renormalize). The ingest passes it, as it does Renormalize.
 */
export type WholeLineSearchText = (raw: string, family: string) => string | null;

/**
 * What the enrichment knows of events without normalizing them again: the
 * search text of a line searched whole, and the families whose events (one per
 * line: part 0) derive no rows, so the pass that derives rows passes them by.
 */
export interface PlainEvents {
  readonly searchText: WholeLineSearchText;
  readonly families: readonly string[];
}

/** No quick path: every event is read again whole (what the index assumes when the ingest passes nothing). */
export const NO_PLAIN_EVENTS: PlainEvents = { searchText: () => null, families: [] };
