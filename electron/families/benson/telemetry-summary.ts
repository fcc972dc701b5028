import type { TelemetrySummary } from '../../../shared/model/inspection';

/**
 * The telemetry summary a Benson report gives for a PAC (formats.md 2), from
 * its events in the order given. first_event and last_event are the timestamp
 * strings of the first and last event as written, even when one is null.
 */
export function telemetrySummary(events: readonly { readonly eventType: string; readonly timestamp: string | null }[]): TelemetrySummary {
  return {
    total_events: events.length,
    event_types: [...new Set(events.map((event) => event.eventType))],
    first_event: events[0]?.timestamp ?? null,
    last_event: events[events.length - 1]?.timestamp ?? null,
  };
}

/** One event a summary counts: its type, its timestamp as written, its time in epoch milliseconds. */
export interface SummarizedEvent {
  readonly eventType: string;
  readonly timestamp: string | null;
  readonly ts: number | null;
}

/**
 * A PAC's events in the order they were emitted, from its events in file
 * order: by time, to the fraction of a millisecond its timestamps are written
 * with, then in file order. ChainBridge writes each event to its telemetry
 * file and to captured stdout, and the index counts the copy it read first;
 * read in steps (both files tailed as they grow), a PAC's counted events lie in
 * both files, and file order put its later events before its earlier ones.
 * Events are left in file order when one has no time.
 */
export function inEmissionOrder<E extends SummarizedEvent>(events: readonly E[]): readonly E[] {
  if (events.some((event) => event.ts === null)) return events;
  const keyed = events.map((event, order) => ({ event, order, within: withinMillisecond(event.timestamp) }));
  keyed.sort((a, b) => (a.event.ts as number) - (b.event.ts as number) || a.within - b.within || a.order - b.order);
  return keyed.map((entry) => entry.event);
}

/** The digits of a timestamp's seconds past the milliseconds (`.013349` gives 0.349), 0 without them. */
function withinMillisecond(timestamp: string | null): number {
  const digits = /T\d{2}:\d{2}:\d{2}\.\d{3}(\d+)/.exec(timestamp ?? '')?.[1];
  return digits === undefined ? 0 : Number(`0.${digits}`);
}
