import { opensPacDispatch } from '../../shared/formats/benson';
import { basename } from 'node:path';
import type { NormalizedEvent } from '../../shared/model/normalized-event';

/** A short label for an execution list row, decided from the event and the file it came from. */
export function eventLabel(event: NormalizedEvent, sourcePath: string): string | null {
  const facts = event.facts;
  switch (facts.family) {
    case 'exec-event':
      return facts.actionType;
    case 'stream':
      // formats.md: the file stem is the live_stream_id.
      return basename(sourcePath).replace(/\.(jsonl|ndjson|log|json)(\.\d+)?(\.gz)?$/i, '');
    case 'benson':
      return opensPacDispatch(event.kind) ? event.actor : null;
    default:
      return null;
  }
}
