import type { Renormalize } from '../index/renormalize';
import { eventLabel } from '../families/family-registry';
import { lineToEvent } from './line-to-event';
import { withNaiveTimeZone } from '../families/reading/naive-time-zone';
import { textLineToEvent } from './text-line-to-event';

/**
 * Re-derives an event from stored raw text with the same code the reader used,
 * times without zone read in the producer zone `zoneOf` gives its source's path.
 */
export function renormalizeIn(zoneOf: (sourcePath: string) => string | null): Renormalize {
  return (raw, sourcePath) =>
    withNaiveTimeZone(zoneOf(sourcePath), () => {
      // A stored event that is no JSON object came from a text log, and reads again as one.
      const json = lineToEvent(raw);
      const outcome = json.type === 'event' ? json : textLineToEvent(raw).outcome;
      return outcome.type === 'event' ? { event: outcome.event, label: eventLabel(outcome.event, sourcePath), searchText: outcome.searchText } : null;
    });
}

/** Re-derives an event from stored raw text with the same code the reader used, times without zone read as UTC. */
export const renormalizeRaw: Renormalize = renormalizeIn(() => null);
