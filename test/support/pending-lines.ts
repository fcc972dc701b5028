import { eventLabel } from '../../electron/families/family-registry';
import type { PendingEvent } from '../../electron/index/ingest-batch';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { lineEvents, lineToEvent } from '../../electron/ingest/line-to-event';

/**
 * Lines of one file as the reader hands them to the writer, from line `first`
 * at byte `offset`. Every line must be an event: a line that is not is a
 * mistake in the caller's lines, and throws.
 */
export function pendingLines(sourceId: number, path: string, lines: readonly string[], first = 1, offset = 0): WholePendingEvent[] {
  let at = offset;
  return lines.flatMap((raw, index) => {
    const outcome = lineToEvent(raw);
    if (outcome.type !== 'event') throw new Error(`not an event: ${raw}`);
    const length = Buffer.byteLength(raw) + 1;
    // Every event of the line (an OTLP request's spans) at the line's offset, as the reader gives them.
    const pending = lineEvents(outcome).map(({ event, searchText }, part): WholePendingEvent => ({
      sourceId, line: first + index, part, offset: at, length, raw, searchText, event, label: eventLabel(event, path), extraProblems: [], packed: null, facts: null,
    }));
    at += length;
    return pending;
  });
}

/** A pending event read whole, as the writer thread's own reader gives it. */
export type WholePendingEvent = PendingEvent & { readonly event: NormalizedEvent };
