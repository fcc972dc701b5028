import type { Renormalize } from '../index/renormalize';
import { eventLabel } from '../families/family-registry';
import { lineEvents, lineToEvent, type LineEvent, type LineOutcome } from './line-to-event';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { withNaiveTimeZone } from '../families/reading/naive-time-zone';
import { textLineToEvent } from './text-line-to-event';

/**
 * Re-derives an event from stored raw text with the same code the reader used,
 * times without zone read in the producer zone `zoneOf` gives its source's path.
 * `part` picks the event of a line that holds many (an OTLP request's spans);
 * the last such line is kept parsed, since its events are re-derived one after
 * another and parsing it again for each would cost the square of its spans.
 * It is held weakly: a 64 MiB document's spans must not stay in memory for
 * good once the loop that read them is done.
 */
export function renormalizeIn(zoneOf: (sourcePath: string) => string | null): Renormalize {
  let lastRef: WeakRef<CachedLine> | null = null;
  return (raw, sourcePath, part) => {
    const zone = zoneOf(sourcePath);
    let outcome: LineOutcome;
    const last = lastRef?.deref();
    if (last !== undefined && last.raw === raw && last.zone === zone) {
      outcome = last.outcome;
    } else {
      outcome = withNaiveTimeZone(zone, () => {
        // A stored event that is no JSON object came from a text log, and reads again as one.
        const json = lineToEvent(raw);
        return json.type === 'event' ? json : textLineToEvent(raw).outcome;
      });
      lastRef = outcome.type === 'event' && outcome.more.length > 0 ? new WeakRef({ raw, zone, outcome }) : null;
    }
    if (outcome.type !== 'event') return null;
    const found = lineEvents(outcome)[part];
    return found === undefined ? null : new Renormalized(found, sourcePath);
  };
}

/**
 * An event derived again, its label and search text worked out when first
 * read: the pass over derived rows reads only the event, and a search text
 * computed for it anyway was about a twentieth of that pass.
 */
class Renormalized {
  constructor(
    private readonly found: LineEvent,
    private readonly sourcePath: string,
  ) {}

  get event(): NormalizedEvent {
    return this.found.event;
  }

  get label(): string | null {
    return eventLabel(this.found.event, this.sourcePath);
  }

  get searchText(): string {
    return this.found.searchText;
  }
}

/** A line of many events as last parsed, and the zone it was read in. */
interface CachedLine {
  readonly raw: string;
  readonly zone: string | null;
  readonly outcome: LineOutcome;
}

/** Re-derives an event from stored raw text with the same code the reader used, times without zone read as UTC. */
export const renormalizeRaw: Renormalize = renormalizeIn(() => null);
