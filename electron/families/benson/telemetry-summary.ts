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
