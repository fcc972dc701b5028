import type { Renormalize } from '../index/renormalize';
import { eventLabel } from '../families/family-registry';
import { lineEvents, lineToEvent, type LineOutcome } from './line-to-event';
import { withNaiveTimeZone } from '../families/reading/naive-time-zone';
import { textLineToEvent } from './text-line-to-event';

/**
 * Re-derives an event from stored raw text with the same code the reader used,
 * times without zone read in the producer zone `zoneOf` gives its source's path.
 * `part` picks the event of a line that holds many (an OTLP request's spans);
 * the last such line is kept parsed, since its events are re-derived one after
 * another and parsing it again for each would cost the square of its spans.
 */
export function renormalizeIn(zoneOf: (sourcePath: string) => string | null): Renormalize {
  let last: { readonly raw: string; readonly zone: string | null; readonly outcome: LineOutcome } | null = null;
  return (raw, sourcePath, part) => {
    const zone = zoneOf(sourcePath);
    let outcome: LineOutcome;
    if (last !== null && last.raw === raw && last.zone === zone) {
      outcome = last.outcome;
    } else {
      outcome = withNaiveTimeZone(zone, () => {
        // A stored event that is no JSON object came from a text log, and reads again as one.
        const json = lineToEvent(raw);
        return json.type === 'event' ? json : textLineToEvent(raw).outcome;
      });
      last = outcome.type === 'event' && outcome.more.length > 0 ? { raw, zone, outcome } : null;
    }
    if (outcome.type !== 'event') return null;
    const found = lineEvents(outcome)[part];
    return found === undefined ? null : { event: found.event, label: eventLabel(found.event, sourcePath), searchText: found.searchText };
  };
}

/** Re-derives an event from stored raw text with the same code the reader used, times without zone read as UTC. */
export const renormalizeRaw: Renormalize = renormalizeIn(() => null);
