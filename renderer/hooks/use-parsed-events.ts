import { useEffect, useMemo, useState } from 'react';
import type { EventRow } from '../format/event-row';
import { asRecord, parsePreview } from '../format/json-text';
import { useBridge } from '../state/bridge-context';
import { callBridge } from '../state/call-bridge';

/** An event row with its raw line parsed (null when it is not a JSON object). */
export interface ParsedEvent {
  readonly row: EventRow;
  readonly json: Readonly<Record<string, unknown>> | null;
}

/** The most events whose full line is fetched one by one; sections list the first ones of long executions. */
const MAX_FETCHED = 300;

/**
 * The events' raw lines as JSON objects, for sections that show payload fields.
 * A short line's preview is the whole line and is parsed as is; a longer one is
 * read in full through getEvent (bounded, a few at a time).
 */
export function useParsedEvents(rows: readonly EventRow[]): { readonly events: readonly ParsedEvent[]; readonly pending: number } {
  const bridge = useBridge();
  const fromPreview = useMemo(() => rows.map((row) => ({ row, json: parsePreview(row.preview) })), [rows]);
  const missing = useMemo(() => fromPreview.filter((event) => event.json === null && event.row.preview.length >= 290).map((event) => event.row.id).slice(0, MAX_FETCHED), [fromPreview]);
  const [fetched, setFetched] = useState<ReadonlyMap<number, Readonly<Record<string, unknown>> | null>>(new Map());
  const missingKey = missing.join(',');
  useEffect(() => {
    if (missingKey === '') return;
    let cancelled = false;
    const ids = missingKey.split(',').map(Number);
    const run = async (): Promise<void> => {
      const found = new Map<number, Readonly<Record<string, unknown>> | null>();
      for (let start = 0; start < ids.length && !cancelled; start += 6) {
        const batch = ids.slice(start, start + 6);
        const results = await Promise.all(batch.map((id) => callBridge(bridge, 'getEvent', { id })));
        results.forEach((result, position) => found.set(batch[position] as number, result.ok ? asRecord(result.value.parsed) : null));
        if (!cancelled) setFetched(new Map(found));
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [bridge, missingKey]);
  const events = useMemo(() => fromPreview.map((event) => (event.json !== null ? event : { row: event.row, json: fetched.get(event.row.id) ?? null })), [fromPreview, fetched]);
  return { events, pending: missing.filter((id) => !fetched.has(id)).length };
}
